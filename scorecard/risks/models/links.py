"""The indicators a risk threatens.

The link lives on the risk side and names the indicator by a lazy foreign key
("performance.Indicator"), so the risks app never imports the performance app.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class IndicatorLink(models.Model):
    """A performance indicator that a risk threatens: if the risk happens, this figure suffers."""

    risk = models.ForeignKey("risks.Risk", on_delete=models.PROTECT, related_name="indicator_links")
    indicator = models.ForeignKey(
        "performance.Indicator", on_delete=models.PROTECT, related_name="risk_links"
    )
    note = models.CharField(
        max_length=300, blank=True, help_text="How the risk would affect the indicator (optional)."
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    linked_at = models.DateTimeField()
    is_archived = models.BooleanField(default=False, help_text="Archived when unlinked.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["risk", "indicator"],
                condition=models.Q(is_archived=False),
                name="risk_indicator_link_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.risk_id} threatens indicator {self.indicator_id}"
