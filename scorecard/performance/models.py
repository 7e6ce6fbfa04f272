"""Models of the performance app: Corporate Plan, scorecards and their versions, indicators,
targets, measurements and reporting periods.

Periods are stored as their canonical key ("2017/18-Q2", see scorecard.core.periods) beside the
date the period starts, so they sort and filter in SQL. Services fill both; nothing else writes.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from scorecard.core.periods import PeriodError, parse
from scorecard.core.polarity import Polarity as CorePolarity
from scorecard.core.status_rules import DEFAULT_RULE_DATA, RuleError, parse_rule

from .choices import (
    Aggregation,
    DataQuality,
    Frequency,
    PeriodState,
    Polarity,
    Rating,
    ScorecardTier,
    TargetBasis,
    Unit,
    WorkflowState,
)

PERIOD_HELP = 'A period key: "2017/18" (year), "2017/18-Q2" (quarter) or "2017/18-M07" (month).'


def default_rule() -> dict:
    return dict(DEFAULT_RULE_DATA)


class CabinetPortfolio(models.Model):
    """A Cabinet member's area of responsibility (e.g. Children and Families)."""

    name = models.CharField(max_length=200, unique=True)
    holder = models.CharField(
        max_length=200, blank=True, help_text="The Cabinet member holding the portfolio."
    )
    is_archived = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CorporatePlan(models.Model):
    """A Corporate Plan adopted by the council; its priorities group the scorecard's indicators."""

    title = models.CharField(
        max_length=200, unique=True, help_text="E.g. Corporate Plan 2017-2022."
    )
    adopted_on = models.DateField(help_text="The date full Council adopted the plan.")
    is_archived = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-adopted_on"]

    def __str__(self) -> str:
        return self.title


class Priority(models.Model):
    """A priority (or "key area of focus") of a Corporate Plan."""

    plan = models.ForeignKey(CorporatePlan, on_delete=models.PROTECT, related_name="priorities")
    code = models.SlugField(max_length=30, help_text="Short code, e.g. OFB for Open for Business.")
    title = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in reports.")
    is_archived = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order", "title"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="priority_unique_code_per_plan")
        ]

    def __str__(self) -> str:
        return self.title


