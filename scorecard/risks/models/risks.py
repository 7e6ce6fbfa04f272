"""Risks and their assessments."""

from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from ..choices import RiskStatus


def _level(help_text: str, *, optional: bool = False) -> models.PositiveSmallIntegerField:
    # Range checks against the matrix happen in the services: the matrix is data.
    return models.PositiveSmallIntegerField(
        null=optional, blank=optional, validators=[MinValueValidator(1)], help_text=help_text
    )


class Risk(models.Model):
    """A risk on a register: cause, event and consequence, rated on the current matrix."""

    reference = models.CharField(max_length=30, unique=True, help_text="E.g. CR12. Never reused.")
    title = models.CharField(max_length=300)
    cause = models.TextField(blank=True, help_text="Because of... (what could bring it about).")
    event = models.TextField(blank=True, help_text="There is a risk that... (what could happen).")
    consequence = models.TextField(blank=True, help_text="Leading to... (the effect if it does).")
    category = models.ForeignKey(
        "risks.RiskCategory",
        to_field="code",
        db_column="category",
        on_delete=models.PROTECT,
        related_name="risks",
    )
    owner = models.ForeignKey(
        "organisation.User",
        on_delete=models.PROTECT,
        related_name="risks_owned",
        help_text="The officer accountable for managing this risk.",
    )
    register = models.ForeignKey(
        "risks.Register",
        on_delete=models.PROTECT,
        related_name="risks",
        help_text="The register the risk belongs to.",
    )
    escalated_to = models.ForeignKey(
        "risks.Register",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="escalated_risks",
        help_text="The higher register it is reported on while escalated.",
    )
    area = models.ForeignKey(
        "risks.RiskArea",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="risks",
        help_text="The risk area it is reported under to Cabinet.",
    )
    status = models.CharField(max_length=20, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    inherent_likelihood = _level("Likelihood with no controls in place.")
    inherent_impact = _level("Impact with no controls in place.")
    current_likelihood = _level("Likelihood now, with the existing controls.")
    current_impact = _level("Impact now, with the existing controls.")
    target_likelihood = _level("Likelihood once the further actions are done.", optional=True)
    target_impact = _level("Impact once the further actions are done.", optional=True)
    target_date = models.DateField(
        null=True, blank=True, help_text="When the target rating should be reached."
    )
    review_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Review every this many months; leave empty to follow the band "
        "(red monthly, amber quarterly, green six-monthly).",
    )
    identified_on = models.DateField(help_text="When the risk was first recorded.")
    last_reviewed_on = models.DateField(null=True, blank=True)
    next_review_on = models.DateField(help_text="When the next review is due.")
    is_confidential = models.BooleanField(
        default=False, help_text="Confidential risks are left out of public reports."
    )
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["reference"]
        indexes = [
            models.Index(fields=["status", "next_review_on"], name="risk_status_review"),
            models.Index(fields=["current_likelihood", "current_impact"], name="risk_current_cell"),
            # The register's order (`selectors.ranked`): its first page read without a sort.
            models.Index(
                (models.F("current_likelihood") * models.F("current_impact")).desc(),
                models.F("current_impact").desc(),
                models.F("current_likelihood").desc(),
                models.F("reference"),
                name="risk_current_rank",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def current_score(self) -> int:
        return self.current_likelihood * self.current_impact

    @property
    def inherent_score(self) -> int:
        return self.inherent_likelihood * self.inherent_impact


class Assessment(models.Model):
    """One review of a risk. Score and band are stored, so history never changes with the matrix."""

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="assessments")
    period = models.CharField(
        max_length=12, help_text="The reporting period it counts for, e.g. 2017/18-Q2."
    )
    assessed_on = models.DateField()
    likelihood = models.PositiveSmallIntegerField()
    impact = models.PositiveSmallIntegerField()
    score = models.PositiveSmallIntegerField()
    band_key = models.SlugField(max_length=20)
    band_label = models.CharField(max_length=50)
    band_colour = models.CharField(max_length=7)
    commentary = models.TextField(blank=True, help_text="What changed and why.")
    assessor = models.ForeignKey(
        "organisation.User", on_delete=models.PROTECT, related_name="risk_assessments"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "-assessed_on", "-pk"]
        indexes = [models.Index(fields=["risk", "-assessed_on", "-id"], name="assessment_latest")]

    def __str__(self) -> str:
        return f"{self.risk.reference} {self.period}: {self.score} ({self.band_label})"
