"""Models of the reporting app: the frozen snapshot of a published quarter, and the editable
wording of the Cabinet cover report.

Snapshot rows copy what the report shows (names, statuses, values, scores, bands, areas), not
only keys, so a published report never changes when indicators, risks or the matrix change
later. The live dashboards build unsaved rows of the same models, so one set of templates and
one summary core serve both.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from scorecard.core.periods import parse as parse_period


class Snapshot(models.Model):
    """One quarter, locked and published: the frozen content of its report."""

    period = models.CharField(max_length=12, unique=True, help_text="A quarter, e.g. 2017/18-Q2.")
    period_start = models.DateField(editable=False)
    scorecard = models.ForeignKey(
        "performance.Scorecard",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="snapshots",
        help_text="Empty for a council that reports its risk register alone.",
    )
    scorecard_version = models.CharField(
        max_length=200, blank=True, help_text="The version live then (none for risks alone)."
    )
    corporate_plan = models.CharField(max_length=200, blank=True)
    refreshed_this_period = models.BooleanField(
        default=False, help_text="The scorecard was refreshed to a new plan in this quarter."
    )
    matrix = models.JSONField(
        default=dict, help_text="The risk matrix as it was: level labels and the band of each cell."
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField()
    pack_sections = models.JSONField(
        default=dict,
        blank=True,
        help_text="The pack's red risks with their linked indicators, and its benchmarking, as "
        "published (empty in snapshots made before they were frozen).",
    )
    readiness = models.JSONField(
        default=dict,
        blank=True,
        help_text="The quarter's readiness when it was locked: updates due, approved, "
        "submitted, returned and missing, risks not reviewed, red values without commentary, "
        "for the council and each directorate (empty in snapshots made before it was kept).",
    )
    gaps_reason = models.TextField(
        blank=True, help_text="Why the quarter was locked with updates or reviews missing."
    )
    gaps_acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who acknowledged the gaps when locking.",
    )

    class Meta:
        ordering = ["-period_start"]

    def __str__(self) -> str:
        return f"Snapshot {self.period}"


class IndicatorSnapshot(models.Model):
    """An indicator's status, value, target and commentary as published for the quarter."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.PROTECT, related_name="indicators")
    indicator = models.ForeignKey(
        "performance.Indicator", on_delete=models.PROTECT, related_name="+"
    )
    order = models.PositiveIntegerField(default=0)
    code = models.CharField(max_length=30)
    title = models.CharField(max_length=300)
    priority = models.CharField(max_length=200, blank=True)
    priority_order = models.PositiveSmallIntegerField(default=0)
    directorate_code = models.CharField(max_length=30)
    directorate_name = models.CharField(max_length=200)
    unit = models.CharField(max_length=20)
    decimals = models.PositiveSmallIntegerField(default=1)
    polarity = models.CharField(max_length=10)
    state = models.CharField(max_length=20, help_text="The status engine's state.")
    rating = models.CharField(
        max_length=5, blank=True, help_text="The colour shown, carried for not-due indicators."
    )
    rating_period = models.CharField(max_length=12, blank=True)
    value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    target = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    rated_against = models.TextField(
        blank=True,
        help_text="What the colour was measured against, as printed: a target, a threshold or "
        "a reason given by hand (empty in snapshots made before it was kept).",
    )
    direction = models.CharField(max_length=20, help_text="Against the previous due period.")
    direction_last_year = models.CharField(max_length=20)
    last_updated = models.CharField(max_length=12, blank=True)
    next_due = models.CharField(max_length=12, blank=True)
    updated_this_period = models.BooleanField(default=False)
    commentary = models.TextField(blank=True)
    commentary_is_internal = models.BooleanField(
        default=False,
        help_text="The commentary is for internal use: left out of the public site, the public "
        "documents and open data.",
    )
    improvement_actions = models.TextField(blank=True)
    data_quality = models.CharField(max_length=12, blank=True)
    stored_period = models.CharField(
        max_length=12, blank=True, help_text="The period of the value shown (for restatements)."
    )
    measurement_version = models.PositiveIntegerField(null=True, blank=True)
    trend = models.JSONField(default=list, help_text="[period, value] pairs for the sparkline.")
    spc = models.JSONField(
        default=dict,
        blank=True,
        help_text="The XmR chart as published (statistical process control); empty with too few "
        "values.",
    )

    class Meta:
        ordering = ["snapshot", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "indicator"], name="indicator_snapshot_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.rating or self.state}"


