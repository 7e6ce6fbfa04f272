"""The setup checklist: what a new council still has to do before its first quarter.

It reads the organisation, the risks and the performance apps, so it lives beside them (like
search and reminders). Each step says whether it is done, what is still missing, and links to
the page that does it; the pages and services are the apps' own.
"""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from scorecard.organisation.models import Directorate, OrganisationSettings, User
from scorecard.organisation.selectors import (
    organisation_settings_get,
    user_can_manage_organisation,
)
from scorecard.performance.choices import PeriodState, ScorecardTier
from scorecard.performance.models import Indicator, ReportingPeriod, Scorecard
from scorecard.risks.models import Risk, RiskMatrix

DEFAULT_NAME = OrganisationSettings._meta.get_field("name").default


@dataclass(frozen=True)
class Step:
    title: str
    done: bool
    state: str  # what is in place, or what is still missing
    link_text: str
    href: str
    optional: bool = False


def setup_steps() -> list[Step]:
    """Every step of setting up, in order (six queries)."""
    council = organisation_settings_get()
    directorates = Directorate.objects.filter(is_archived=False).count()
    matrix = RiskMatrix.objects.filter(is_current=True).first()
    scorecard = (
        Scorecard.objects.filter(tier=ScorecardTier.CORPORATE, is_archived=False)
        .order_by("pk")
        .first()
    )
    quarter = (
        ReportingPeriod.objects.filter(state=PeriodState.OPEN).order_by("period_start").first()
    )
    indicators = Indicator.objects.filter(is_retired=False).count()
    risks = Risk.objects.count()
    named = council.name != DEFAULT_NAME
    return [
        Step(
            "Council name and financial year",
            named,
            f"{council.name}, financial year starting in {council.get_financial_year_start_month_display()}."
            if named
            else f"The council is still called \u201c{DEFAULT_NAME}\u201d: give its name and check the month its financial year starts.",
            "Change the council's settings",
            reverse("organisation:settings_edit"),
        ),
        Step(
            "Directorates",
            directorates > 0,
            f"{directorates} directorate{'s' if directorates != 1 else ''}."
            if directorates
            else "No directorate yet: add at least one, so indicators and risks have an owner.",
            "Add a directorate",
            reverse("organisation:directorate_create"),
        ),
        Step(
            "Risk matrix",
            matrix is not None,
            f"{matrix.name} is in use."
            if matrix
            else "No risk matrix yet: choose a ready-made one (3 x 3, 4 x 4, 5 x 5 or 6 x 6) or set up the council's own.",
            "Choose or change the risk matrix",
            reverse("risks:matrix"),
        ),
        Step(
            "Corporate scorecard",
            scorecard is not None,
            f"{scorecard.name}."
            if scorecard
            else "No corporate scorecard yet: add one to report indicators. "
            "A council that keeps only a risk register can leave this out.",
            "Add the corporate scorecard" if scorecard is None else "See the scorecards",
            reverse(
                "performance:scorecard_create" if scorecard is None else "performance:scorecards"
            ),
            optional=True,
        ),
        Step(
            "First quarter",
            quarter is not None,
            f"{quarter.period} is open for updates."
            if quarter
            else "No quarter yet: open the first quarter, so values and risk reviews can be recorded.",
            "Open a quarter",
            reverse("performance:periods"),
        ),
        Step(
            "Bring in spreadsheets",
            indicators > 0 or risks > 0,
            f"{indicators} indicator{'s' if indicators != 1 else ''} and {risks} risk{'s' if risks != 1 else ''} so far."
            if indicators or risks
            else "No indicators or risks yet: bring in the council's KPI spreadsheet and risk register, or add them one at a time.",
            "Import a spreadsheet",
            reverse("interchange:index"),
            optional=True,
        ),
    ]


def setup_unfinished(user) -> int:
    """How many required steps are left, for an administrator (one query: the settings row is
    the request's); 0 for everyone else."""
    if not user_can_manage_organisation(user):
        return 0
    done = User.objects.filter(pk=user.pk).values_list(
        Exists(Directorate.objects.filter(is_archived=False)),
        Exists(RiskMatrix.objects.filter(is_current=True)),
        Exists(ReportingPeriod.objects.filter(state=PeriodState.OPEN)),
    )[0]
    named = organisation_settings_get().name != DEFAULT_NAME
    return sum(1 for step_done in (named, *done) if not step_done)


@login_required
def setup_page(request: HttpRequest) -> HttpResponse:
    if not user_can_manage_organisation(request.user):
        raise PermissionDenied
    steps = setup_steps()
    return render(
        request,
        "setup.html",
        {
            "active_section": "administration",
            "steps": steps,
            "left": [s for s in steps if not s.done and not s.optional],
        },
    )
