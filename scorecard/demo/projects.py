"""The demo council's programmes and projects: the Transformation Programme, whose projects'
savings make up the red indicator RC03 "Financial savings achieved (Transformation Programme)"
(£4,680,000 in the year to Quarter Two 2017/18 against a £6,000,000 profile of the £12 million
target), and three capital projects, each with its project risk register, milestones in every
state and its approved Quarter Two 2017/18 update, so the published pack has its Major projects.
"""

import datetime as dt

from scorecard.organisation import services as organisation_services
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate, User
from scorecard.performance.models import Indicator, Priority
from scorecard.projects import services
from scorecard.projects.models import Programme, ProjectStage
from scorecard.risks.models import Register

from .catalogue import REPORT_PERIOD

D = dt.date
STAGES = ["Initiation", "Planning", "Delivery", "Closure"]

# name, directorate, manager (director's directorate), register key, stage, start, end,
# priorities, indicators, budget, forecast spend, spend to date, savings target, achieved,
# milestones [(name, planned, forecast, actual)], progress, judgement, reason
PROJECTS = [
    ("Digital by default", "COACH", "COACH", "TRANS", "Delivery", D(2016, 4, 1), D(2019, 3, 31),
     ["EFF"], ["RC10", "RC03"], 1_200_000, 1_250_000, 610_000, 4_000_000, 1_900_000,
     [("Online payments for all services", D(2017, 6, 30), None, D(2017, 6, 28)),
      ("New website live", D(2017, 9, 1), None, D(2017, 9, 20)),
      ("Customer accounts for all residents", D(2018, 1, 31), D(2018, 3, 15), None)],
     "Website live three weeks late; online payments now cover every service. Savings slightly "
     "behind profile while the telephone team shrinks in stages.", "", ""),
    ("Adult social care demand management", "ASC", "COACH", "TRANS", "Delivery", D(2017, 4, 1),
     D(2019, 3, 31), ["EFF", "HEALTH"], ["RC03"], 600_000, 600_000, 290_000, 5_000_000, 1_580_000,
     [("Strengths-based assessment rolled out", D(2017, 7, 31), None, D(2017, 7, 31)),
      ("Reablement capacity doubled", D(2017, 9, 15), None, None)],
     "Reablement recruitment is behind plan, so fewer people leave hospital without long-term "
     "care than profiled. A recovery plan is agreed by the Transformation Board.", "", ""),
    ("Property rationalisation", "COACH", "COACH", "TRANS", "Delivery", D(2017, 4, 1),
     D(2020, 3, 31), ["EFF"], ["RC03", "RC11"], 900_000, 950_000, 420_000, 2_000_000, 600_000,
     [("County Hall east wing vacated", D(2017, 8, 31), D(2017, 12, 15), None),
      ("Area offices merged", D(2018, 6, 30), None, None)],
     "The move out of the east wing waits for the new archive store; savings are delayed until "
     "it is let.", "", ""),
    ("Procurement savings", "COACH", "COACH", "TRANS", "Delivery", D(2017, 4, 1), D(2018, 3, 31),
     ["EFF"], ["RC03"], 150_000, 140_000, 70_000, 1_000_000, 600_000,
     [("Care framework retendered", D(2017, 9, 30), None, D(2017, 9, 22))],
     "Care framework retendered early; savings ahead of profile.", "", ""),
    ("Midshire Parkway railway station", "EI", "EI", "PKWY", "Delivery", D(2016, 10, 1),
     D(2019, 6, 30), ["ECON"], [], 8_000_000, 8_600_000, 3_900_000, None, None,
     [("Network Rail approval in principle", D(2017, 5, 31), None, D(2017, 5, 20)),
      ("Main works contract signed", D(2017, 9, 30), D(2017, 11, 30), None),
      ("Station open", D(2019, 5, 31), None, None)],
     "Contract award delayed by Network Rail's review of the design; costs up 7.5% with steel "
     "prices.", "", ""),
    ("Energy from Waste plant", "EI", "EI", "EFW", "Delivery", D(2015, 4, 1), D(2018, 9, 30),
     ["ENVT"], [], 22_000_000, 25_000_000, 12_400_000, None, None,
     [("Turbine hall complete", D(2017, 6, 30), None, D(2017, 8, 15)),
      ("Commissioning begins", D(2017, 12, 1), D(2018, 2, 28), None)],
     "Turbine hall finished six weeks late; the contractor's claim for extra costs is disputed.",
     "", ""),
    ("Superfast Midshire broadband", "EI", "EI", "BB", "Delivery", D(2016, 4, 1), D(2018, 12, 31),
     ["ECON"], [], 3_000_000, 2_900_000, 1_350_000, None, None,
     [("Phase 2 cabinets live", D(2017, 9, 30), None, D(2017, 9, 29)),
      ("Remote areas survey", D(2017, 12, 31), None, None)],
     "Phase 2 on time. The supplier has not yet surveyed the remote areas, where costs are "
     "least certain.", "amber",
     "On schedule and within budget, but the remote areas' costs are unknown until the survey."),
]  # fmt: skip


