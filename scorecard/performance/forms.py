"""Forms of the performance pages. They parse input; the services decide what is allowed and
name the field when they refuse, and the page keeps what the person typed."""

from django import forms

from scorecard.form_fields import DATE_FORMATS
from scorecard.organisation.models import Directorate, User

from .choices import (
    Aggregation,
    DataQuality,
    Frequency,
    Polarity,
    Rating,
    ScorecardTier,
    TargetBasis,
    Unit,
)
from .models import CorporatePlan, Indicator


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
    commentary_is_internal = forms.BooleanField(
        label="The commentary is for internal use only",
        required=False,
        help_text="Not shown on the public site or in the public documents. Cabinet's report "
        "still shows it. The improvement actions below stay public.",
    )
    improvement_actions = forms.CharField(
        label="Improvement actions",
        required=False,
        widget=forms.Textarea,
        help_text="What is being done to improve. Required when the value is red.",
    )
    data_quality = forms.ChoiceField(
        label="Data quality",
        # "Restated" is given by the performance team's restatement of a published value.
        choices=[c for c in DataQuality.choices if c[0] != DataQuality.RESTATED],
    )
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
    spc_baseline_points = forms.IntegerField(
        label="SPC baseline: number of first values that set the limits (optional)",
        required=False,
        min_value=2,
        help_text="Statistical process control: leave empty to work the limits out from every "
        "value.",
    )
    spc_recalculate_from = forms.CharField(
        label="SPC recalculated from (optional)",
        required=False,
        max_length=12,
        help_text="The period from which the process changed, e.g. 2016/17-M04: its limits are "
        "worked out again from there.",
    )
    spc_exclude_large_ranges = forms.BooleanField(
        label="SPC: leave moving ranges above the upper range limit out of the limits",
        required=False,
    )


class TargetForm(forms.Form):
    period = forms.CharField(
        label="Period", max_length=30, help_text="A year (2017/18), quarter (2017/18-Q2) or month."
    )
    value = forms.CharField(label="Target", max_length=40)
    notes = forms.CharField(label="Where the target comes from", required=False, max_length=500)


class RestateForm(forms.Form):
    """A corrected value for a locked quarter and the mandatory reason."""

    value = forms.CharField(label="Restated value", max_length=40, required=False)
    numerator = forms.CharField(label="Restated numerator", required=False, max_length=40)
    denominator = forms.CharField(label="Restated denominator", required=False, max_length=40)
    reason = forms.CharField(
        label="Why is the value restated?",
        widget=forms.Textarea,
        help_text="Kept with the change, with your name and the date.",
        error_messages={"required": "Say why the value is restated: the reason is kept with it."},
    )
    commentary = forms.CharField(
        label="Commentary (leave empty to keep the published one)",
        required=False,
        widget=forms.Textarea,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        if indicator.aggregation == Aggregation.RATIO:
            del self.fields["value"]
        else:
            del self.fields["numerator"], self.fields["denominator"]


class CorporatePlanForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, help_text="E.g. Corporate Plan 2017-2022.",
        error_messages={"required": "Enter the plan's title."},
    )  # fmt: skip
    adopted_on = forms.DateField(
        label="Adopted on", input_formats=DATE_FORMATS,
        help_text="The date full Council adopted it. For example, 20/7/2017.",
        error_messages={"required": "Enter the date the plan was adopted, like 20/7/2017.",
                        "invalid": "Enter the date the plan was adopted as day/month/year, like 20/7/2017."},
    )  # fmt: skip


class CorporatePlanChangeForm(CorporatePlanForm):
    is_archived = forms.BooleanField(label="Archived (no longer in use)", required=False)


class PriorityForm(forms.Form):
    code = forms.SlugField(
        label="Code", max_length=30, help_text="Short code, e.g. OFB for Open for Business.",
        error_messages={"required": "Enter a short code, e.g. OFB.",
                        "invalid": "Use letters, numbers, hyphens or underscores in the code."},
    )  # fmt: skip
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the priority's title."}
    )
    order = forms.IntegerField(
        label="Position in reports", min_value=0, initial=0,
        error_messages={"invalid": "Enter the position as a whole number."},
    )  # fmt: skip


