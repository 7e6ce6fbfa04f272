"""The demo council's Corporate Risk Register: the electronic register adopted in April 2017.

At the end of Quarter Two 2017/18 it holds 160 live risks across the corporate register, five
directorate registers and five major-project registers; nine are red, in two risk areas
(Children's Social Care and Adult Social Care). Some risks were migrated from the earlier
register with their Quarter Four 2016/17 rating, most were first assessed in Quarter One
2017/18, eight were identified in Quarter Two, seven were closed and three escalated to the
corporate register.

The matrix, registers, areas, appetite, controls and actions go through the risks services.
Risks and their assessments (about 600 rows) are bulk-inserted, scored and banded by the pure
scoring core against the stored matrix, exactly as `assessment_record` stores them.
"""

import datetime as dt
import zlib

from simple_history.utils import bulk_create_with_history

from scorecard.core import scoring
from scorecard.organisation import clock
from scorecard.organisation.models import Directorate, User
from scorecard.performance.models import Indicator
from scorecard.risks import services
from scorecard.risks.choices import (
    ActionStatus,
    ControlEffectiveness,
    EscalationDirection,
    EscalationStatus,
    RegisterKind,
    RiskCategory,
    RiskStatus,
)
from scorecard.risks.models import (
    Action,
    Assessment,
    Control,
    Escalation,
    IndicatorLink,
    Register,
    Risk,
)
from scorecard.risks.selectors import risk_matrix_current

from .data.register import CLOSED, REVIEWS, RISKS

C = RiskCategory
CORPORATE_REGISTER = "Corporate Risk Register"
Q4_2016 = dt.date(2017, 3, 20)  # last review in the earlier register
Q1_REVIEW = dt.date(2017, 6, 15)
Q2_REVIEW = dt.date(2017, 9, 14)
Q2_NEW = dt.date(2017, 8, 1)

AREAS = {
    "CSC": (
        "Children's Social Care",
        "CFC",
        "risks around safeguarding children which are being addressed by the Council's "
        "Improvement Plan",
        "The Children's Services Improvement Plan, overseen by the Improvement Board with an "
        "independent chair: extra social work capacity and lower caseloads, a new Multi-Agency "
        "Safeguarding Hub, a placement sufficiency strategy and monthly practice audits.",
    ),
    "ASC": (
        "Adult Social Care",
        "ASC",
        "risks around increasing demand and related pressures in the overall health and social "
        "care system",
        "Home First reablement with the NHS to speed hospital discharge, a market position "
        "statement and fee review to stabilise care providers, extra-care housing, and the "
        "Better Care Fund plan agreed with the clinical commissioning groups.",
    ),
    "FIN": (
        "Financial Resilience",
        "COACH",
        "risks to the balanced budget and the medium-term financial plan",
        "Monthly budget monitoring by Cabinet, the Transformation Programme and reserves policy.",
    ),
    "INF": (
        "Information and Cyber Security",
        "COACH",
        "risks to the council's information and systems",
        "Cyber Essentials Plus, staff training, tested backups and the information asset register.",
    ),
    "HWY": (
        "Highways and Infrastructure",
        "EI",
        "risks to the road network, flood defences and major schemes",
        "Asset management plan, winter service plan and the capital programme board.",
    ),
}

