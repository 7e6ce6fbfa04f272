"""The public performance site's settings: one row for the council (decision 0040).

Whether a scorecard is shown to the public is its own `Scorecard.is_published`; this row says
whether the council publishes web pages at all, and holds the page it writes itself.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class PublicSite(models.Model):
    """Is the public site on, and the council's "How we measure performance" text."""

    is_enabled = models.BooleanField(
        default=False,
        help_text="Publish each locked and published quarter as web pages anyone can read.",
    )
    how_we_measure = models.TextField(
        blank=True,
        help_text="Plain text; a blank line starts a new paragraph. Shown on the public site.",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "public site"

    def __str__(self) -> str:
        return "Public site (on)" if self.is_enabled else "Public site (off)"
