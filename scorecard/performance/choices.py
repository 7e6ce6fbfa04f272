"""Choices of the performance app. Values match the pure cores' enums in scorecard.core."""

from django.db import models


class Polarity(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"
    ON_TARGET = "on_target", "On target is best"
    NONE = "none", "None (for information)"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    ANNUAL = "annual", "Annual"
    BIENNIAL = "biennial", "Every two years"


class Aggregation(models.TextChoices):
    SUM = "sum", "Sum"
    AVERAGE = "average", "Average"
    LATEST = "latest", "Latest value"
    RATIO = "ratio", "Ratio of sums (numerator / denominator)"


class Unit(models.TextChoices):
    NUMBER = "number", "Number"
    PERCENTAGE = "percentage", "Percentage (0 to 100)"
    PERCENTAGE_CHANGE = "percentage_change", "Percentage change (may be negative)"
    RATE = "rate", "Rate (per 1,000, per 10,000...)"
    CURRENCY = "currency", "Pounds"
    DAYS = "days", "Days"


class TargetBasis(models.TextChoices):
    PERIOD = "period", "The period's own figure"
    YEAR_TO_DATE = "year_to_date", "Year to date (cumulative target)"


class DataQuality(models.TextChoices):
    PROVISIONAL = "provisional", "Provisional"
    ESTIMATED = "estimated", "Estimated"
    FINAL = "final", "Final"
    RESTATED = "restated", "Restated"


class WorkflowState(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted for approval"
    APPROVED = "approved", "Approved"
    RETURNED = "returned", "Returned for changes"


class Rating(models.TextChoices):
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"


class ScorecardTier(models.TextChoices):
    CORPORATE = "corporate", "Corporate"
    DIRECTORATE = "directorate", "Directorate"
    UNIT = "unit", "Unit or team"


class PeriodState(models.TextChoices):
    OPEN = "open", "Open for updates"
    LOCKED = "locked", "Locked"