# The first risks of each register: (title, category, area key or ""). The category and risk
# area of each further risk follow these in turn; its words come from `data.register`.
THEMES = {
    "ASC": [
        ("Demand for adult social care exceeds the budget", C.FINANCIAL, "ASC"),
        ("Failure of domiciliary care providers", C.PARTNERSHIP, "ASC"),
        ("Delayed transfers of care from hospital", C.PARTNERSHIP, "ASC"),
        ("Care home capacity and quality", C.STRATEGIC, "ASC"),
        ("Safeguarding adults concerns not responded to in time", C.SAFEGUARDING, "ASC"),
        ("Recruitment and retention of social workers and care staff", C.HR, ""),
        ("Backlog of Deprivation of Liberty Safeguards assessments", C.LEGAL, ""),
        ("Better Care Fund targets not met", C.FINANCIAL, "ASC"),
        ("Carer breakdown leading to crisis admissions", C.STRATEGIC, ""),
        ("Client financial assessments delayed", C.FINANCIAL, ""),
    ],
    "CFC": [
        ("Children at risk of harm not identified and protected", C.SAFEGUARDING, "CSC"),
        ("Social worker caseloads too high for safe practice", C.HR, "CSC"),
        ("Ofsted monitoring finds insufficient progress", C.REPUTATIONAL, "CSC"),
        ("Not enough placements for looked-after children", C.STRATEGIC, "CSC"),
        ("High-needs education budget overspend", C.FINANCIAL, ""),
        ("Shortfall of school places in growth areas", C.STRATEGIC, ""),
        ("Rising cost of home to school transport", C.FINANCIAL, ""),
        ("Multi-agency response to child sexual exploitation", C.SAFEGUARDING, "CSC"),
        ("Special educational needs reforms late", C.LEGAL, ""),
        ("Legal challenge to library service changes", C.REPUTATIONAL, ""),
    ],
    "EI": [
        ("Highways maintenance funding falls short", C.FINANCIAL, "HWY"),
        ("Severe winter weather disrupts the network", C.HEALTH_AND_SAFETY, "HWY"),
        ("Flooding of homes and roads", C.STRATEGIC, "HWY"),
        ("Waste disposal contract costs rise", C.FINANCIAL, ""),
        ("Bridge structures deteriorate", C.HEALTH_AND_SAFETY, "HWY"),
        ("Withdrawal of commercial bus services", C.PARTNERSHIP, ""),
        ("Planning appeals lost on minerals applications", C.LEGAL, ""),
        ("Growth Deal funding not secured", C.FINANCIAL, ""),
        ("Street lighting contractor performance", C.PARTNERSHIP, ""),
        ("Road safety targets missed", C.HEALTH_AND_SAFETY, ""),
    ],
    "COACH": [
        ("Cyber attack disrupts council services", C.INFORMATION, "INF"),
        ("Personal data breach", C.INFORMATION, "INF"),
        ("Savings in the medium-term financial plan not delivered", C.FINANCIAL, "FIN"),
        ("Failure of a core ICT system", C.INFORMATION, "INF"),
        ("Business continuity plans not effective", C.STRATEGIC, ""),
        ("Pay and workforce pressures", C.HR, ""),
        ("Procurement fraud", C.FINANCIAL, "FIN"),
        ("Pension fund deficit grows", C.FINANCIAL, "FIN"),
        ("Backlog of property maintenance", C.HEALTH_AND_SAFETY, ""),
        ("Health and safety of staff in council buildings", C.HEALTH_AND_SAFETY, ""),
    ],
    "PH": [
        ("Pandemic influenza", C.HEALTH_AND_SAFETY, ""),
        ("Reduction of the public health grant", C.FINANCIAL, "FIN"),
        ("Drug and alcohol service contract underperforms", C.PARTNERSHIP, ""),
        ("Demand for sexual health services exceeds the contract", C.FINANCIAL, ""),
        ("Poor air quality in town centres", C.STRATEGIC, ""),
        ("Outbreak of an infectious disease", C.HEALTH_AND_SAFETY, ""),
        ("Health visiting service transfer", C.PARTNERSHIP, ""),
    ],
    "CORP": [
        ("Effect of leaving the European Union on the local economy and workforce", C.STRATEGIC,
         ""),
        ("Gap in the medium-term financial plan", C.FINANCIAL, "FIN"),
        ("Response to a major incident", C.HEALTH_AND_SAFETY, ""),
        ("Sustainability and Transformation Partnership with the NHS", C.PARTNERSHIP, "ASC"),
        ("Governance and decision making", C.LEGAL, ""),
        ("Workforce capacity for change", C.HR, ""),
        ("Public confidence and reputation", C.REPUTATIONAL, ""),
        ("Adapting to climate change", C.STRATEGIC, ""),
    ],
}  # fmt: skip

PROJECTS = [
    ("CSIP", "Children's Services Improvement Plan", "CFC"),
    ("TRANS", "Transformation Programme", "COACH"),
    ("PKWY", "Midshire Parkway railway station", "EI"),
    ("EFW", "Energy from Waste plant", "EI"),
    ("BB", "Superfast Midshire broadband", "EI"),
]
PROJECT_THEMES = [
    ("cost overrun", C.FINANCIAL),
    ("delay to the programme", C.STRATEGIC),
    ("contractor insolvency", C.PARTNERSHIP),
    ("stakeholder objections", C.REPUTATIONAL),
    ("external funding withdrawn", C.FINANCIAL),
    ("benefits not realised", C.STRATEGIC),
]
# How many live risks each register holds at the end of Quarter Two 2017/18 (160 in all).
SIZES = {"CORP": 8, "ASC": 30, "CFC": 32, "EI": 26, "COACH": 20, "PH": 14}  # + 5 projects x 6

