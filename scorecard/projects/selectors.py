"""Reads for programmes and projects: pages, the RAG of each project, the indicator page's panel
and the Major projects lines of the reports. Each in a fixed number of queries."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery

from scorecard.core import filing, periods
from scorecard.core.duties import may_review, own_part
from scorecard.core.project_rag import (
    DEFAULT_RULES,
    MilestoneDates,
    MilestoneState,
    ProjectRag,
    Rag,
    RagRules,
    milestone_state,
    rate_budget,
    rate_project,
    rate_savings,
    rate_schedule,
    slippage_days,
)
from scorecard.core.project_updates_due import update_deadline, update_late, update_owed
from scorecard.organisation import clock, quarters
from scorecard.organisation.access import Action
from scorecard.organisation.selectors import organisation_settings_get
from scorecard.performance.access import indicator_access
from scorecard.performance.choices import PeriodState
from scorecard.performance.models import ReportingPeriod
from scorecard.risks.access import risk_access
from scorecard.risks.choices import RiskStatus
from scorecard.risks.selectors.matrix import risk_matrix_current
from scorecard.risks.selectors.ratings import with_rating

from .access import programme_access, project_access, update_access
from .choices import UpdateState
from .models import Milestone, Programme, Project, ProjectFinance, ProjectRagRules, ProjectUpdate


def rag_rules_row() -> ProjectRagRules:
    """The council's thresholds (the defaults, unsaved, until an administrator changes them)."""
    return ProjectRagRules.objects.first() or ProjectRagRules()


def rag_rules() -> RagRules:
    row = ProjectRagRules.objects.first()
    return row.as_rules() if row is not None else DEFAULT_RULES


def quarter_now() -> periods.Period:
    start_month = organisation_settings_get().financial_year_start_month
    return periods.Period.containing(clock.today(), "quarter", start_month)


@dataclass
class MilestoneLine:
    milestone: Milestone
    dates: MilestoneDates
    state: MilestoneState
    slippage_days: int


@dataclass
class Money:
    year: str
    budget: Decimal | None = None
    spend: Decimal | None = None
    forecast_spend: Decimal | None = None
    savings_target: Decimal | None = None
    savings_profile: Decimal | None = None
    savings_achieved: Decimal | None = None
    quarter: periods.Period | None = None  # the quarter the figures and profile are as at


@dataclass
class ProjectLine:
    project: Project
    rag: ProjectRag
    milestones: list[MilestoneLine] = field(default_factory=list)
    money: Money | None = None
    update: ProjectUpdate | None = None

    @property
    def missed(self) -> list[MilestoneLine]:
        return [m for m in self.milestones if m.state == MilestoneState.MISSED]

    @property
    def due(self) -> list[MilestoneLine]:
        """Not done and planned by the end of the next quarter."""
        return [
            m
            for m in self.milestones
            if m.state in (MilestoneState.ON_TRACK, MilestoneState.FORECAST_LATE)
        ]


def _savings_profile(target: Decimal | None, quarter: periods.Period) -> Decimal | None:
    """The savings expected by the end of the quarter: the year's target, straight-line."""
    if target is None:
        return None
    return (target * quarter.number / 4).quantize(Decimal("0.01"))


def project_line(
    project: Project,
    *,
    quarter: periods.Period,
    today: dt.date,
    rules: RagRules,
    update: ProjectUpdate | None = None,
) -> ProjectLine:
    """A project's RAG and figures for a quarter, from its prefetched milestones, finances and
    the update given (its judgement; its dates and figures when not yet applied)."""
    milestones = [m for m in project.milestones.all() if not m.is_archived]
    dates = (update.milestone_dates if update is not None else {}) or {}

    def as_dates(m: Milestone) -> MilestoneDates:
        reported = dates.get(str(m.pk), {})
        forecast = reported.get("forecast")
        actual = reported.get("actual")
        return MilestoneDates(
            m.name,
            m.planned_date,
            dt.date.fromisoformat(forecast) if forecast else m.forecast_date,
            dt.date.fromisoformat(actual) if actual else m.actual_date,
        )

    pairs = [(m, as_dates(m)) for m in milestones]
    lines = [
        MilestoneLine(m, d, milestone_state(d, today), slippage_days(d, today)) for m, d in pairs
    ]
    if update is not None:
        # Spend and savings as the update reported them: against its own quarter's budget and
        # savings profile, not today's (a Quarter Two figure read in Quarter Three is not short).
        quarter = periods.Period.containing(update.period_start, "quarter", quarter.start_month)
    year = quarter.year_of().key
    finance = next((f for f in project.finances.all() if f.year == year), None)
    money = Money(year=year, quarter=quarter)
    if finance is not None:
        money = Money(
            year=year,
            quarter=quarter,
            budget=finance.budget,
            spend=finance.spend,
            forecast_spend=finance.forecast_spend,
            savings_target=finance.savings_target,
            savings_achieved=finance.savings_achieved,
        )
    if update is not None:
        for name in ("spend", "forecast_spend", "savings_achieved"):
            if getattr(update, name) is not None:
                setattr(money, name, getattr(update, name))
    money.savings_profile = _savings_profile(money.savings_target, quarter)
    spend_for_rating = money.forecast_spend if money.forecast_spend is not None else money.spend
    judgement = Rag(update.rag_judgement) if update is not None and update.rag_judgement else None
    rag = rate_project(
        schedule=rate_schedule(
            [d for _, d in pairs],
            start=project.start_date,
            end=project.end_date,
            today=today,
            rules=rules,
        ),
        budget=rate_budget(money.budget, spend_for_rating, rules=rules),
        savings=rate_savings(money.savings_profile, money.savings_achieved, rules=rules),
        judgement=judgement,
        judgement_reason=update.rag_judgement_reason if judgement else "",
    )
    return ProjectLine(project=project, rag=rag, milestones=lines, money=money, update=update)


