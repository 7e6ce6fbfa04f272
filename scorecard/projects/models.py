"""Programmes, projects, their milestones, finances by financial year, quarterly updates, the
council's project stages and the RAG rules (thresholds as data, the rules in core/project_rag)."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from scorecard.core.project_rag import RagRules, ScheduleUnit

from .choices import RagChoice, ScheduleUnitChoice, UpdateState

MONEY = {"max_digits": 16, "decimal_places": 2}


class ProjectStage(models.Model):
    """A stage in the council's own list (e.g. Initiation, Delivery, Closure)."""

    name = models.CharField(max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    is_archived = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Programme(models.Model):
    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programmes_owned",
    )
    is_archived = models.BooleanField(
        default=False, help_text="Archived programmes keep their projects and history."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Project(models.Model):
    reference = models.CharField(
        max_length=20,
        blank=True,
        help_text="The council's own code for the project, e.g. TP01: how a spreadsheet names it.",
    )
    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="projects_owned",
        help_text="The project manager, who submits the quarterly updates.",
    )
    sponsor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects_sponsored",
    )
    directorate = models.ForeignKey(
        "organisation.Directorate", on_delete=models.PROTECT, related_name="projects"
    )
    priorities = models.ManyToManyField(
        "performance.Priority",
        blank=True,
        related_name="projects",
        help_text="The Corporate Plan priorities the project serves.",
    )
    stage = models.ForeignKey(
        ProjectStage, null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    start_date = models.DateField()
    end_date = models.DateField()
    register = models.ForeignKey(
        "risks.Register",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
        limit_choices_to={"kind": "project"},
        help_text="The project's risk register (a register of kind project), its own or its "
        "programme's, which the programme's projects share.",
    )
    indicators = models.ManyToManyField(
        "performance.Indicator",
        blank=True,
        related_name="projects",
        help_text="The indicators the project moves.",
    )
    is_archived = models.BooleanField(
        default=False, help_text="Archived projects keep their updates and history."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["reference"],
                condition=~models.Q(reference=""),
                name="project_unique_reference",
                violation_error_message="Another project has this reference.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        same = Project.objects.filter(reference__iexact=self.reference).exclude(pk=self.pk)
        if self.reference and same.exists():
            raise ValidationError(
                {"reference": f"Another project has the reference {self.reference}."}
            )
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end date cannot be before the start date."})
        if self.pk and self.start_date:
            # Its milestones keep to its dates (milestone_date_problem): a later start is refused
            # while a milestone is dated before it, rather than at the milestone's next save.
            early = self.milestones.filter(is_archived=False, planned_date__lt=self.start_date)
            if first := early.order_by("planned_date").first():
                raise ValidationError(
                    {
                        "start_date": f"The milestone “{first.name}” is planned for "
                        f"{first.planned_date:%-d %B %Y}, before this start date: change it first."
                    }
                )
        if self.register_id and self.register.kind != "project":
            raise ValidationError(
                {"register": f"{self.register} is not a project register: choose one that is."}
            )


def milestone_date_problem(day: dt.date | None, start: dt.date | None, words: str) -> str:
    """Why a milestone's date is refused ("" when it is not): none is before its project starts
    (a year typed wrongly, 2010 for 2018, would otherwise rate the project thousands of days
    late). Used on every save (`Milestone.clean`) and on an update's dates before approval."""
    if day is not None and start is not None and day < start:
        return f"The {words} cannot be before the project starts ({start:%-d %B %Y})."
    return ""


MILESTONE_DATES = {"planned_date": "planned date", "forecast_date": "forecast date",
                   "actual_date": "date done"}  # fmt: skip


class Milestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="milestones")
    name = models.CharField(max_length=200)
    planned_date = models.DateField()
    forecast_date = models.DateField(
        null=True, blank=True, help_text="When it is now expected, if not done."
    )
    actual_date = models.DateField(null=True, blank=True, help_text="When it was done.")
    is_archived = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "planned_date", "name"]
        constraints = [
            models.UniqueConstraint(fields=["project", "name"], name="milestone_unique_name")
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.name}"

    def clean(self):
        start = self.project.start_date if self.project_id else None
        problems = {
            field: problem
            for field, words in MILESTONE_DATES.items()
            if (problem := milestone_date_problem(getattr(self, field), start, words))
        }
        if problems:
            raise ValidationError(problems)


