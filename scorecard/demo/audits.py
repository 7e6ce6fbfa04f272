"""The demo council's internal audit plan for 2017/18: six audits across its directorates, their
opinions, and recommendations in every state (not started, in progress, overdue, extended by
someone else's approval, an extension waiting and one refused, implemented and waiting for
verification, verified, cancelled). The demo's today is 4 December 2017."""

import datetime as dt

from scorecard.actions import services
from scorecard.actions.choices import ActionStatus
from scorecard.actions.models import Audit
from scorecard.organisation.models import Directorate, User

D = dt.date
YEAR = "2017/18"

# (reference, title, directorate code or None, issued, opinion)
AUDITS = [
    ("IA 2017-01", "Payroll and expenses", "COACH", D(2017, 6, 30), "reasonable"),
    ("IA 2017-02", "Procurement cards", "COACH", D(2017, 7, 28), "limited"),
    ("IA 2017-03", "Business continuity planning", None, D(2017, 9, 15), "limited"),
    ("IA 2017-04", "Housing rents", "CFC", D(2017, 8, 25), "reasonable"),
    ("IA 2017-05", "IT user access", "COACH", D(2017, 10, 20), "limited"),
    ("IA 2017-06", "Safeguarding: DBS checks", "ASC", D(2017, 11, 17), "substantial"),
]

# (audit, priority, recommendation, management response, owner, agreed due date, state)
# The state is what happens after the recommendation is agreed (see load()).
RECOMMENDATIONS = [
    ("IA 2017-01", "high", "Check every overtime claim above 20 hours a month against the rota before payment.",
     "Payroll will hold such claims until the service manager confirms the rota.", "director.coach",
     D(2017, 9, 30), "verified"),
    ("IA 2017-01", "medium", "Remove leavers from the payroll within five working days of their last day.",
     "A leavers' checklist goes to managers with the resignation acknowledgement.", "director.coach",
     D(2017, 11, 30), "implemented"),
    ("IA 2017-01", "low", "Refresh the expenses policy to cover mileage claimed on electric vehicles.",
     "The policy goes to the Joint Consultative Committee in February.", "director.coach",
     D(2018, 2, 28), "not_started"),
    ("IA 2017-02", "high", "Reconcile every procurement card statement within a month of its date.",
     "Finance will chase unreconciled statements weekly and suspend cards after 60 days.", "director.coach",
     D(2017, 10, 31), "overdue"),
    ("IA 2017-02", "medium", "Lower single-transaction limits on cards used only for small purchases.",
     "Limits reviewed with each cardholder's manager.", "director.coach",
     D(2017, 12, 22), "in_progress"),
    ("IA 2017-02", "low", "Publish card spending over £500 with the transparency data each month.",
     "Superseded: the council now publishes all card spending quarterly.", "director.coach",
     D(2017, 12, 31), "cancelled"),
    ("IA 2017-03", "high", "Test the business continuity plans of the ten most critical services each year.",
     "Emergency planning will run desk-top exercises with each service.", "director.ei",
     D(2017, 11, 30), "extended"),
    ("IA 2017-03", "high", "Name a deputy for every critical service's continuity lead.",
     "Directors will name deputies at their management teams.", "director.asc",
     D(2017, 11, 24), "overdue_not_started"),
    ("IA 2017-03", "medium", "Keep a paper copy of the contact cascade at both depots.",
     "Copies will be printed and checked every quarter.", "director.ei",
     D(2017, 11, 17), "refused"),
    ("IA 2017-04", "high", "Follow up every rent arrears case above £500 within ten working days.",
     "The income team will work from a weekly arrears report.", "director.cfc",
     D(2017, 12, 15), "pending"),
    ("IA 2017-04", "medium", "Reconcile the rent account to the general ledger each month.",
     "Finance will reconcile monthly and sign the reconciliation off.", "director.cfc",
     D(2017, 10, 31), "verified"),
    ("IA 2017-04", "low", "Write off uncollectable former tenant arrears under the approved scheme.",
     "A write-off report goes to the Section 151 Officer each quarter.", "director.cfc",
     D(2018, 3, 31), "in_progress"),
    ("IA 2017-05", "high", "Remove leavers' network accounts on their last working day.",
     "HR will send IT a daily leavers' report.", "director.coach",
     D(2017, 11, 30), "overdue"),
    ("IA 2017-05", "high", "Review administrator rights on the finance system every quarter.",
     "The systems team will review rights with each head of service.", "director.coach",
     D(2018, 1, 31), "not_started"),
    ("IA 2017-05", "medium", "Enforce passwords of at least twelve characters on every system.",
     "Done for the network; the older systems follow as they are replaced.", "director.coach",
     D(2017, 12, 31), "implemented"),
    ("IA 2017-06", "high", "Check the DBS certificate of every agency care worker before their first shift.",
     "Agencies will send certificates with each booking; managers check them on arrival.", "director.asc",
     D(2018, 1, 31), "in_progress"),
    ("IA 2017-06", "medium", "Renew the DBS checks of staff in regulated activity every three years.",
     "HR will report renewals due to managers each month.", "director.asc",
     D(2018, 3, 31), "not_started"),
]  # fmt: skip