class Scorecard(models.Model):
    """A scorecard: the corporate one, one per directorate, or one for a unit or team."""

    name = models.CharField(max_length=200, unique=True)
    tier = models.CharField(max_length=20, choices=ScorecardTier.choices)
    directorate = models.ForeignKey(
        "organisation.Directorate",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="scorecards",
        help_text="Required for directorate and unit scorecards; empty for the corporate one.",
    )
    service = models.ForeignKey(
        "organisation.Service",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="scorecards",
        help_text="For a unit or team scorecard: the service it belongs to.",
    )
    is_published = models.BooleanField(
        default=False, help_text="Published to the public (corporate and directorate scorecards)."
    )
    is_archived = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["tier", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.tier == ScorecardTier.CORPORATE and self.directorate_id:
            raise ValidationError({"directorate": "The corporate scorecard has no directorate."})
        if self.tier != ScorecardTier.CORPORATE and not self.directorate_id:
            raise ValidationError(
                {"directorate": "Choose the directorate this scorecard belongs to."}
            )


class ScorecardVersion(models.Model):
    """One version of a scorecard's contents, live from a quarter until the next version.

    Refreshing a scorecard (usually when a new Corporate Plan is adopted) creates a new
    version; every earlier quarter keeps reporting against the version that was live then.
    """

    scorecard = models.ForeignKey(Scorecard, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    corporate_plan = models.ForeignKey(
        CorporatePlan,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="scorecard_versions",
        help_text="The plan whose priorities this version reports against.",
    )
    live_from = models.CharField(max_length=12, help_text="First quarter, e.g. 2017/18-Q1.")
    live_from_start = models.DateField(editable=False)
    notes = models.TextField(blank=True, help_text="Why the scorecard was refreshed.")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["scorecard", "-live_from_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["scorecard", "number"], name="scorecard_version_unique_number"
            ),
            models.UniqueConstraint(
                fields=["scorecard", "live_from"], name="scorecard_version_unique_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scorecard} v{self.number} (from {self.live_from})"


class Indicator(models.Model):
    """A performance indicator (KPI): what is measured, how, by whom, and how it is rated."""

    code = models.CharField(max_length=30, unique=True, help_text="Stable reference, e.g. CS02a.")
    title = models.CharField(max_length=300)
    definition = models.TextField(blank=True, help_text="Exactly what is counted and how.")
    rationale = models.TextField(blank=True, help_text="Why the council measures this.")
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.NUMBER)
    decimals = models.PositiveSmallIntegerField(default=1, help_text="Decimal places shown.")
    polarity = models.CharField(max_length=10, choices=Polarity.choices, default=Polarity.HIGHER)
    frequency = models.CharField(
        max_length=10, choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    due_quarter = models.PositiveSmallIntegerField(
        default=4,
        choices=[(n, f"Quarter {n}") for n in range(1, 5)],
        help_text="Annual and two-yearly indicators: the quarter in which the year's result is due.",
    )
    first_due_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Two-yearly indicators: a year in which it is due, e.g. 2016 for 2016/17.",
    )
    aggregation = models.CharField(
        max_length=10,
        choices=Aggregation.choices,
        default=Aggregation.LATEST,
        help_text="How months or quarters combine. Percentages from counts use ratio of sums.",
    )
    ratio_scale = models.PositiveIntegerField(
        default=100, help_text="Ratio indicators: 100 for a percentage, 10000 for per 10,000."
    )
    target_basis = models.CharField(
        max_length=15, choices=TargetBasis.choices, default=TargetBasis.PERIOD
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators_owned",
        help_text="The officer accountable for the indicator.",
    )
    updaters = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="indicators_updated",
        help_text="People who key in its values.",
    )
    directorate = models.ForeignKey(
        "organisation.Directorate", on_delete=models.PROTECT, related_name="indicators"
    )
    portfolio = models.ForeignKey(
        CabinetPortfolio,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name="Cabinet portfolio",
    )
    data_source = models.CharField(
        max_length=300, blank=True, help_text="Where the figure comes from."
    )
    is_contextual = models.BooleanField(
        default=False,
        help_text="Outside the council's direct control: shown for context, not rated.",
    )
    status_rule = models.JSONField(
        default=default_rule,
        help_text='How the value is rated, e.g. {"type": "tolerance", "amber": {"percent": 10}}.',
    )
    is_retired = models.BooleanField(
        default=False, help_text="Retired indicators keep their history but take no new values."
    )
    spc_baseline_points = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        verbose_name="SPC baseline",
        help_text="Statistical process control: work the limits out from this many first values "
        "and hold them (empty: from every value).",
    )
    spc_recalculate_from = models.CharField(
        max_length=12,
        blank=True,
        verbose_name="SPC recalculated from",
        help_text="Statistical process control: the period (e.g. 2016/17-M04) from which the "
        "process changed and its limits are worked out again.",
    )
    spc_exclude_large_ranges = models.BooleanField(
        default=False,
        verbose_name="SPC: leave out large moving ranges",
        help_text="Statistical process control: leave moving ranges above the upper range limit "
        "out of the limits, so one jump does not widen them.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def clean(self) -> None:
        try:
            rule = parse_rule(self.status_rule)
            if self.polarity in Polarity.values and self.polarity != Polarity.NONE:
                rule.check_polarity(CorePolarity(self.polarity))
        except RuleError as error:
            raise ValidationError({"status_rule": str(error)}) from error
        if self.frequency == Frequency.BIENNIAL and self.first_due_year is None:
            raise ValidationError(
                {"first_due_year": "Say in which year a two-yearly indicator is first due."}
            )
        if (
            self.unit == Unit.PERCENTAGE
            and self.aggregation == Aggregation.RATIO
            and self.ratio_scale != 100
        ):
            raise ValidationError({"ratio_scale": "A percentage is a ratio out of 100."})
        if self.spc_recalculate_from:
            try:
                parse(self.spc_recalculate_from)
            except PeriodError:
                raise ValidationError(
                    {"spc_recalculate_from": "Write a period such as 2016/17-M04 or 2016/17-Q1."}
                ) from None
        if self.spc_baseline_points is not None and self.spc_baseline_points < 2:
            raise ValidationError({"spc_baseline_points": "A baseline needs at least 2 values."})


class ScorecardEntry(models.Model):
    """An indicator on one version of a scorecard, under a priority of the Corporate Plan."""

    version = models.ForeignKey(ScorecardVersion, on_delete=models.PROTECT, related_name="entries")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="entries")
    priority = models.ForeignKey(
        Priority, null=True, blank=True, on_delete=models.PROTECT, related_name="entries"
    )
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["version", "order", "indicator__code"]
        verbose_name_plural = "scorecard entries"
        constraints = [
            models.UniqueConstraint(
                fields=["version", "indicator"], name="scorecard_entry_unique_indicator"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} on {self.version}"


class Target(models.Model):
    """A target for one period: a year, or a quarter or month of its profile.

    When the indicator is rated year to date, a quarter's target is the cumulative target to
    the end of that quarter. A quarter without its own target uses the annual one.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="targets")
    period = models.CharField(max_length=12, help_text=PERIOD_HELP)
    period_start = models.DateField(editable=False)
    value = models.DecimalField(max_digits=20, decimal_places=6)
    notes = models.TextField(blank=True, help_text="Where the target comes from.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period_start", "period"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="target_unique_period")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period}: {self.value}"


class ReportingPeriod(models.Model):
    """A reporting quarter of the council, open for updates or locked.

    Locking a quarter refuses new or changed values for it (and for its months, and for annual
    results due in it), so a published report never changes.
    """

    period = models.CharField(max_length=12, unique=True, help_text="A quarter, e.g. 2017/18-Q2.")
    period_start = models.DateField(editable=False)
    state = models.CharField(max_length=10, choices=PeriodState.choices, default=PeriodState.OPEN)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start"]

    def __str__(self) -> str:
        return f"{self.period} ({self.get_state_display()})"


class Measurement(models.Model):
    """The value of an indicator for one period, with its commentary and where it is in the
    update workflow. `version` goes up by one at each change, so a stale edit is refused."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="measurements")
    period = models.CharField(max_length=12, help_text=PERIOD_HELP)
    period_start = models.DateField(editable=False)
    value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    numerator = models.DecimalField(
        max_digits=20, decimal_places=6, null=True, blank=True, help_text="Ratio indicators only."
    )
    denominator = models.DecimalField(
        max_digits=20, decimal_places=6, null=True, blank=True, help_text="Ratio indicators only."
    )
    commentary = models.TextField(blank=True, help_text="What the figure shows and why.")
    commentary_is_internal = models.BooleanField(
        "commentary for internal use only",
        default=False,
        help_text="Not shown on the public site or in the public documents.",
    )
    improvement_actions = models.TextField(
        blank=True, help_text="What is being done to improve (required when red)."
    )
    data_quality = models.CharField(
        max_length=12, choices=DataQuality.choices, default=DataQuality.FINAL
    )
    manual_rating = models.CharField(
        max_length=5, choices=Rating.choices, blank=True, help_text="Manual-rule indicators only."
    )
    manual_reason = models.TextField(blank=True, help_text="Why this manual rating was given.")
    state = models.CharField(
        max_length=10, choices=WorkflowState.choices, default=WorkflowState.DRAFT
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,  # empty only for values loaded by the system, not keyed in by a person
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_at = models.DateTimeField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,  # empty until the value is submitted for approval
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True, help_text="Why the value was returned.")
    self_approved = models.BooleanField(
        "approved by the person who entered it",
        default=False,
        help_text="Approved by the person who entered or submitted it, as the organisation's "
        "settings allow; listed in the Cabinet pack.",
    )
    restated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    restated_at = models.DateTimeField(null=True, blank=True)
    restatement_reason = models.TextField(
        blank=True, help_text="Why the value of a locked quarter was restated (latest restatement)."
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period_start", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"], name="measurement_unique_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period}: {self.value}"
