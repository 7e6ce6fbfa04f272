from django import forms

from .choices import RagChoice, ScheduleUnitChoice
from .models import ProjectRagRules

MONEY_HINT = "In pounds, e.g. 250000."


class ProjectUpdateForm(forms.Form):
    """The project manager's quarterly update. The milestone date fields are added per
    milestone by `with_milestones`."""

    period = forms.ChoiceField(label="Quarter this update is for")
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
            self.fields[f"forecast_{m.pk}"] = forms.DateField(
                label=f"{m.name}: forecast date",
                required=False,
                help_text=f"Planned {m.planned_date:%-d %B %Y}. As 2018-01-31.",
            )
            self.fields[f"actual_{m.pk}"] = forms.DateField(
                label=f"{m.name}: date done", required=False, help_text="As 2018-01-31."
            )
        return self

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
