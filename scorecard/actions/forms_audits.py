"""Forms of the audit pages: an audit's facts, a new recommendation, marking one implemented."""

import re

from django import forms

from scorecard.form_fields import date_field
from scorecard.organisation.models import Directorate, User

from .choices import AuditOpinion, Priority

YEAR = re.compile(r"^(\d{4})/(\d{2})$")


def _people():
    return User.objects.filter(is_active=True).order_by("first_name", "last_name")


class AuditForm(forms.Form):
    reference = forms.CharField(
        label="Reference", max_length=30, help_text="For example, IA 2017-04.",
        error_messages={"required": "Enter the audit's reference, like IA 2017-04."},
    )  # fmt: skip
    title = forms.CharField(
        label="Title", max_length=200, help_text="For example, Payroll and expenses.",
        error_messages={"required": "Enter the audit's title."},
    )  # fmt: skip
    financial_year = forms.CharField(
        label="Audit plan year", max_length=7, help_text="Written like 2017/18.",
        error_messages={"required": "Enter the audit plan's year, like 2017/18."},
    )  # fmt: skip
    directorate = forms.ModelChoiceField(
        label="Directorate audited", required=False, empty_label="Council-wide",
        queryset=Directorate.objects.order_by("name"),
    )  # fmt: skip
    issued_on = date_field(
        "Final report issued", "Leave blank while the audit is planned or under way.",
        required=False,
    )  # fmt: skip
    opinion = forms.ChoiceField(
        label="Assurance opinion", choices=AuditOpinion.choices, required=False
    )
    lead_auditor = forms.ModelChoiceField(
        label="Lead auditor", required=False, queryset=_people(), empty_label="Not named"
    )

    def clean_financial_year(self) -> str:
        text = self.cleaned_data["financial_year"].strip()
        match = YEAR.match(text)
        if not match or (int(match[1]) + 1) % 100 != int(match[2]):
            raise forms.ValidationError("Write the audit plan's year like 2017/18.")
        return text


class AuditEditForm(AuditForm):
    is_archived = forms.BooleanField(
        label="Archived: no longer on the plan (kept with its recommendations)", required=False
    )


class RecommendationForm(forms.Form):
    priority = forms.ChoiceField(
        label="Priority", choices=Priority.choices, widget=forms.RadioSelect,
        error_messages={"required": "Choose the recommendation's priority."},
    )  # fmt: skip
    description = forms.CharField(
        label="Recommendation", widget=forms.Textarea,
        error_messages={"required": "Enter the recommendation, in internal audit's words."},
    )  # fmt: skip
    management_response = forms.CharField(
        label="Management response", widget=forms.Textarea,
        help_text="What management agreed to do, in its own words.",
        error_messages={"required": "Enter the management response agreed with the service."},
    )  # fmt: skip
    owner = forms.ModelChoiceField(
        label="Owner", queryset=_people(),
        error_messages={"required": "Choose who will implement the recommendation."},
    )  # fmt: skip
    due_on = date_field("Agreed due date")


class ImplementedForm(forms.Form):
    evidence = forms.CharField(
        label="Evidence", widget=forms.Textarea,
        help_text="What shows it is done: a document, a decision, a figure. Internal audit checks it.",
        error_messages={"required": "Say what shows the recommendation is implemented."},
    )  # fmt: skip


class VerifyForm(forms.Form):
    decision = forms.ChoiceField(
        label="Is it implemented?",
        choices=[("verify", "Yes: verify it"),
                 ("send_back", "No: send it back to its owner, in progress")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to verify it or send it back."},
    )  # fmt: skip
    note = forms.CharField(
        label="What the evidence lacks (when you send it back)", widget=forms.Textarea,
        required=False,
    )  # fmt: skip