# The nine red risks at the end of Quarter Two: register, theme number -> (Q1, Q2) ratings.
RED = {
    ("CFC", 0): ((4, 5), (4, 5)),
    ("CFC", 1): ((4, 4), (4, 4)),
    ("CFC", 2): ((3, 4), (3, 5)),
    ("CFC", 3): ((4, 4), (5, 4)),
    ("CSIP", 0): ((4, 4), (4, 4)),
    ("ASC", 0): ((5, 4), (5, 4)),
    ("ASC", 1): ((4, 3), (4, 4)),
    ("ASC", 2): ((4, 5), (4, 5)),
    ("ASC", 3): ((3, 4), (3, 5)),
}
# The indicators each red risk threatens (risks.IndicatorLink): both pages show the other.
LINKS = {
    "ASC01": ["HW01", "HW06"],  # demand exceeds the budget: care home placements and admissions
    "ASC02": ["HW07", "HW08"],  # domiciliary care providers fail: reablement outcomes
    "ASC03": ["HW10"],  # delayed transfers of care
    "ASC04": ["HW06", "HW01"],  # care home capacity and quality
    "CFC01": ["CF07", "CF08"],  # children at risk not identified: re-referrals, assessments
    "CFC02": ["CF16", "CF08"],  # social worker caseloads: vacancies, assessments on time
    "CFC03": ["CF08", "CF03"],  # Ofsted progress
    "CFC04": ["CF13", "CF17"],  # placements for looked-after children
    "CSIP01": ["CF08"],  # the improvement plan overruns
}

# Red in Quarter One, down to amber in Quarter Two.
DOWN = {("CFC", 7): ((4, 4), (3, 4)), ("COACH", 0): ((3, 5), (2, 5))}
ESCALATED = [("CFC", 0), ("ASC", 0), ("COACH", 2)]
AMBER_CELLS = [(2, 4), (4, 2), (3, 3), (3, 4), (4, 3), (2, 5), (5, 2)]
GREEN_CELLS = [(2, 3), (3, 2), (2, 2), (1, 5), (1, 4), (2, 1), (1, 3), (3, 1), (1, 2)]


def _pick(key: str, cells: list[tuple[int, int]]) -> tuple[int, int]:
    return cells[zlib.crc32(key.encode()) % len(cells)]


def _aware(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, 0, tzinfo=dt.UTC)