class ProjectFinance(models.Model):
    """A project's money for one financial year: budget, spend, and savings target and achieved.
    Spend and savings achieved are to date, set by the approved quarterly updates."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="finances")
    year = models.CharField(max_length=7, help_text="A financial year, e.g. 2017/18.")
    budget = models.DecimalField(**MONEY, null=True, blank=True)
    spend = models.DecimalField(**MONEY, null=True, blank=True, help_text="Spent to date.")
    forecast_spend = models.DecimalField(
        **MONEY, null=True, blank=True, help_text="Expected spend for the whole year."
    )
    savings_target = models.DecimalField(**MONEY, null=True, blank=True)
    savings_achieved = models.DecimalField(
        **MONEY, null=True, blank=True, help_text="Achieved to date."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "year"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year"], name="finance_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.year}"


class ProjectUpdate(models.Model):
    """The project manager's update for one quarter, through the cycle of indicator values:
    draft, submitted, approved by someone else, or returned with a reason. `milestone_dates`
    holds the forecast and actual dates reported, {milestone id: {"forecast": iso, "actual":
    iso}}; approving the update sets them on the milestones, and its figures on the year's
    finances."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="updates")
    period = models.CharField(max_length=12, help_text="A quarter, e.g. 2017/18-Q2.")
    period_start = models.DateField(editable=False)
    progress = models.TextField(help_text="Progress this quarter, in plain words.")
    spend = models.DecimalField(
        **MONEY, null=True, blank=True, help_text="Spent to date this year."
    )
    forecast_spend = models.DecimalField(
        **MONEY, null=True, blank=True, help_text="Expected spend for the whole year."
    )
    savings_achieved = models.DecimalField(
        **MONEY, null=True, blank=True, help_text="Savings achieved to date this year."
    )
    milestone_dates = models.JSONField(default=dict, blank=True)
    rag_judgement = models.CharField(max_length=10, choices=RagChoice.choices, blank=True)
    rag_judgement_reason = models.TextField(blank=True)
    state = models.CharField(max_length=10, choices=UpdateState.choices, default=UpdateState.DRAFT)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    self_approved = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "-period_start"]
        constraints = [
            models.UniqueConstraint(fields=["project", "period"], name="project_update_unique")
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.period}"


class ProjectRagRules(models.Model):
    """The council's thresholds for a project's RAG: one row, edited by administrators."""

    schedule_unit = models.CharField(
        max_length=10, choices=ScheduleUnitChoice.choices, default=ScheduleUnitChoice.DAYS
    )
    schedule_amber = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal(14))
    schedule_red = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal(42))
    budget_amber_percent = models.DecimalField(max_digits=6, decimal_places=2, default=Decimal(5))
    budget_red_percent = models.DecimalField(max_digits=6, decimal_places=2, default=Decimal(10))
    underspend_counts = models.BooleanField(
        default=False, help_text="Rate an underspend as an overspend of the same size."
    )
    savings_amber_percent = models.DecimalField(max_digits=6, decimal_places=2, default=Decimal(5))
    savings_red_percent = models.DecimalField(max_digits=6, decimal_places=2, default=Decimal(15))
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "project RAG rules"

    def __str__(self) -> str:
        return "Project RAG rules"

    def as_rules(self) -> RagRules:
        return RagRules(
            schedule_unit=ScheduleUnit(self.schedule_unit),
            schedule_amber=self.schedule_amber,
            schedule_red=self.schedule_red,
            budget_amber_percent=self.budget_amber_percent,
            budget_red_percent=self.budget_red_percent,
            underspend_counts=self.underspend_counts,
            savings_amber_percent=self.savings_amber_percent,
            savings_red_percent=self.savings_red_percent,
        )

    def clean(self) -> None:
        problems = self.as_rules().problems()
        fields = {"schedule": "schedule_red", "budget": "budget_red_percent"}
        if problems:
            raise ValidationError(
                {fields.get(part, "savings_red_percent"): text for part, text in problems.items()}
            )
