"""How a risk is treated: existing controls, kept apart from further actions (the actions are
`scorecard.actions` records whose subject is the risk)."""

from django.db import models
from simple_history.models import HistoricalRecords

from ..choices import ControlEffectiveness


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
