"""Comparator groups and the published values of other councils, per indicator and year."""

from django.db import models
from simple_history.models import HistoricalRecords


class GroupKind(models.TextChoices):
    ALL = "all", "All English councils"
    REGION = "region", "A region"
    LIST = "list", "A named list (e.g. nearest neighbours)"


class ComparatorGroup(models.Model):
    """Councils an indicator is compared with: all English councils, a region, or a named list."""

    name = models.CharField(max_length=200, unique=True, help_text="E.g. West Midlands.")
    kind = models.CharField(
        max_length=10,
        choices=GroupKind.choices,
        default=GroupKind.LIST,
        help_text="All English councils needs no members: every council with a value counts.",
    )
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0, help_text="Order on the pages.")
    is_archived = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class ComparatorGroupMember(models.Model):
    """A council in a region or named comparator group, by its ONS code."""

    group = models.ForeignKey(ComparatorGroup, on_delete=models.PROTECT, related_name="members")
    area_code = models.CharField(max_length=12, help_text="ONS code, e.g. E10000034.")
    area_name = models.CharField(max_length=200)
    is_archived = models.BooleanField(
        default=False, help_text="Taken out of the group (kept, with its history)."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["group", "area_name"]
        constraints = [
            models.UniqueConstraint(fields=["group", "area_code"], name="comparator_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.area_name} ({self.group})"


class AreaLevel(models.TextChoices):
    COUNCIL = "council", "Council"
    REGION = "region", "Region"
    ENGLAND = "england", "England"
    OTHER = "other", "Other grouping"


class ComparatorValue(models.Model):
    """One council's (or region's) published value of an indicator for a financial year,
    imported from a national file in its published format (ASCOF, Oflog)."""

    indicator = models.ForeignKey(
        "performance.Indicator", on_delete=models.PROTECT, related_name="comparator_values"
    )
    year = models.CharField(max_length=7, help_text="Financial year, e.g. 2020/21.")
    area_code = models.CharField(max_length=12, help_text="ONS code, e.g. E10000034.")
    area_name = models.CharField(max_length=200)
    level = models.CharField(max_length=10, choices=AreaLevel.choices, default=AreaLevel.COUNCIL)
    value = models.DecimalField(max_digits=20, decimal_places=6)
    numerator = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    denominator = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    published_median = models.DecimalField(
        max_digits=20, decimal_places=6, null=True, blank=True, help_text="Oflog's MEDIAN column."
    )
    source = models.CharField(max_length=20, help_text="ascof or oflog.")
    measure = models.CharField(max_length=20, help_text="The publisher's code, e.g. 1E or ASC5.")
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["indicator", "year", "area_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "area_code"], name="comparator_value_once"
            )
        ]
        indexes = [models.Index(fields=["indicator", "year"], name="comparator_indicator_year")]

    def __str__(self) -> str:
        return f"{self.area_name} {self.measure} {self.year}: {self.value}"