class RiskSnapshot(models.Model):
    """A risk's rating, band, area and movement as published for the quarter."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.PROTECT, related_name="risks")
    risk = models.ForeignKey("risks.Risk", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=30)
    title = models.CharField(max_length=300)
    register = models.CharField(max_length=200, help_text="Where it is reported (escalated to).")
    own_register = models.CharField(max_length=200)
    directorate_code = models.CharField(max_length=30, blank=True)
    owner = models.CharField(max_length=200)
    category = models.CharField(max_length=100, help_text="The category's name then.")
    likelihood = models.PositiveSmallIntegerField()
    impact = models.PositiveSmallIntegerField()
    score = models.PositiveSmallIntegerField()
    band_key = models.CharField(max_length=20)
    band_label = models.CharField(max_length=50)
    band_colour = models.CharField(max_length=7)
    band_severity = models.PositiveSmallIntegerField(default=0)
    previous_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    previous_impact = models.PositiveSmallIntegerField(null=True, blank=True)
    previous_score = models.PositiveSmallIntegerField(null=True, blank=True)
    movement = models.CharField(max_length=10, help_text="up, down, same or new.")
    area = models.CharField(max_length=200, blank=True)
    is_open = models.BooleanField(default=True, help_text="False: closed in this quarter.")
    is_new = models.BooleanField(default=False, help_text="Identified in this quarter.")
    escalated_this_period = models.BooleanField(default=False)
    is_confidential = models.BooleanField(default=False)
    actions = models.JSONField(default=list, help_text="Mitigating actions as published.")

    class Meta:
        ordering = ["snapshot", "-score", "-impact", "-likelihood", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "risk"], name="risk_snapshot_unique")
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.score} ({self.band_label})"


class AreaSnapshot(models.Model):
    """A risk area as described to Cabinet in the quarter."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.PROTECT, related_name="areas")
    name = models.CharField(max_length=200)
    owner = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    mitigation_summary = models.TextField(blank=True)

    class Meta:
        ordering = ["snapshot", "name"]

    def __str__(self) -> str:
        return self.name


