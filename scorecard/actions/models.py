"""One kind of action record (decision 0038): mitigating actions on risks, improvement actions
on indicators, project actions and internal audit's recommendations. Each belongs to exactly one
subject; the subjects live in higher apps, so they are named by string and this app imports
none of them."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from scorecard.core.actions_due import due_date

from .choices import (
    ACTION_ONLY_STATUSES,
    RECOMMENDATION_ONLY_STATUSES,
    ActionStatus,
    AuditOpinion,
    ExtensionDecision,
    Priority,
)

# The subject keys, in the order pages list them. A new subject is one more nullable key here,
# one more arm of the check constraint (built from this tuple) and a registration in subjects.py.
SUBJECT_FIELDS = ("risk", "indicator", "project", "audit")


def _exactly_one_subject() -> Q:
    arms = Q()
    for field in SUBJECT_FIELDS:
        arm = Q(**{f"{field}__isnull": False}) & Q(
            **{f"{other}__isnull": True for other in SUBJECT_FIELDS if other != field}
        )
        arms |= arm
    return arms


class Audit(models.Model):
    """An internal audit on the year's audit plan; its recommendations are actions."""

    reference = models.CharField(max_length=30, unique=True, help_text="E.g. IA 2017-04.")
    title = models.CharField(max_length=200, help_text="E.g. Payroll and expenses.")
    financial_year = models.CharField(
        max_length=7, help_text="The plan's year, written 2017/18.", db_index=True
    )
    directorate = models.ForeignKey(
        "organisation.Directorate",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audits",
        help_text="The directorate audited (none for a council-wide audit).",
    )
    issued_on = models.DateField(
        null=True, blank=True, help_text="When the final report was issued (blank while planned)."
    )
    opinion = models.CharField(
        max_length=20, choices=AuditOpinion.choices, blank=True, default=AuditOpinion.NOT_GIVEN
    )
    lead_auditor = models.ForeignKey(
        "organisation.User",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audits_led",
    )
    is_archived = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-financial_year", "reference"]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class Action(models.Model):
    """Something someone will do by a date, and how far they have got."""

    risk = models.ForeignKey(
        "risks.Risk", null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    indicator = models.ForeignKey(
        "performance.Indicator",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actions",
    )
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    audit = models.ForeignKey(
        Audit, null=True, blank=True, on_delete=models.PROTECT, related_name="recommendations"
    )
    description = models.TextField(help_text="What will be done.")
    owner = models.ForeignKey(
        "organisation.User",
        on_delete=models.PROTECT,
        related_name="actions",
        help_text="Who will do it.",
    )
    due_on = models.DateField(help_text="The date first agreed.")
    revised_due_on = models.DateField(
        null=True, blank=True, help_text="A later date, if the original one has been moved."
    )
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    percent_complete = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(100)]
    )
    progress = models.TextField(blank=True, help_text="Latest progress, in a sentence or two.")
    on_track = models.BooleanField(
        default=True, help_text="The owner's judgement: will it be done by the due date?"
    )
    evidence = models.TextField(
        blank=True, help_text="What shows it is done: a document, a decision, a figure."
    )
    completed_on = models.DateField(null=True, blank=True)
    # An audit recommendation's own facts (blank on other actions).
    priority = models.CharField(max_length=10, choices=Priority.choices, blank=True)
    management_response = models.TextField(
        blank=True, help_text="What management agreed to do, in its own words."
    )
    implemented_by = models.ForeignKey(
        "organisation.User",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    verified_by = models.ForeignKey(
        "organisation.User",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    verified_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one_subject(), name="action_has_exactly_one_subject"
            )
        ]

    def __str__(self) -> str:
        return self.description[:80]

    def clean(self) -> None:
        if self.audit_id is None and self.status in RECOMMENDATION_ONLY_STATUSES:
            raise ValidationError(
                {"status": "Only an audit recommendation is implemented or verified."}
            )
        if self.audit_id is not None and self.status in ACTION_ONLY_STATUSES:
            raise ValidationError(
                {"status": "A recommendation is implemented, then verified: not completed."}
            )

    @property
    def subject_field(self) -> str:
        return next(f for f in SUBJECT_FIELDS if getattr(self, f"{f}_id") is not None)

    @property
    def subject(self):
        return getattr(self, self.subject_field)

    @property
    def is_recommendation(self) -> bool:
        return self.audit_id is not None

    @property
    def current_due_on(self):
        return due_date(self.due_on, self.revised_due_on)


class ExtensionRequest(models.Model):
    """A request to move an action's due date, decided by someone other than who asked."""

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="extensions")
    requested_by = models.ForeignKey(
        "organisation.User", on_delete=models.PROTECT, related_name="+"
    )
    requested_on = models.DateField()
    new_due_on = models.DateField(help_text="The date asked for.")
    reason = models.TextField(help_text="Why more time is needed.")
    decision = models.CharField(
        max_length=10, choices=ExtensionDecision.choices, default=ExtensionDecision.PENDING
    )
    decided_by = models.ForeignKey(
        "organisation.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_on", "-pk"]

    def __str__(self) -> str:
        return f"Extension to {self.new_due_on} for action {self.action_id}"