def _projects_prefetched(projects: QuerySet[Project]) -> QuerySet[Project]:
    return projects.select_related(
        "programme", "owner", "sponsor", "directorate", "stage"
    ).prefetch_related(
        Prefetch("milestones", queryset=Milestone.objects.order_by("planned_date", "name")),
        Prefetch("finances", queryset=ProjectFinance.objects.all()),
        Prefetch(
            "updates",
            queryset=ProjectUpdate.objects.filter(state=UpdateState.APPROVED)
            .select_related("reviewed_by")
            .order_by("-period_start"),
            to_attr="approved_updates",
        ),
    )


def _latest_approved(project: Project, quarter: periods.Period) -> ProjectUpdate | None:
    return next((u for u in project.approved_updates if u.period_start <= quarter.start), None)


def approved_line(line: ProjectLine, *, rules: RagRules) -> ProjectLine | None:
    """The project as its latest approved update reported it: rated as at the last day of the
    update's quarter, as the quarter's lock freezes it (no query: the line's project is
    prefetched)."""
    update = line.update
    if update is None:
        return None
    start_month = organisation_settings_get().financial_year_start_month
    quarter = periods.parse(update.period, start_month)
    return project_line(
        line.project, quarter=quarter, today=quarter.end, rules=rules, update=update
    )


def project_lines(
    user,
    *,
    programme: Programme | None = None,
    include_archived: bool = False,
    pk: int | None = None,
) -> list[ProjectLine]:
    """The projects a person may read (or the one of `pk`), each with its RAG today (five
    queries)."""
    projects = project_access(user, Action.VIEW)
    if programme is not None:
        projects = projects.filter(programme=programme)
    if pk is not None:
        projects = projects.filter(pk=pk)
    if not include_archived:
        projects = projects.filter(is_archived=False)
    quarter, today, rules = quarter_now(), clock.today(), rag_rules()
    return [
        project_line(
            p, quarter=quarter, today=today, rules=rules, update=_latest_approved(p, quarter)
        )
        for p in _projects_prefetched(projects)
    ]


def programme_list(user) -> QuerySet[Programme]:
    return programme_access(user, Action.VIEW).select_related("owner").order_by("name")


def programme_get(user, pk: int) -> Programme | None:
    return programme_access(user, Action.VIEW).select_related("owner").filter(pk=pk).first()


def project_get(user, pk: int, action: Action = Action.VIEW) -> Project | None:
    return _projects_prefetched(project_access(user, action)).filter(pk=pk).first()


def red_risks(user, project: Project) -> list:
    """The project register's open risks in the red band that the person may read."""
    if project.register_id is None:
        return []
    risks = risk_access(user, Action.VIEW).filter(register=project.register_id)
    risks = with_rating(risks.exclude(status=RiskStatus.CLOSED), risk_matrix_current())
    return list(risks.filter(band_key="red").order_by("-score", "reference"))


def project_updates(user, project: Project) -> list[ProjectUpdate]:
    return list(
        update_access(user, Action.VIEW)
        .filter(project=project)
        .select_related("entered_by", "submitted_by", "reviewed_by")
        .order_by("-period_start")
    )


def update_get(user, pk: int) -> ProjectUpdate | None:
    """An update of a project the person may read, whatever its state: the review page says
    why it is not theirs to approve rather than pretending it does not exist."""
    return (
        ProjectUpdate.objects.filter(project__in=project_access(user, Action.VIEW))
        .select_related("project", "entered_by", "submitted_by", "reviewed_by")
        .filter(pk=pk)
        .first()
    )


