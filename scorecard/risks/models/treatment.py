"""How a risk is treated: existing controls, kept apart from further actions."""

from django.core.validators import MaxValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from ..choices import ActionStatus, ControlEffectiveness


class Control(models.Model):
    """A control already in place that reduces the risk (it explains inherent -> current)."""

    risk = models.ForeignKey("risks.Risk", on_delete=models.PROTECT, related_name="controls")
    description = models.TextField(help_text="E.g. Business continuity plans, tested yearly.")
    owner = models.ForeignKey(
        "organisation.User",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="risk_controls",
    )
    effectiveness = models.CharField(
        max_length=20,
        choices=ControlEffectiveness.choices,
        default=ControlEffectiveness.NOT_ASSESSED,
    )
    is_archived = models.BooleanField(default=False, help_text="Archived when no longer in place.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "pk"]

    def __str__(self) -> str:
        return self.description[:80]


class Action(models.Model):
    """A further action to bring the risk down to its target (it explains current -> target)."""

    risk = models.ForeignKey("risks.Risk", on_delete=models.PROTECT, related_name="actions")
    description = models.TextField(help_text="What will be done.")
    owner = models.ForeignKey(
        "organisation.User",
        on_delete=models.PROTECT,
        related_name="risk_actions",
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
    completed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "due_on", "pk"]

    def __str__(self) -> str:
        return self.description[:80]