def load(*, admin: User, editor: User, directors: dict[str, User]) -> None:
    if Register.objects.filter(kind=RegisterKind.CORPORATE).exists():
        return
    services.risk_matrix_create_default()
    for category, maximum in [(C.SAFEGUARDING, 12), (C.FINANCIAL, 12), (C.INFORMATION, 8)]:
        services.risk_appetite_set(category=category, maximum_score=maximum)
    directorates = {d.code: d for d in Directorate.objects.all()}
    owners = {**directors, "ASC": editor, "COACH": admin, "CORP": admin}
    areas = {
        key: services.risk_area_create(
            name=name, owner=directors[code], description=description, mitigation_summary=summary
        )
        for key, (name, code, description, summary) in AREAS.items()
    }
    corporate = services.register_create(
        name=CORPORATE_REGISTER,
        kind=RegisterKind.CORPORATE,
        description="The highest risks of the council, and those escalated to it.",
    )
    registers = {"CORP": corporate}
    for code, directorate in directorates.items():
        registers[code] = services.register_create(
            name=f"{directorate.name} risk register",
            kind=RegisterKind.DIRECTORATE,
            directorate=directorate,
            parent=corporate,
        )
    for key, name, code in PROJECTS:
        registers[key] = services.register_create(
            name=f"{name} project risk register",
            kind=RegisterKind.PROJECT,
            directorate=directorates[code],
            parent=registers[code],
        )

    matrix = risk_matrix_current()
    plans = _plan()
    risks = []
    for plan in plans:
        register_key = plan["register"]
        owner_key = register_key if register_key in owners else plan["directorate"]
        last_l, last_i = plan["ratings"][-1][1]
        inherent = (min(last_l + 1, 5), min(last_i + 1, 5))
        band = matrix.band_for(last_l, last_i)
        risks.append(
            Risk(
                reference=plan["reference"],
                title=plan["title"],
                cause=plan["cause"],
                event=plan["event"],
                consequence=plan["consequence"],
                category_id=plan["category"],
                owner=owners[owner_key],
                register=registers[register_key],
                area=areas[plan["area"]] if plan["area"] else None,
                status=RiskStatus.CLOSED if plan["closed_on"] else RiskStatus.OPEN,
                inherent_likelihood=inherent[0],
                inherent_impact=inherent[1],
                current_likelihood=last_l,
                current_impact=last_i,
                target_likelihood=max(last_l - 1, 1),
                target_impact=max(last_i - 1, 1),
                target_date=dt.date(2018, 3, 31),
                identified_on=plan["identified_on"],
                last_reviewed_on=plan["ratings"][-1][0],
                next_review_on=scoring.next_review_date(plan["ratings"][-1][0], band.review_months),
                closed_on=plan["closed_on"],
                closure_reason="The work this risk covered is complete."
                if plan["closed_on"]
                else "",
            )
        )
    risks = bulk_create_with_history(risks, Risk, default_user=admin, default_date=clock.now())
    by_reference = {r.reference: r for r in risks}
    assessments = []
    for plan in plans:
        risk = by_reference[plan["reference"]]
        for (day, (lk, im)), commentary in zip(plan["ratings"], plan["commentary"], strict=True):
            band = matrix.band_for(lk, im)
            assessments.append(
                Assessment(
                    risk=risk,
                    period=_quarter_key(day),
                    assessed_on=day,
                    likelihood=lk,
                    impact=im,
                    score=scoring.score(lk, im),
                    band_key=band.key,
                    band_label=band.label,
                    band_colour=band.colour,
                    commentary=commentary,
                    assessor=risk.owner,
                )
            )
    bulk_create_with_history(assessments, Assessment, default_user=admin, default_date=clock.now())
    _escalate(by_reference, corporate, admin)
    _treat(by_reference, directors, admin)
    _link(by_reference, admin)
    _confidential(registers, owners, admin)


def _quarter_key(day: dt.date) -> str:
    from scorecard.core.periods import Period

    return Period.containing(day, "quarter").key


def _plan() -> list[dict]:
    """Every risk of the register with its ratings over time (deterministic)."""
    plans = []
    registers = [(key, key, THEMES[key], SIZES[key]) for key in SIZES]
    registers += [(key, code, None, 6) for key, _, code in PROJECTS]
    words = {row[0]: row[1:] for row in RISKS + CLOSED}
    for register_key, directorate, themes, size in registers:
        for n in range(size):
            if themes is not None:
                _, category, area = themes[n % len(themes)]
            else:
                _, category = PROJECT_THEMES[n]
                area = "CSC" if register_key == "CSIP" and n == 0 else ""
            key = (register_key, n)
            reference = f"{register_key}{n + 1:02d}"
            title, cause, event, consequence = words[reference][:4]
            if key in RED:
                q1, q2 = RED[key]
            elif key in DOWN:
                q1, q2 = DOWN[key]
            else:
                q2 = _pick(reference, AMBER_CELLS if n % 5 in (1, 3) else GREEN_CELLS)
                q1 = q2 if n % 7 else _pick(reference + "q1", AMBER_CELLS + GREEN_CELLS)
            new_in_q2 = register_key in {"EI", "PH", "ASC", "CFC"} and n == size - 1
            new_in_q2 = new_in_q2 or (register_key in {"TRANS", "PKWY", "EFW", "BB"} and n == 5)
            migrated = themes is not None and n % 3 == 0 and not new_in_q2
            ratings = []
            if migrated:
                ratings.append((Q4_2016, q1))
            if not new_in_q2:
                ratings.append((Q1_REVIEW, q1))
            ratings.append((Q2_REVIEW + dt.timedelta(days=n % 10), q2))
            identified = (
                dt.date(2017, 3, 1) if migrated else Q2_NEW if new_in_q2 else dt.date(2017, 4, 20)
            )
            commentary = [
                "Migrated from the previous corporate risk register." if d == Q4_2016 else
                "First assessment in the new electronic register."
                for d, _ in ratings[:-1]
            ] + [REVIEWS[reference]]  # fmt: skip
            plans.append(
                {
                    "reference": reference,
                    "register": register_key,
                    "directorate": directorate,
                    "title": title,
                    "category": category,
                    "area": area,
                    "cause": cause,
                    "event": event,
                    "consequence": consequence,
                    "ratings": ratings,
                    "commentary": commentary,
                    "identified_on": identified,
                    "closed_on": None,
                }
            )
    # Seven risks closed: six in Quarter Two, one in Quarter One (not counted among the 160).
    for n, register_key in enumerate(["EI", "EI", "COACH", "PH", "CFC", "ASC", "PKWY"]):
        closed_on = dt.date(2017, 6, 28) if n == 6 else dt.date(2017, 9, 20)
        reference = f"{register_key}X{n + 1}"
        title, cause, event, consequence = words[reference]
        plans.append(
            {
                "reference": reference,
                "register": register_key,
                "directorate": "EI" if register_key == "PKWY" else register_key,
                "title": title,
                "category": C.STRATEGIC,
                "area": "",
                "cause": cause,
                "event": event,
                "consequence": consequence,
                "ratings": [(dt.date(2017, 5, 10), (2, 3))],
                "commentary": ["First assessment in the new electronic register."],
                "identified_on": dt.date(2017, 4, 20),
                "closed_on": closed_on,
            }
        )
    return plans