class ProjectSnapshot(models.Model):
    """A major project as published for the quarter: its RAG with the reason, milestones due and
    missed, budget and savings against profile, and its register's red risks (from the
    project's approved update for the quarter, rated as at the quarter's last day)."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.PROTECT, related_name="projects")
    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT, related_name="+")
    order = models.PositiveIntegerField(default=0)
    name = models.CharField(max_length=200)
    programme = models.CharField(max_length=200, blank=True)
    owner = models.CharField(max_length=200)
    stage = models.CharField(max_length=100, blank=True)
    rag = models.CharField(max_length=10, blank=True, help_text="Overall: red, amber, green.")
    rag_reason = models.TextField(blank=True)
    judged = models.BooleanField(default=False, help_text="The project manager's judgement.")
    schedule_rag = models.CharField(max_length=10, blank=True)
    budget_rag = models.CharField(max_length=10, blank=True)
    savings_rag = models.CharField(max_length=10, blank=True)
    progress = models.TextField(blank=True)
    update_period = models.CharField(
        max_length=12,
        blank=True,
        help_text="The quarter of the approved update shown: an earlier one when the project "
        "had none for this quarter (carried).",
    )
    year = models.CharField(max_length=7)
    budget = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    spend = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    forecast_spend = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    savings_target = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    savings_profile = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    savings_achieved = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    milestones = models.JSONField(
        default=list, help_text="[{name, planned, forecast, actual, state, slippage_days}]."
    )
    red_risks = models.JSONField(
        default=list, help_text="[{reference, title, score, is_confidential}] as published."
    )

    class Meta:
        ordering = ["snapshot", "order"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "project"], name="project_snapshot_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.rag or 'not rated'})"

    @property
    def milestones_missed(self) -> list[dict]:
        return [m for m in self.milestones if m["state"] == "missed"]

    @property
    def milestones_due(self) -> list[dict]:
        return [m for m in self.milestones if m["state"] in ("on track", "forecast late")]

    def carried_from(self, period_key: str) -> str:
        """The earlier quarter whose update this row shows, as people read it ("" when the
        update is the quarter's own): the project had no approved update for the quarter."""
        if self.update_period and self.update_period != period_key:
            return parse_period(self.update_period).label
        return ""

    def why(self, period_key: str) -> str:
        """The rating's reason as every report prints it: whose judgement, and where the
        figures come from when they are carried from an earlier quarter's update."""
        text = self.rag_reason + (" (the project manager's judgement)" if self.judged else "")
        carried = self.carried_from(period_key)
        if carried:
            text += f" No update for this quarter: as its {carried} update reported it."
        return text


class ReportWording(models.Model):
    """The wording of the Cabinet cover report, a template an administrator edits.

    Placeholders in {{ double braces }} are filled from the snapshot's figures; see
    scorecard/reporting/cover.py for the names and the default text.
    """

    key = models.SlugField(max_length=50, unique=True, default="cabinet-cover")
    text = models.TextField(help_text="The report's paragraphs, with {{ placeholders }}.")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class LineChange(models.Model):
    """A row written, changed or deleted in a table the live dashboards' lines are built from.

    Written by database triggers in the writer's own transaction (`line_triggers.py`), so it
    becomes visible exactly when the change does; `kept.py` reads it to know which lines to
    build again. Never written or read by anything else.
    """

    source = models.CharField(max_length=100, help_text="The model changed, e.g. risks.risk.")
    key = models.BigIntegerField(
        null=True, help_text="The indicator or risk whose line changed; empty: every line."
    )
    xact = models.BigIntegerField(
        null=True, db_index=True, help_text="The writer's transaction (PostgreSQL only)."
    )
    token = models.BigIntegerField(
        default=0, help_text="A random number telling a row from a rolled-back one (SQLite only)."
    )

    def __str__(self) -> str:
        return f"{self.source} {self.key}"


class StoredDocument(models.Model):
    """A report document built once, in a task, and served as stored (docs/decisions/0034): the
    pack as PDF and HTML and the cover report as DOCX, of one quarter, for one set of visible
    risks (`audience`), from one state of the data (`version`: the snapshot once published, the
    changes read so far for a draft). Never rendered in a request."""

    class Kind(models.TextChoices):
        PDF = "pdf", "Report pack (PDF)"
        HTML = "html", "Report pack (web page)"
        DOCX = "docx", "Cabinet cover report (Word)"

    class State(models.TextChoices):
        WAITING = "waiting", "Waiting to start"
        RUNNING = "running", "Being built"
        DONE = "done", "Built"
        FAILED = "failed", "Failed"

    period = models.CharField(max_length=12, help_text="A quarter, e.g. 2017/18-Q2.")
    kind = models.CharField(max_length=4, choices=Kind.choices)
    audience = models.CharField(
        max_length=64, help_text="SHA-256 of the risks its readers see (all readers alike)."
    )
    version = models.CharField(
        max_length=120, help_text="The snapshot it was built from, or the draft's data state."
    )
    every_risk = models.BooleanField(
        default=False, help_text="Built for a reader who sees every risk."
    )
    is_public = models.BooleanField(
        default=False,
        help_text="Built for the public site: no confidential risk, no internal commentary.",
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Built as this person sees it (empty: the public, or every risk).",
    )
    state = models.CharField(max_length=8, choices=State.choices, default=State.WAITING)
    percent = models.PositiveSmallIntegerField(default=0)
    content = models.BinaryField(blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    built_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["period", "kind", "audience", "version", "is_public"],
                name="stored_document_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period} ({self.get_state_display()})"

    @property
    def is_building(self) -> bool:
        return self.state in {self.State.WAITING, self.State.RUNNING}