class PriorityChangeForm(PriorityForm):
    is_archived = forms.BooleanField(label="Archived (no longer in use)", required=False)


class ScorecardForm(forms.Form):
    """A new scorecard and the quarter and plan of its first version."""

    name = forms.CharField(
        label="Name", max_length=200, help_text="E.g. Adult Services scorecard.",
        error_messages={"required": "Enter the scorecard's name."},
    )  # fmt: skip
    tier = forms.ChoiceField(label="Tier", choices=ScorecardTier.choices)
    directorate = forms.ModelChoiceField(
        label="Directorate", queryset=Directorate.objects.filter(is_archived=False), required=False,
        help_text="For a directorate or team scorecard.",
    )  # fmt: skip
    is_published = forms.BooleanField(label="Published to the public", required=False)
    live_from = forms.CharField(
        label="First quarter it reports", max_length=30, help_text="E.g. 2018/19-Q1.",
        error_messages={"required": "Enter the first quarter it reports, e.g. 2018/19-Q1."},
    )  # fmt: skip
    corporate_plan = forms.ModelChoiceField(
        label="Corporate Plan it reports against", queryset=CorporatePlan.objects.none(),
        required=False,
    )  # fmt: skip

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["corporate_plan"].queryset = plans


RETIRE = "retire"


class ScorecardRefreshForm(forms.Form):
    """A new version: from which quarter, against which plan, and for each indicator on the current
    version, the priority it sits under now or "take it off"; indicators to add, under a priority."""

    live_from = forms.CharField(
        label="Live from quarter", max_length=30,
        help_text="The first quarter the new version reports, e.g. 2018/19-Q1.",
        error_messages={"required": "Enter the first quarter of the new version, e.g. 2018/19-Q1."},
    )  # fmt: skip
    corporate_plan = forms.ModelChoiceField(
        label="Corporate Plan it reports against", queryset=CorporatePlan.objects.none(),
        required=False, empty_label="The same plan as now",
    )  # fmt: skip
    notes = forms.CharField(
        label="Why the scorecard is refreshed", required=False, widget=forms.Textarea
    )
    add = forms.ModelMultipleChoiceField(
        label="Indicators to add", queryset=Indicator.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    add_priority = forms.TypedChoiceField(
        label="Priority of the indicators added", required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, plans, entries, addable, priorities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["corporate_plan"].queryset = plans
        self.fields["add"].queryset = addable
        self.priorities = {p.pk: p for p in priorities}
        priority_choices = [(p.pk, f"{p.plan}: {p.title}") for p in priorities]
        self.fields["add_priority"].choices = [("", "No priority"), *priority_choices]
        self.entries = {}
        for entry in entries:
            name = f"entry_{entry.indicator_id}"
            self.entries[name] = entry
            self.fields[name] = forms.ChoiceField(
                label=f"{entry.indicator.code} {entry.indicator.title}",
                choices=[
                    ("", "No priority"),
                    *priority_choices,
                    (RETIRE, "Take it off the scorecard"),
                ],
                required=False,
                initial=entry.priority_id or "",
            )

    def changes(self) -> dict:
        """The service's arguments: add, retire and move."""
        data = self.cleaned_data
        retire, move = [], {}
        for name, entry in self.entries.items():
            choice = data.get(name) or ""
            if choice == RETIRE:
                retire.append(entry.indicator)
            elif str(entry.priority_id or "") != choice:
                move[entry.indicator] = self.priorities.get(int(choice)) if choice else None
        add_priority = self.priorities.get(data.get("add_priority"))
        return {
            "live_from": data["live_from"],
            "corporate_plan": data.get("corporate_plan"),
            "notes": data.get("notes", ""),
            "add": [(indicator, add_priority) for indicator in data.get("add") or []],
            "retire": retire,
            "move": move,
        }