EXTENSION = {
    # state: (new date, reason, approve: True / False / None for waiting)
    "extended": (D(2018, 1, 31), "The exercises need the services' winter plans, due in January.", True),
    "refused": (D(2018, 3, 31), "The depots' refurbishment delays the printing.", False),
    "pending": (D(2018, 2, 28), "The new arrears report waits for the housing system's upgrade.", None),
}  # fmt: skip

EVIDENCE = {
    "IA 2017-01": "Payroll's hold list for October and the rota checks signed by service managers.",
    "IA 2017-04": "The September and October rent reconciliations, signed off by the finance manager.",
    "IA 2017-05": "The network password policy and the change record of 20 November.",
}  # fmt: skip


def load(*, admin: User) -> None:
    """Internal audit's work is verified and extensions decided by the performance and risk
    team's administrator, never the recommendation's owner, who implements and asks. Loaded
    once: a second load leaves the plan as it is."""
    if Audit.objects.filter(financial_year=YEAR).exists():
        return
    people = {u.username: u for u in User.objects.filter(username__startswith="director.")}
    directorates = {d.code: d for d in Directorate.objects.all()}
    audits = {
        reference: services.audit_create(
            reference=reference, title=title, financial_year=YEAR,
            directorate=directorates.get(code), issued_on=issued, opinion=opinion,
            lead_auditor=admin,
        )
        for reference, title, code, issued, opinion in AUDITS
    }  # fmt: skip
    for reference, priority, text, response, owner, due, state in RECOMMENDATIONS:
        person = people[owner]
        action = services.action_create(
            subject=audits[reference], description=text, owner=person, due_on=due,
            priority=priority, management_response=response,
        )  # fmt: skip
        if state in ("in_progress", "overdue", "extended", "refused", "pending"):
            services.action_update(
                action=action, status=ActionStatus.IN_PROGRESS, percent_complete=40, by=person
            )
        if state in ("implemented", "verified"):
            services.action_update(
                action=action, status=ActionStatus.IMPLEMENTED, by=person,
                evidence=EVIDENCE.get(reference, "Confirmed by the service's management team."),
            )  # fmt: skip
        if state == "verified":
            services.recommendation_verify(action=action, by=admin)
        if state == "cancelled":
            services.action_update(
                action=action, status=ActionStatus.CANCELLED, by=admin, progress=response
            )
        if state in EXTENSION:
            new_date, reason, approve = EXTENSION[state]
            extension = services.extension_request(
                action=action, requested_by=person, new_due_on=new_date, reason=reason
            )
            if approve is not None:
                services.extension_decide(
                    extension=extension, decided_by=admin, approve=approve,
                    note="Agreed with the Head of Internal Audit." if approve
                    else "Refused: the copies can be printed before the work starts.",
                )  # fmt: skip
