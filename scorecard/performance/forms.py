"""Forms of the performance pages. They parse input; the services decide what is allowed and
name the field when they refuse, and the page keeps what the person typed."""

from django import forms

from scorecard.organisation.models import Directorate, User

from .choices import (
    Aggregation,
    DataQuality,
    Frequency,
    Polarity,
    Rating,
    TargetBasis,
    Unit,
)


class MeasurementForm(forms.Form):
    """A value for one period. Numbers are taken as typed and checked by the service, which
    explains what is wrong ("Enter a number, like 95.5")."""

    value = forms.CharField(label="Value", required=False, max_length=40)
    numerator = forms.CharField(
        label="Numerator", required=False, max_length=40, help_text="The count on top."
    )
    denominator = forms.CharField(
        label="Denominator", required=False, max_length=40, help_text="The count underneath."
    )
    manual_rating = forms.ChoiceField(
        label="Rating", required=False, choices=[("", "Choose a rating"), *Rating.choices]
    )
    manual_reason = forms.CharField(
        label="Reason for the rating", required=False, widget=forms.Textarea
    )
    commentary = forms.CharField(
        label="Commentary",
        required=False,
        widget=forms.Textarea,
        help_text="What the figure shows and why. Required when the value is red.",
    )
    improvement_actions = forms.CharField(
        label="Improvement actions",
        required=False,
        widget=forms.Textarea,
        help_text="What is being done to improve. Required when the value is red.",
    )
    data_quality = forms.ChoiceField(label="Data quality", choices=DataQuality.choices)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        if indicator.aggregation == Aggregation.RATIO:
            del self.fields["value"]
        else:
            del self.fields["numerator"], self.fields["denominator"]
        if indicator.status_rule.get("type") != "manual":
            del self.fields["manual_rating"], self.fields["manual_reason"]


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label="Why are you returning this value?",
        widget=forms.Textarea,
        help_text="The updater sees this and fixes the value.",
        error_messages={"required": "Say why the value is returned, so the updater can fix it."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ApproveForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class PeriodOpenForm(forms.Form):
    period = forms.CharField(
        label="Quarter to open",
        max_length=30,
        help_text="For example 2017/18-Q3 or Quarter Three 2017/18.",
        error_messages={"required": "Enter the quarter to open, for example 2017/18-Q3."},
    )


class IndicatorForm(forms.Form):
    code = forms.CharField(label="Code", max_length=30, help_text="Stable reference, e.g. CS02a.")
    title = forms.CharField(label="Title", max_length=300)
    definition = forms.CharField(label="Definition", required=False, widget=forms.Textarea)
    directorate = forms.ModelChoiceField(
        label="Directorate", queryset=Directorate.objects.filter(is_archived=False)
    )
    owner = forms.ModelChoiceField(
        label="Owner", queryset=User.objects.filter(is_active=True), required=False
    )
    updaters = forms.ModelMultipleChoiceField(
        label="Updaters",
        queryset=User.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="People who key in its values.",
    )
    unit = forms.ChoiceField(label="Unit", choices=Unit.choices)
    decimals = forms.IntegerField(label="Decimal places shown", min_value=0, max_value=6)
    polarity = forms.ChoiceField(label="Polarity", choices=Polarity.choices)
    frequency = forms.ChoiceField(label="How often it is collected", choices=Frequency.choices)
    due_quarter = forms.TypedChoiceField(
        label="Quarter an annual result is due",
        choices=[(n, f"Quarter {n}") for n in range(1, 5)],
        coerce=int,
    )
    aggregation = forms.ChoiceField(label="How periods combine", choices=Aggregation.choices)
    target_basis = forms.ChoiceField(label="Rated on", choices=TargetBasis.choices)
    data_source = forms.CharField(label="Data source", required=False, max_length=300)
    is_contextual = forms.BooleanField(
        label="Outside the council's direct control (shown for context, not rated)",
        required=False,
    )


class TargetForm(forms.Form):
    period = forms.CharField(
        label="Period", max_length=30, help_text="A year (2017/18), quarter (2017/18-Q2) or month."
    )
    value = forms.CharField(label="Target", max_length=40)
    notes = forms.CharField(label="Where the target comes from", required=False, max_length=500)