@dataclass(frozen=True)
class UpdateQuarters:
    """The quarters a project update may be written for today, the quarter open now first, or
    why there is none."""

    choices: list[periods.Period]
    why_none: str = ""


def update_quarters(*, on: dt.date | None = None) -> UpdateQuarters:
    """The quarters open for updates that have begun (the performance app's reporting periods,
    as values and risk reviews are filed: `core/filing.py`), the latest first: the quarter the
    home page and the reminders say the update is owed for. With none open, the quarter of the
    date, unless it is locked (one query)."""
    on = on or clock.today()
    start_month = organisation_settings_get().financial_year_start_month
    open_quarters, locked_keys = quarters.open_and_locked(start_month)
    choices = filing.filing_choices(on, open_quarters)
    if choices:
        return UpdateQuarters(choices[::-1])
    today_quarter = periods.Period.containing(on, "quarter", start_month)
    if today_quarter.key in locked_keys:
        return UpdateQuarters(
            [],
            f"No quarter is open for updates: {today_quarter.label} is locked. The performance "
            "team opens the next quarter for updates.",
        )
    return UpdateQuarters([today_quarter])


@dataclass(frozen=True)
class MilestoneChange:
    """A milestone as the project has it now beside the dates an update gives it."""

    name: str
    planned: dt.date
    forecast_now: dt.date | None
    actual_now: dt.date | None
    forecast: dt.date | None  # in the update
    actual: dt.date | None  # in the update


def update_milestones(update: ProjectUpdate) -> list[MilestoneChange]:
    """The milestones the update gives dates for, and the project's others still open, by
    planned date (one query)."""
    dates = update.milestone_dates or {}

    def day(pk: int, part: str) -> dt.date | None:
        text = dates.get(str(pk), {}).get(part)
        return dt.date.fromisoformat(text) if text else None

    milestones = update.project.milestones.order_by("planned_date", "name")
    return [
        MilestoneChange(
            m.name,
            m.planned_date,
            m.forecast_date,
            m.actual_date,
            day(m.pk, "forecast"),
            day(m.pk, "actual"),
        )
        for m in milestones
        if str(m.pk) in dates or (m.actual_date is None and not m.is_archived)
    ]


def update_link_text(updates: list[ProjectUpdate], offer: UpdateQuarters) -> str:
    """The project page's link to the update form, saying what it opens ("" when no quarter is
    open for updates: the form would only say so)."""
    if not offer.choices:
        return ""
    key = offer.choices[0].key
    current = next((u for u in updates if u.period == key), None)
    label = offer.choices[0].label
    if current is None or current.state == UpdateState.RETURNED:
        return f"Write the {label} update"
    if current.state == UpdateState.DRAFT:
        return f"Finish the {label} update (a draft)"
    return f"Read the {label} update ({current.get_state_display().lower()})"


def project_page(user, project: Project) -> dict:
    quarter = quarter_now()
    updates = project_updates(user, project)
    can_approve = project_access(user, Action.APPROVE).filter(pk=project.pk).exists()
    self_approval = organisation_settings_get().allow_self_approval
    locked = locked_quarter_keys()
    submitted = [
        u
        for u in updates
        if can_approve and u.state == UpdateState.SUBMITTED and u.period not in locked
    ]
    own = {
        u.pk: own_part(user.pk, u.entered_by_id, u.submitted_by_id)
        for u in submitted
        if not may_review(
            user.pk, u.entered_by_id, u.submitted_by_id, self_approval_allowed=self_approval
        )
    }
    line = project_line(
        project,
        quarter=quarter,
        today=clock.today(),
        rules=rag_rules(),
        update=_latest_approved(project, quarter),
    )
    return {
        "line": line,
        "quarter": quarter,
        "red_risks": red_risks(user, project),
        "indicators": list(
            indicator_access(user, Action.VIEW).filter(projects=project).order_by("code")
        ),
        "priorities": list(project.priorities.select_related("plan").order_by("order")),
        "updates": updates,
        "can_edit": project_access(user, Action.EDIT).filter(pk=project.pk).exists(),
        "can_approve": can_approve,
        "update_link": update_link_text(updates, update_quarters()),
        # Submitted updates the person may approve or return: never their own (core/duties.py).
        "to_review": [u for u in submitted if u.pk not in own],
        "own_submitted": own,
        "period_labels": {u.period: periods.parse(u.period).label for u in updates},
    }


def indicator_panel(*, request, obj) -> dict:
    """The projects that move an indicator, on the indicator page (scorecard.panels)."""
    projects = project_access(request.user, Action.VIEW).filter(indicators=obj, is_archived=False)
    return {"linked_projects": list(projects.select_related("programme").order_by("name"))}


# --- the Major projects section of the reports ----------------------------------------------


