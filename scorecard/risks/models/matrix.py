"""The risk matrix, stored as data: levels, bands and the band of every cell."""

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from ..choices import MatrixAxis


class RiskMatrix(models.Model):
    """A likelihood x impact matrix. One is current; risks are rated against it."""

    name = models.CharField(max_length=100, unique=True, help_text="E.g. Corporate 5 x 5 matrix.")
    is_current = models.BooleanField(
        default=False, help_text="The matrix every risk is rated against now (only one)."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "risk matrix"
        verbose_name_plural = "risk matrices"
        ordering = ["-is_current", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=models.Q(is_current=True),
                name="risk_matrix_one_current",
            )
        ]

    def __str__(self) -> str:
        return self.name


class MatrixLevel(models.Model):
    """One step of the likelihood or impact scale, e.g. likelihood 4 "Likely"."""

    matrix = models.ForeignKey(RiskMatrix, on_delete=models.PROTECT, related_name="levels")
    axis = models.CharField(max_length=10, choices=MatrixAxis.choices)
    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    label = models.CharField(max_length=50, help_text="E.g. Likely, Major.")
    descriptor = models.TextField(
        blank=True, help_text="What this level means, so that assessors rate alike."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["matrix", "axis", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["matrix", "axis", "number"], name="matrix_level_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_axis_display()} {self.number}: {self.label}"


class MatrixBand(models.Model):
    """A rating band (green, amber, red...) with its colour and review frequency."""

    matrix = models.ForeignKey(RiskMatrix, on_delete=models.PROTECT, related_name="bands")
    key = models.SlugField(max_length=20, help_text="Short stable name, e.g. red.")
    label = models.CharField(max_length=50, help_text="Shown to readers, e.g. Red.")
    colour = models.CharField(
        max_length=7,
        validators=[
            RegexValidator(r"^#[0-9a-fA-F]{6}$", "Write the colour as # and six hex digits.")
        ],
        help_text="Hex colour, e.g. #d4351c.",
    )
    severity = models.PositiveSmallIntegerField(help_text="Higher is more serious.")
    review_months = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1)],
        help_text="How often a risk in this band is reviewed, in months.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["matrix", "-severity"]
        constraints = [
            models.UniqueConstraint(fields=["matrix", "key"], name="matrix_band_unique_key")
        ]

    def __str__(self) -> str:
        return self.label


class MatrixCell(models.Model):
    """The band of one likelihood x impact cell."""

    matrix = models.ForeignKey(RiskMatrix, on_delete=models.PROTECT, related_name="cells")
    likelihood = models.PositiveSmallIntegerField()
    impact = models.PositiveSmallIntegerField()
    band = models.ForeignKey(MatrixBand, on_delete=models.PROTECT, related_name="cells")
    history = HistoricalRecords()

    class Meta:
        ordering = ["matrix", "-likelihood", "impact"]
        constraints = [
            models.UniqueConstraint(
                fields=["matrix", "likelihood", "impact"], name="matrix_cell_unique_position"
            )
        ]

    def __str__(self) -> str:
        return f"Likelihood {self.likelihood} x impact {self.impact}"
