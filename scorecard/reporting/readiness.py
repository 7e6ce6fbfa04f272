"""Is a quarter ready to lock? By directorate: the updates due and where they stand, the risks
due for review and not reviewed in the quarter, the red values without commentary, and the
projects running in the quarter without an approved update for it.

Counted in the database in five queries however many indicators and risks there are: the
indicators of the scorecard live in the quarter, their values of the quarter counted by state,
and the risks not reviewed counted by directorate. The red values come from the report's lines,
which the lock page has already built.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from django.db.models import Count, Exists, OuterRef

from scorecard.core.figures import plural
from scorecard.core.periods import Period
from scorecard.organisation.models import Directorate
from scorecard.performance.choices import WorkflowState
from scorecard.performance.engine import schedule_for
from scorecard.performance.models import Measurement, Scorecard, ScorecardEntry
from scorecard.performance.selectors import scorecard_version_live
from scorecard.projects.choices import UpdateState
from scorecard.projects.models import Project, ProjectUpdate
from scorecard.risks.models import Assessment, Risk
from scorecard.risks.selectors.ratings import risks_live

UPDATE_STATES = ("approved", "submitted", "returned", "missing")
WHOLE_COUNCIL = ("", "Whole council")


@dataclass
class Readiness:
    """One directorate's figures, or the council's (the sum of every directorate)."""

    code: str
    name: str
    due: int = 0
    approved: int = 0
    submitted: int = 0
    returned: int = 0
    missing: int = 0
    risks_not_reviewed: int = 0
    red_without_commentary: int = 0
    projects_not_updated: int = 0  # running in the quarter, no approved update for it

    @property
    def not_received(self) -> int:
        """Updates due that are not approved: they count with their last rating, carried."""
        return self.due - self.approved

    @property
    def has_gaps(self) -> bool:
        return bool(
            self.not_received
            or self.risks_not_reviewed
            or self.red_without_commentary
            or self.projects_not_updated
        )

    def gaps(self) -> list[str]:
        """What is missing, in words: "59 of 60 updates not approved", "69 risks not reviewed"."""
        found = []
        if self.not_received:
            found.append(f"{self.not_received:,} of {self.due:,} updates not approved")
        if self.risks_not_reviewed:
            found.append(f"{plural(self.risks_not_reviewed, 'risk')} not reviewed")
        if self.red_without_commentary:
            found.append(f"{plural(self.red_without_commentary, 'red value')} without commentary")
        if self.projects_not_updated:
            found.append(
                f"{plural(self.projects_not_updated, 'project')} without an approved update"
            )
        return found

    def add(self, other: Readiness) -> None:
        for name in (
            *UPDATE_STATES,
            "due",
            "risks_not_reviewed",
            "red_without_commentary",
            "projects_not_updated",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class QuarterReadiness:
    total: Readiness
    directorates: list[Readiness] = field(default_factory=list)

    @property
    def has_gaps(self) -> bool:
        return self.total.has_gaps

    def as_dict(self) -> dict:
        """What the snapshot keeps: the council's figures and each directorate's."""

        def figures(row: Readiness) -> dict:
            return {**asdict(row), "not_received": row.not_received}

        return {
            **figures(self.total),
            "directorates": [figures(row) for row in self.directorates],
        }


def update_state(states: list[str], expected: int) -> str:
    """Where one indicator's update stands from the states of its values for the quarter (a
    monthly indicator has three): returned if any was returned, missing if any is missing or
    still a draft, submitted if any waits for approval, else approved."""
    if WorkflowState.RETURNED in states:
        return "returned"
    if len(states) < expected or WorkflowState.DRAFT in states:
        return "missing"
    if WorkflowState.SUBMITTED in states:
        return "submitted"
    return "approved"


def quarter_readiness(
    *, scorecard: Scorecard | None, period: Period, lines: Iterable = ()
) -> QuarterReadiness:
    """The quarter's readiness to lock, by directorate (`lines`: the report's indicator lines,
    for the red values without commentary). Without a scorecard: the risk reviews alone."""
    rows: dict[str, Readiness] = {}

    def row(code: str, name: str) -> Readiness:
        return rows.setdefault(code, Readiness(code, name))

    version = scorecard and scorecard_version_live(scorecard=scorecard, period=period)
    entries = (
        ScorecardEntry.objects.filter(version=version) if version else ScorecardEntry.objects.none()
    )
    entries = entries.select_related("indicator__directorate").order_by(
        "indicator__directorate__name", "indicator__code"
    )
    due: dict[int, tuple] = {}
    for entry in entries:
        indicator = entry.indicator
        schedule = schedule_for(indicator)
        if schedule.is_due(period):
            keys = [p.key for p in schedule.stored_periods(period)]
            due[indicator.pk] = (indicator.directorate, keys)
    wanted = {key for _, keys in due.values() for key in keys} if version else set()
    counted: dict[int, list[str]] = {pk: [] for pk in due}
    for indicator_id, key, state, n in (
        Measurement.objects.filter(indicator__entries__version=version, period__in=wanted)
        .values_list("indicator_id", "period", "state")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        if indicator_id in due and key in due[indicator_id][1]:
            counted[indicator_id].extend([state] * n)
    for pk, (directorate, keys) in due.items():
        line = row(directorate.code, directorate.name)
        line.due += 1
        state = update_state(counted[pk], len(keys))
        setattr(line, state, getattr(line, state) + 1)
    for code, name, n in _risks_not_reviewed(period):
        row(code, name).risks_not_reviewed += n
    for code, name, n in _projects_not_updated(period):
        row(code, name).projects_not_updated += n
    names = dict(Directorate.objects.values_list("code", "name"))
    for code, n in Counter(
        line.directorate_code
        for line in lines
        if line.state == "red" and not (line.commentary or "").strip()
    ).items():
        row(code, names.get(code, code)).red_without_commentary += n
    total = Readiness(*WHOLE_COUNCIL)
    ordered = sorted(rows.values(), key=lambda r: (r.code == "", r.name))
    for line in ordered:
        total.add(line)
    return QuarterReadiness(total, ordered)


def _projects_not_updated(period: Period) -> list[tuple[str, str, int]]:
    """By directorate, the projects running in the quarter with no approved update for it: the
    report carries them from their last one (one query)."""
    approved = ProjectUpdate.objects.filter(
        project=OuterRef("pk"), period=period.key, state=UpdateState.APPROVED
    )
    return list(
        Project.objects.filter(
            is_archived=False, start_date__lte=period.end, end_date__gte=period.start
        )
        .exclude(Exists(approved))
        .values_list("directorate__code", "directorate__name")
        .annotate(n=Count("pk"))
        .order_by()
    )


def _risks_not_reviewed(period: Period) -> list[tuple[str, str, int]]:
    """Open risks whose review fell due by the end of the quarter and that have no review for
    it, counted by their register's directorate (the corporate register's under the whole
    council), in one grouped query."""
    reviewed = Assessment.objects.filter(risk=OuterRef("pk"), period=period.key)
    rows = (
        risks_live(Risk.objects.all())
        .filter(identified_on__lte=period.end, next_review_on__lte=period.end)
        .exclude(Exists(reviewed))
        .values_list("register__directorate__code", "register__directorate__name")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [(code or WHOLE_COUNCIL[0], name or WHOLE_COUNCIL[1], n) for code, name, n in rows]
