"""Escalation of a risk to a higher register, and its return: request, then decision."""

from django.db import models
from simple_history.models import HistoricalRecords

from ..choices import EscalationDirection, EscalationStatus


class Escalation(models.Model):
    """A request to move a risk up to a higher register (or back down), and who decided it."""

    risk = models.ForeignKey("risks.Risk", on_delete=models.PROTECT, related_name="escalations")
    direction = models.CharField(max_length=10, choices=EscalationDirection.choices)
    from_register = models.ForeignKey(
        "risks.Register", on_delete=models.PROTECT, related_name="escalations_out"
    )
    to_register = models.ForeignKey(
        "risks.Register", on_delete=models.PROTECT, related_name="escalations_in"
    )
    reason = models.TextField(help_text="Why the risk should move.")
    requested_by = models.ForeignKey(
        "organisation.User", on_delete=models.PROTECT, related_name="escalations_requested"
    )
    requested_at = models.DateTimeField()
    status = models.CharField(
        max_length=20, choices=EscalationStatus.choices, default=EscalationStatus.REQUESTED
    )
    decided_by = models.ForeignKey(
        "organisation.User",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="escalations_decided",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True, help_text="Why it was accepted or declined.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["risk"],
                condition=models.Q(status=EscalationStatus.REQUESTED),
                name="escalation_one_open_request_per_risk",
            )
        ]

    def __str__(self) -> str:
        return f"{self.risk.reference}: {self.from_register} -> {self.to_register}"