def _escalate(by_reference: dict[str, Risk], corporate: Register, admin: User) -> None:
    rows = []
    for register_key, n in ESCALATED:
        risk = by_reference[f"{register_key}{n + 1:02d}"]
        rows.append(
            Escalation(
                risk=risk,
                direction=EscalationDirection.UP,
                from_register=risk.register,
                to_register=corporate,
                reason="Rated red (or outside appetite) and needs corporate oversight.",
                requested_by=risk.owner,
                requested_at=_aware(dt.date(2017, 9, 15)),
                status=EscalationStatus.ACCEPTED,
                decided_by=admin,
                decided_at=_aware(dt.date(2017, 9, 21)),
                decision_note="Accepted by the Corporate Risk Management Group.",
            )
        )
        risk.escalated_to, risk.status = corporate, RiskStatus.ESCALATED
        risk.save(update_fields=["escalated_to", "status"])
    bulk_create_with_history(rows, Escalation, default_user=admin, default_date=clock.now())


# How far each risk's actions have got by the council's clock date (4 December 2017): the
# first action (due between October 2017 and March 2018) and the second (due later).
FIRST_DUE = [dt.date(2017, 10, 31), dt.date(2017, 11, 30), dt.date(2018, 1, 31),
             dt.date(2018, 2, 28), dt.date(2018, 3, 31)]  # fmt: skip
SECOND_DUE = [dt.date(2018, 4, 30), dt.date(2018, 6, 30), dt.date(2018, 9, 30),
              dt.date(2018, 12, 31), dt.date(2019, 3, 31)]  # fmt: skip
EFFECTIVENESS = [
    ControlEffectiveness.EFFECTIVE,
    ControlEffectiveness.PARTLY_EFFECTIVE,
    ControlEffectiveness.EFFECTIVE,
    ControlEffectiveness.NOT_ASSESSED,
    ControlEffectiveness.PARTLY_EFFECTIVE,
]


def _progress(reference: str, due: dt.date, first: bool) -> dict:
    """Status, per cent complete and dates of an action, varied but fixed for each risk."""
    today = clock.today()
    roll = zlib.crc32(f"{reference}:{first}".encode()) % 10
    if due < today:  # due already: mostly done, some late with a new date
        if roll < 7:
            return {
                "status": ActionStatus.COMPLETED,
                "percent_complete": 100,
                "completed_on": due - dt.timedelta(days=3 + roll * 2),
            }
        return {
            "status": ActionStatus.IN_PROGRESS,
            "percent_complete": 60 + roll * 3,
            "on_track": False,
            "revised_due_on": due + dt.timedelta(days=61),
        }
    if first and roll < 2:
        return {
            "status": ActionStatus.COMPLETED,
            "percent_complete": 100,
            "completed_on": today - dt.timedelta(days=10 + roll * 9),
        }
    if roll < (7 if first else 4):
        return {"status": ActionStatus.IN_PROGRESS, "percent_complete": 10 + roll * 10}
    if roll == 9 and not first:
        return {"status": ActionStatus.IN_PROGRESS, "percent_complete": 15, "on_track": False}
    return {"status": ActionStatus.NOT_STARTED, "percent_complete": 0}


