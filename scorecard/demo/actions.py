"""The demo council's improvement actions on its red indicators and its projects' actions, in
every state: not started, in progress, done, overdue, extended by someone else's approval, and
an extension waiting for a decision (4 December 2017 is the demo's today)."""

import datetime as dt

from scorecard.actions import services
from scorecard.organisation.models import User
from scorecard.performance.models import Indicator
from scorecard.projects.models import Project

D = dt.date

# (indicator code, owner, action, due, status, per cent, progress)
INDICATOR_ACTIONS = [
    ("HW01", "editor", "Extend the Home First reablement service to all three acute hospitals",
     D(2017, 11, 30), "in_progress", 60,
     "Live at two hospitals; the third waits for its discharge lounge to open."),
    ("HW01", "editor", "Head of service to review every new permanent care home placement weekly",
     D(2017, 10, 31), "completed", 100, "Weekly panel running since 9 October."),
    ("HW02", "editor", "Supported internships with the NHS trust and three large employers",
     D(2018, 1, 31), "not_started", 0, ""),
    ("RC03", "admin", "Transformation Board to agree recovery plans for the two workstreams "
     "behind their savings profile", D(2017, 11, 15), "in_progress", 50,
     "Property plan agreed; the demand management plan goes to the Board in January."),
    ("RC02", "admin", "A shorter performance review form for front-line staff",
     D(2017, 11, 24), "in_progress", 80, "Form tested with two services; union consulted."),
    ("CF03", "director.cfc", "Early permanence planning for every child under two entering care",
     D(2018, 3, 31), "in_progress", 30, "Twelve carers approved for early permanence."),
    ("OFB05", "director.ei", "Move the surface dressing programme to the A roads with the "
     "steepest decline", D(2017, 9, 30), "completed", 100, "Programme finished in September."),
]  # fmt: skip

# (project name, owner, action, due, status, per cent, progress)
PROJECT_ACTIONS = [
    ("Adult social care demand management", "director.coach",
     "Agree the new front-door triage script with the contact centre", D(2017, 11, 24),
     "in_progress", 70, "Script drafted; contact centre managers' comments due."),
    ("Procurement savings", "director.coach",
     "Re-let the agency staff framework with the new rate card", D(2018, 2, 28),
     "in_progress", 40, "Tender published; six bids expected."),
    ("Midshire Parkway railway station", "director.ei",
     "Secure Network Rail's approval in principle for the platform design", D(2017, 12, 22),
     "in_progress", 85, "Design submitted; approval panel meets on 18 December."),
]  # fmt: skip


def load(*, admin: User) -> None:
    people = {u.username: u for u in User.objects.all()}
    indicators = {
        i.code: i for i in Indicator.objects.filter(code__in=[a[0] for a in INDICATOR_ACTIONS])
    }
    projects = {p.name: p for p in Project.objects.all()}
    made = {}
    for rows, subjects in [(INDICATOR_ACTIONS, indicators), (PROJECT_ACTIONS, projects)]:
        for key, owner, description, due, status, percent, progress in rows:
            action = services.action_create(
                subject=subjects[key], description=description, owner=people[owner], due_on=due,
                already_agreed=True,
            )  # fmt: skip
            if status != "not_started":
                services.action_update(
                    action=action, status=status, percent_complete=percent, progress=progress,
                    by=people[owner],
                )  # fmt: skip
            made[description[:20]] = action
    # RC03's recovery plans: more time asked by their owner, approved by the programme's sponsor.
    extended = made["Transformation Board"]
    extension = services.extension_request(
        action=extended, requested_by=admin, new_due_on=D(2018, 1, 31),
        reason="The demand management recovery plan needs the January Board.",
    )  # fmt: skip
    services.extension_decide(
        extension=extension, decided_by=people["director.coach"], approve=True,
        note="Agreed: the Board's date is fixed.",
    )  # fmt: skip
    # The shorter review form: an extension waiting for someone other than its owner.
    services.extension_request(
        action=made["A shorter performanc"], requested_by=admin, new_due_on=D(2018, 1, 12),
        reason="Union consultation runs to the end of December.",
    )  # fmt: skip
