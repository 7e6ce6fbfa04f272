from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from scorecard.form_fields import date_field
from scorecard.organisation.models import Directorate, User
from scorecard.performance.models import Indicator, Priority
from scorecard.risks.models import Register

from .choices import RagChoice, ScheduleUnitChoice
from .models import Programme, ProjectRagRules, ProjectStage

MONEY_HINT = "In pounds, e.g. 250000."


def amount_text(value: Decimal | None) -> str:
    """A stored amount as a person types it: 300000, or 1234.50 with its pence."""
    if value is None:
        return ""
    return f"{value:.0f}" if value == value.to_integral_value() else f"{value:.2f}"


class ProjectUpdateForm(forms.Form):
    """The project manager's quarterly update. The milestone date fields are added per
    milestone by `with_milestones`."""

    period = forms.ChoiceField(
        label="Quarter this update is for",
        error_messages={
            "invalid_choice": "That quarter is no longer open for updates: choose one that is."
        },
    )
    progress = forms.CharField(
        label="Progress this quarter",
        widget=forms.Textarea,
        error_messages={"required": "Say what progress the project made this quarter."},
    )
    spend = forms.CharField(
        label="Spent to date this year (£)", required=False, help_text=MONEY_HINT
    )
    forecast_spend = forms.CharField(
        label="Expected spend for the whole year (£)", required=False, help_text=MONEY_HINT
    )
    savings_achieved = forms.CharField(
        label="Savings achieved to date this year (£)", required=False, help_text=MONEY_HINT
    )
    rag_judgement = forms.ChoiceField(
        label="Your judgement of the overall rating (optional)",
        choices=[
            ("", "By the rules (the worst of schedule, budget and savings)"),
            *RagChoice.choices,
        ],
        required=False,
    )
    rag_judgement_reason = forms.CharField(
        label="Reason for your judgement", widget=forms.Textarea, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def with_milestones(self, milestones) -> "ProjectUpdateForm":
        for m in milestones:
            self.fields[f"forecast_{m.pk}"] = date_field(
                f"{m.name}: forecast date",
                f"Planned {m.planned_date:%-d %B %Y}. For example, 31/1/2018.",
                required=False,
            )
            self.fields[f"actual_{m.pk}"] = date_field(f"{m.name}: date done", required=False)
            # The milestone's name as written (the shared message lower-cases the label).
            for part, words in (("forecast", "forecast date"), ("actual", "date done")):
                self.fields[f"{part}_{m.pk}"].error_messages["invalid"] = (
                    f"Enter the {words} of “{m.name}” as day/month/year, like 31/3/2018."
                )
        return self

    def on_fields(self, error: ValidationError) -> ValidationError:
        """The service's refusal with each milestone date's problem on that date's own field
        (the service names the milestone and the date in the error's params)."""
        if not hasattr(error, "error_dict"):
            return error
        fields: dict = {}
        for name, errors in error.error_dict.items():
            for each in errors:
                params = each.params or {}
                field = f"{params.get('part')}_{params.get('milestone')}"
                fields.setdefault(field if field in self.fields else name, []).append(each)
        return ValidationError(fields)

    def milestone_dates(self, milestones) -> dict:
        data = self.cleaned_data
        dates = {}
        for m in milestones:
            entry = {
                part: data[f"{part}_{m.pk}"].isoformat()
                for part in ("forecast", "actual")
                if data.get(f"{part}_{m.pk}")
            }
            if entry:
                dates[str(m.pk)] = entry
        return dates


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[("approve", "Approve the update"), ("return", "Return it to the project manager")],
    )
    reason = forms.CharField(label="Reason for returning it", widget=forms.Textarea, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class StageForm(forms.Form):
    name = forms.CharField(max_length=100)
    order = forms.IntegerField(min_value=0, initial=0, label="Position in the list")
    is_archived = forms.BooleanField(required=False, label="Archived (no longer offered)")


class RagRulesForm(forms.ModelForm):
    class Meta:
        model = ProjectRagRules
        fields = [
            "schedule_unit",
            "schedule_amber",
            "schedule_red",
            "budget_amber_percent",
            "budget_red_percent",
            "underspend_counts",
            "savings_amber_percent",
            "savings_red_percent",
        ]
        labels = {
            "schedule_unit": "Schedule slippage is measured in",
            "schedule_amber": "Schedule: amber from",
            "schedule_red": "Schedule: red from",
            "budget_amber_percent": "Budget: amber from (% over budget)",
            "budget_red_percent": "Budget: red from (% over budget)",
            "underspend_counts": "Rate an underspend too",
            "savings_amber_percent": "Savings: amber from (% short of profile)",
            "savings_red_percent": "Savings: red from (% short of profile)",
        }
        widgets = {"schedule_unit": forms.Select(choices=ScheduleUnitChoice.choices)}


class ProjectForm(forms.Form):
    reference = forms.CharField(
        max_length=20,
        required=False,
        help_text="The council's own code for the project, e.g. TP01: how a spreadsheet names it.",
    )
    name = forms.CharField(max_length=200, error_messages={"required": "Enter the project's name."})
    description = forms.CharField(required=False, widget=forms.Textarea)
    programme = forms.ModelChoiceField(
        queryset=Programme.objects.filter(is_archived=False), required=False, empty_label="None"
    )
    owner = forms.ModelChoiceField(
        label="Project manager",
        queryset=User.objects.filter(is_active=True).order_by("first_name", "last_name"),
        error_messages={"required": "Choose the project manager."},
    )
    sponsor = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True).order_by("first_name", "last_name"),
        required=False,
        empty_label="None",
    )
    directorate = forms.ModelChoiceField(
        queryset=Directorate.objects.filter(is_archived=False),
        error_messages={"required": "Choose the directorate."},
    )
    stage = forms.ModelChoiceField(
        queryset=ProjectStage.objects.filter(is_archived=False), required=False, empty_label="None"
    )
    start_date = date_field("Start date")
    end_date = date_field("End date")
    register = forms.ModelChoiceField(
        label="Risk register",
        queryset=Register.objects.filter(kind="project", is_archived=False),
        required=False,
        empty_label="None",
    )
    priorities = forms.CharField(
        label="Corporate Plan priorities it serves",
        required=False,
        help_text="Their codes, separated by commas, e.g. EFF, ECON.",
    )
    indicators = forms.CharField(
        label="Indicators it moves",
        required=False,
        help_text="Their codes, separated by commas, e.g. RC03, RC10.",
    )
    is_archived = forms.BooleanField(label="Archived", required=False)

    def _codes(self, name: str, model, field: str):
        codes = [c.strip() for c in self.cleaned_data[name].split(",") if c.strip()]
        found = {getattr(o, field): o for o in model.objects.filter(**{f"{field}__in": codes})}
        missing = [c for c in codes if c not in found]
        if missing:
            raise forms.ValidationError(f"No such code: {', '.join(missing)}.")
        return [found[c] for c in codes]

    def clean_priorities(self):
        return self._codes("priorities", Priority, "code")

    def clean_indicators(self):
        return self._codes("indicators", Indicator, "code")


class MilestoneForm(forms.Form):
    name = forms.CharField(max_length=200, error_messages={"required": "Enter the milestone."})
    planned_date = date_field("Planned date")


class FinanceForm(forms.Form):
    year = forms.CharField(label="Financial year", max_length=7, help_text="E.g. 2017/18.")
    budget = forms.CharField(label="Budget (£)", required=False)
    savings_target = forms.CharField(label="Savings target (£)", required=False)


class ProgrammeForm(forms.Form):
    name = forms.CharField(
        max_length=200, error_messages={"required": "Enter the programme's name."}
    )
    description = forms.CharField(required=False, widget=forms.Textarea)
    owner = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True).order_by("first_name", "last_name"),
        required=False,
        empty_label="None",
    )
    is_archived = forms.BooleanField(label="Archived", required=False)
