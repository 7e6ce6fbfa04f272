"""Form fields every app's forms share, so a date is typed the same way on every page."""

from django import forms

# Day first, as councils write dates; ISO as browsers and spreadsheets send them.
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"]


def date_field(
    label: str, help_text: str = "For example, 31/3/2018.", required: bool = True
) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=DATE_FORMATS,
        error_messages={
            "invalid": f"Enter the {label.lower()} as day/month/year, like 31/3/2018.",
            "required": f"Enter the {label.lower()}, like 31/3/2018.",
        },
    )