def _treat(by_reference: dict[str, Risk], directors: dict[str, User], admin: User) -> None:
    """Every open risk's control in place and its two further actions, from `data.register`,
    with due dates and progress varied by risk (bulk, with history). The risk owner takes the
    first action and the director of the register's directorate the second (on the corporate
    register, the director whose service it most touches)."""
    controls, actions = [], []
    corporate_leads = ["EI", "COACH", "PH", "ASC", "COACH", "COACH", "COACH", "EI"]  # CORP01-08
    for reference, *_, control, first, second in RISKS:
        risk = by_reference[reference]
        n = zlib.crc32(reference.encode())
        directorate = risk.register.directorate
        if directorate is None:
            director = directors[corporate_leads[int(reference[-2:]) - 1]]
        else:
            director = directors[directorate.code]
        controls.append(
            Control(
                risk=risk,
                description=control,
                owner=risk.owner,
                effectiveness=EFFECTIVENESS[n % len(EFFECTIVENESS)],
            )
        )
        for description, owner, due, is_first in [
            (first, risk.owner, FIRST_DUE[n % len(FIRST_DUE)], True),
            (second, director, SECOND_DUE[(n // 7) % len(SECOND_DUE)], False),
        ]:
            actions.append(
                Action(
                    risk=risk,
                    description=description,
                    owner=owner,
                    due_on=due,
                    **_progress(reference, due, is_first),
                )
            )
    bulk_create_with_history(controls, Control, default_user=admin, default_date=clock.now())
    bulk_create_with_history(actions, Action, default_user=admin, default_date=clock.now())


def _link(by_reference: dict[str, Risk], admin: User) -> None:
    """Link each red risk to the indicators it threatens (bulk, with history)."""
    codes = {code for codes in LINKS.values() for code in codes}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
    links = [
        IndicatorLink(
            risk=by_reference[reference],
            indicator=indicators[code],
            linked_by=admin,
            linked_at=_aware(dt.date(2017, 10, 2)),
        )
        for reference, codes in LINKS.items()
        if reference in by_reference
        for code in codes
        if code in indicators
    ]
    bulk_create_with_history(links, IndicatorLink, default_user=admin, default_date=clock.now())


def _confidential(registers: dict[str, Register], owners: dict[str, User], admin: User) -> None:
    """Three confidential risks identified in Quarter Three (after Quarter Two was published,
    so its report is unchanged): on the live register for administrators and auditors, never on
    the public site or in open data. Through the services, as a risk owner records one."""
    from .data.register import CONFIDENTIAL

    for n, row in enumerate(CONFIDENTIAL):
        reference, register, category, title, cause, event, consequence = row[:7]
        control, first, second = row[7:]
        owner = owners[register]
        risk = services.risk_create(
            reference=reference, title=title, category=category, owner=owner,
            register=registers[register], inherent_likelihood=4, inherent_impact=4,
            current_likelihood=3 - n % 2, current_impact=3, cause=cause, event=event,
            consequence=consequence, is_confidential=True,
            identified_on=dt.date(2017, 10, 9 + 7 * n),
        )  # fmt: skip
        services.assessment_record(
            risk=risk, likelihood=3 - n % 2, impact=3, assessor=owner, period="2017/18-Q3",
            assessed_on=dt.date(2017, 11, 20 + n),
            commentary=f"First review of {reference}: the control is in place and both actions "
            "have started.",
        )  # fmt: skip
        services.control_create(risk=risk, description=control, owner=owner)
        services.action_create(
            risk=risk, description=first, owner=owner, due_on=dt.date(2018, 1, 31),
            already_agreed=True,
        )  # fmt: skip
        services.action_create(
            risk=risk, description=second, owner=admin, due_on=dt.date(2018, 3, 31),
            already_agreed=True,
        )  # fmt: skip