# The council's own codes for its projects, as its spreadsheets name them.
REFERENCES = {
    "Digital by default": "TP01",
    "Adult social care demand management": "TP02",
    "Property rationalisation": "TP03",
    "Procurement savings": "TP04",
    "Midshire Parkway railway station": "CP01",
    "Energy from Waste plant": "CP02",
    "Superfast Midshire broadband": "CP03",
}


def _manager(code: str) -> User:
    """The directorate's director manages its projects: a reader in Scorecard, so they may
    write their projects' updates."""
    director = Directorate.objects.get(code=code).director
    if not director.memberships.exists():
        organisation_services.membership_create(person=director, role=Role.READER)
    return director


def load(*, admin: User) -> None:
    if Programme.objects.exists():
        return
    for order, name in enumerate(STAGES):
        services.project_stage_create(name=name, order=order)
    stages = {s.name: s for s in ProjectStage.objects.all()}
    registers = {
        r.name.removesuffix(" project risk register"): r
        for r in Register.objects.filter(kind="project")
    }
    by_key = {
        "TRANS": registers.get("Transformation Programme"),
        "PKWY": registers.get("Midshire Parkway railway station"),
        "EFW": registers.get("Energy from Waste plant"),
        "BB": registers.get("Superfast Midshire broadband"),
    }
    programme = services.programme_create(
        name="Transformation Programme",
        description="The council's change programme, carrying £12 million of the savings in "
        "the medium-term financial plan for 2017/18.",
        owner=_manager("COACH"),
    )
    capital = services.programme_create(
        name="Capital programme", description="Major capital schemes.", owner=_manager("EI")
    )
    priorities = {p.code: p for p in Priority.objects.all()}
    indicators = {i.code: i for i in Indicator.objects.filter(code__startswith="RC")}
    for (name, directorate, manager, register, stage, start, end, codes, measures, budget,
         forecast, spend, target, achieved, milestones, progress, judgement, reason) in PROJECTS:  # fmt: skip
        owner = _manager(manager)
        project = services.project_create(
            reference=REFERENCES[name],
            name=name,
            owner=owner,
            directorate=Directorate.objects.get(code=directorate),
            programme=programme if register == "TRANS" else capital,
            stage=stages[stage],
            register=by_key[register],
            start_date=start,
            end_date=end,
            priorities=[priorities[c] for c in codes if c in priorities],
            indicators=[indicators[c] for c in measures if c in indicators],
        )
        services.project_finance_set(
            project=project, year="2017/18", budget=budget, savings_target=target
        )
        dates = {}
        for title, planned, forecast_date, actual in milestones:
            milestone = services.milestone_create(project=project, name=title, planned_date=planned)
            entry = {"forecast": forecast_date, "actual": actual}
            dates[str(milestone.pk)] = {k: v.isoformat() for k, v in entry.items() if v}
        update = services.project_update_save(
            project=project,
            by=owner,
            period=REPORT_PERIOD,
            progress=progress,
            spend=spend,
            forecast_spend=forecast,
            savings_achieved=achieved,
            milestone_dates=dates,
            rag_judgement=judgement,
            rag_judgement_reason=reason,
        )
        update = services.project_update_submit(update=update, by=owner, expected_version=1)
        services.project_update_approve(update=update, by=admin, expected_version=2)