def major_project_lines(quarter: periods.Period, *, user=None) -> list[ProjectLine]:
    """The projects the report's Major projects section shows for the quarter (and the snapshot
    freezes), rated as at its last day: those with an approved update for it, and those still
    running in it whose latest approved update is of an earlier quarter, carried as that update
    reported them (a project without this quarter's update does not drop out of the report)."""
    reported = Q(updates__period=quarter.key, updates__state=UpdateState.APPROVED)
    carried = (
        Q(is_archived=False, end_date__gte=quarter.start)
        & Q(updates__period_start__lt=quarter.start, updates__state=UpdateState.APPROVED)
    )  # fmt: skip
    projects = Project.objects.filter(reported | carried).distinct()
    rules = rag_rules()
    lines = []
    for project in _projects_prefetched(projects).order_by("programme__name", "name"):
        update = _latest_approved(project, quarter)
        lines.append(
            project_line(project, quarter=quarter, today=quarter.end, rules=rules, update=update)
        )
    return lines


def register_red_risks(registers: list[int]) -> dict[int, list]:
    """Every open red risk of the given registers, by register (for the snapshot: all risks;
    the reader's confidentiality is applied where the report is read)."""
    from scorecard.risks.models import Risk

    if not registers:
        return {}
    risks = with_rating(
        Risk.objects.filter(register__in=registers).exclude(status=RiskStatus.CLOSED),
        risk_matrix_current(),
    ).filter(band_key="red")
    found: dict[int, list] = {}
    for risk in risks.order_by("-score", "reference"):
        found.setdefault(risk.register_id, []).append(risk)
    return found


# --- each person's work: updates owed and updates waiting for approval ----------------------


@dataclass
class UpdateOwed:
    """A project's update still owed for a quarter (none yet, a draft, or returned)."""

    project: Project
    quarter: periods.Period
    state: str | None  # None: no update yet
    deadline: dt.date
    overdue: bool

    @property
    def state_label(self) -> str:
        return UpdateState(self.state).label if self.state else "Not started"


def _updates_owed(
    projects: QuerySet[Project], *, quarter: periods.Period, today: dt.date
) -> list[UpdateOwed]:
    """The updates owed for `quarter` by the live projects given that run in it (one query)."""
    state = ProjectUpdate.objects.filter(project=OuterRef("pk"), period=quarter.key)
    running = projects.filter(  # core.project_updates_due.runs_in, in SQL
        is_archived=False, start_date__lte=quarter.end, end_date__gte=quarter.start
    )
    running = running.annotate(update_state=Subquery(state.values("state")[:1]))
    return [
        UpdateOwed(
            project=p,
            quarter=quarter,
            state=p.update_state,
            deadline=update_deadline(quarter.end),
            overdue=update_late(state=p.update_state, quarter_end=quarter.end, today=today),
        )
        for p in running.select_related("owner").order_by("name")
        if update_owed(p.update_state)
    ]


def updates_owed_by(user, *, quarter: periods.Period, today: dt.date) -> list[UpdateOwed]:
    """The updates the person owes as the manager (owner) of live projects (one query)."""
    managed = project_access(user, Action.EDIT).filter(owner=user)
    return _updates_owed(managed, quarter=quarter, today=today)


def updates_owed_by_person(*, quarter: periods.Period, today: dt.date) -> dict:
    """Every project manager's updates owed for the quarter, for the reminders (one query)."""
    by_person: dict = {}
    for owed in _updates_owed(Project.objects.all(), quarter=quarter, today=today):
        by_person.setdefault(owed.project.owner, []).append(owed)
    return by_person


def locked_quarter_keys() -> list[str]:
    """The keys of the locked quarters: their project updates are frozen (one query)."""
    return [key for key, state in quarters.quarter_states().items() if state == "locked"]


def approvals_for(user) -> QuerySet[ProjectUpdate]:
    """Submitted updates the person may approve, as the home page lists them: never one they
    entered or submitted (scorecard/core/duties.py), unless the council allows self-approval."""
    waiting = update_access(user, Action.APPROVE).filter(state=UpdateState.SUBMITTED)
    # Still submitted when its quarter locked: nobody can approve it now (services refuse it).
    locked = ReportingPeriod.objects.filter(state=PeriodState.LOCKED).values("period")
    waiting = waiting.exclude(period__in=locked)
    if not organisation_settings_get().allow_self_approval:
        waiting = waiting.exclude(entered_by=user).exclude(submitted_by=user)
    return waiting.select_related("project", "submitted_by").order_by(
        "period_start", "project__name"
    )


def user_may_approve_updates(user) -> bool:
    """Whether the person approves any project's updates (sponsors, programme owners and the
    performance team)."""
    return project_access(user, Action.APPROVE).exists()
