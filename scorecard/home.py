"""The home page of each person: their own work, built from their roles.

- Those who key in values (directorate editors, indicator updaters, owners): their updates
  due and late in the quarter open for updates, their values returned, their risks due for
  review.
- Project managers: their projects' quarterly updates still owed for the open quarter.
- Approvers (indicators' owners) and the performance team: the values waiting for their
  approval (never their own: separation of duties) and how far the open quarter has got, by
  directorate; sponsors, programme owners and the team: the project updates waiting for them;
  whoever may decide them: extensions of actions' due dates and recommendations to verify.
- Everyone with a role: the latest published quarter's headline, with its dashboards and pack.

Lives at project level because it reads performance, risks, projects and reporting. Each part
is read only when the person's roles call for it, in a bounded number of queries.
"""

import datetime as dt
from dataclasses import dataclass, field

from scorecard.actions.selectors import actions_overdue_for
from scorecard.actions.selectors_decisions import extensions_to_decide, recommendations_to_verify
from scorecard.core.periods import Period, parse
from scorecard.organisation import clock
from scorecard.organisation.selectors import user_is_administrator
from scorecard.performance.access import user_has_any_role
from scorecard.performance.engine import financial_year_start_month
from scorecard.performance.selectors import DueUpdate, reporting_period_current, updates_due
from scorecard.performance.work import (
    approvals_for,
    indicators_to_update,
    user_may_approve,
    values_returned,
)
from scorecard.projects import selectors as projects
from scorecard.reporting import summary
from scorecard.reporting.readiness import QuarterReadiness
from scorecard.reporting.selectors import quarter_readiness, report_data, snapshot_latest
from scorecard.risks.selectors.work import risks_to_review

APPROVALS_SHOWN = 10  # the oldest few; the queue lists them all


@dataclass
class Updates:
    """The person's values for the open quarter that still need them."""

    quarter: Period
    outstanding: list[DueUpdate]

    @property
    def late(self) -> list[DueUpdate]:
        return [u for u in self.outstanding if u.overdue]


@dataclass
class Home:
    today: dt.date | None = None
    quarter: Period | None = None  # the quarter open for updates
    updates: Updates | None = None  # None: the person keys in no values
    returned: list = field(default_factory=list)
    risks: list | None = None  # None: the person reviews no risks
    actions: list = field(default_factory=list)  # the person's overdue actions
    approvals: list | None = None  # None: the person approves nothing
    approvals_count: int = 0
    project_updates: list = field(default_factory=list)  # their projects' updates owed
    project_approvals: list | None = None  # None: the person approves no project's updates
    extensions: list = field(default_factory=list)  # extensions of due dates to decide
    to_verify: list = field(default_factory=list)  # recommendations implemented, to verify
    progress: QuarterReadiness | None = None
    can_publish: bool = False
    published: dict | None = None  # the latest published quarter's figures


def home_for(user, *, today: dt.date | None = None) -> Home:
    """What the home page shows `user` (nothing for a person with no role)."""
    home = Home()
    if not user_has_any_role(user):
        return home
    today = home.today = today or clock.today()
    start_month = financial_year_start_month()
    current = reporting_period_current()
    home.quarter = parse(current.period, start_month) if current else None
    mine = indicators_to_update(user)
    if home.quarter is not None and mine.exists():
        due = updates_due(indicators=mine, quarter=home.quarter, today=today)
        home.updates = Updates(home.quarter, [u for u in due if u.outstanding])
        home.returned = list(values_returned(user))
    if home.quarter is not None:
        home.project_updates = projects.updates_owed_by(user, quarter=home.quarter, today=today)
    reviews = list(risks_to_review(user, today=today))
    if reviews:
        home.risks = reviews
    home.actions = actions_overdue_for(user, today=today)
    if user_may_approve(user):
        queue = approvals_for(user)
        home.approvals = list(queue[:APPROVALS_SHOWN])
        home.approvals_count = (
            queue.count() if len(home.approvals) == APPROVALS_SHOWN else len(home.approvals)
        )
        if home.quarter is not None:
            home.progress = quarter_readiness(period=home.quarter)
    if projects.user_may_approve_updates(user):
        home.project_approvals = list(projects.approvals_for(user)[:APPROVALS_SHOWN])
    home.extensions = extensions_to_decide(user)
    home.to_verify = recommendations_to_verify(user)
    home.can_publish = user_is_administrator(user)
    home.published = _headline(user)
    return home


def _headline(user) -> dict | None:
    """The latest published quarter's figures, as its Cabinet report quotes them."""
    snapshot = snapshot_latest()
    if snapshot is None:
        return None
    period = parse(snapshot.period, financial_year_start_month())
    return summary.facts(report_data(period, reader=user))
