"""The demo council's Corporate Balanced Scorecard: two Corporate Plans, 78 indicators, values
and targets from April 2015 (one indicator from April 2013) to September 2017, and Quarter
Three 2017/18 open for updates.

Indicators, plans, scorecard versions and the refresh go through the performance services.
Values and targets, about a thousand rows, are bulk-inserted (the services would take most of
the ten-second budget) exactly as the services store them: approved values with their period
start, ratio values computed from numerator and denominator, a version number per change.
Whether an indicator is green, amber or red is left to the status engine.
"""

import datetime as dt
import zlib
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from scorecard.core import figures
from scorecard.core.periods import Period, parse
from scorecard.organisation import clock
from scorecard.organisation.models import Directorate, User
from scorecard.performance import services
from scorecard.performance.choices import (
    Aggregation,
    DataQuality,
    PeriodState,
    TargetBasis,
    WorkflowState,
)
from scorecard.performance.models import Indicator, Measurement, Scorecard, Target

from .catalogue import (
    CATALOGUE,
    FIRST_YEAR,
    NEW_PLAN,
    NEXT_PERIOD,
    OLD_PLAN,
    OLD_PRIORITY,
    REFRESH_PERIOD,
    REPORT_PERIOD,
    Spec,
)
from .data.indicators import INDICATORS

SCORECARD_NAME = "Corporate Balanced Scorecard"
STORED = Decimal("0.000001")

# Where each outcome's figure sits against its target: the shortfall as a share of the target,
# at the start of the history and in the indicator's latest due period (negative: better).
GAPS = {"G": (0.07, -0.03), "A": (0.01, 0.05), "R": (0.02, 0.13)}
UNRATED_DRIFT = (0.06, 0.0)

# Indicators collected monthly, so that they have enough values (30 months) for an XmR chart.
# Each quarter's three months average exactly to the quarterly figure the report is built on,
# so the Quarter Two 2017/18 ratings do not change.
MONTHLY = {"RC06", "RC09", "CF07", "CF05", "ENV06", "OFB02"}
MONTH_SPREAD = 0.03  # months differ from their quarter by up to 3% (the third up to 6%)

# Two of the five red indicators of Quarter Two tell the story of statistical process control
# (docs/reading-spc.md), with their Quarter Two figures as in the source report:
# - HW02, counted monthly (84 of 1,370 in September), held near 7% for two years, then fell
#   every month of 2017: a real change (special cause, concerning).
# - HW01, quarterly since 2013/14, has moved by chance around 1,290 placements: common cause,
#   with the whole process above the 1,150 target, so it cannot reach it unchanged.
HW02_NUMERATORS = [94, 95, 93, 96, 93, 94, 95, 92, 94, 95, 93, 94, 96, 93, 95, 92, 94, 95, 93,
                   95, 94, 91, 90, 88, 87, 86, 85, 84, 83, 84]  # fmt: skip
HW02_FIRST_DENOMINATOR = 1341  # one more adult known to the council each month: 1,370 by Sep 2017
HW01_FIRST_YEAR = 2013
HW01_QUARTERS = [1284, 1296, 1279, 1301, 1288, 1276, 1293, 1283, 1298, 1281, 1290, 1302, 1285,
                 1294, 1278, 1292, 1286, 1299]  # fmt: skip
SPC_MONTHLY = {"HW02"}

RED_COMMENTARY = {
    "HW01": (
        "1,299 older people were funded in permanent care home placements at the end of "
        "September, 13% above the target of 1,150. The number has stood near 1,300 for four "
        "years: the way placements are made, not one bad quarter, keeps it above the target.",
        "Extend the Home First reablement service to all three acute hospitals from November; "
        "weekly panel review of every new permanent placement; extra-care housing pipeline of "
        "240 units to 2019.",
    ),
    "HW02": (
        "6.1% of adults with a learning disability known to the council are in paid employment "
        "(84 of 1,370 in September), below the 7.0% target though above the England average. "
        "The figure held near 7% for two years and has fallen every month since January.",
        "Supported internships with the NHS trust and three large employers from January; job "
        "coaches in each district; employment outcomes written into every support plan review.",
    ),
    "RC01": (
        "The summer Viewpoint survey found 74% of residents satisfied with their local area as "
        "a place to live, down on last year; satisfaction fell most in the north of the county.",
        "Locality action plans with district councils; a communications campaign on highways and "
        "waste improvements; the results broken down by district for each locality board.",
    ),
    "RC02": (
        "82.0% of staff had a completed Performance Review by 30 September, against 95% "
        "expected. Completion is lowest in frontline services with high vacancy rates.",
        "Directors report completion to Leadership Team monthly; a shorter review form for "
        "frontline staff; reminders to managers with reviews outstanding.",
    ),
    "RC03": (
        "£4.7 million of savings were delivered by the end of September against a profiled "
        "£6.0 million. Delays in the adult social care and property workstreams account for "
        "most of the gap.",
        "Recovery plans for the two workstreams agreed by the Transformation Board; mitigating "
        "savings identified in procurement; monthly tracking by the Section 151 Officer.",
    ),
}

# The commentary marked for internal use (not on the public site, in its documents or in open
# data; Cabinet's pack shows it): the staff Performance Reviews, which name services by their
# vacancy rates.
INTERNAL_COMMENTARY = {"RC02"}


def _quarters() -> list[Period]:
    first, last = Period.quarter(FIRST_YEAR, 1), parse(REPORT_PERIOD)
    quarters, q = [], first
    while q <= last:
        quarters.append(q)
        q = q.next()
    return quarters


def _wiggle(code: str, n: int) -> float:
    return ((zlib.crc32(f"{code}:{n}".encode()) % 7) - 3) * 0.006


def _figure(spec: Spec, target: float, gap: float) -> Decimal:
    """A value short of (or better than) the target by `gap`, the right way for the polarity."""
    value = target * (1 - gap) if spec.polarity == "higher" else target * (1 + gap)
    if spec.unit == "percentage":
        value = min(max(value, 0), 100)
    return Decimal(str(round(value, spec.decimals)))


def _yearly_target(spec: Spec, year: int) -> float:
    """Targets stretch a little each year (2% a year towards better)."""
    step = 0.02 * (2017 - year)
    return spec.target * (1 - step) if spec.polarity == "higher" else spec.target * (1 + step)


def _gap_path(spec: Spec, count: int) -> list[float]:
    start, end = GAPS.get(spec.outcome, UNRATED_DRIFT)
    if count == 1:
        return [end]
    return [
        start + (end - start) * i / (count - 1) + (_wiggle(spec.code, i) if i < count - 1 else 0)
        for i in range(count)
    ]


def _periods(spec: Spec) -> list[Period]:
    """The periods with a value: quarters (or years) from 2015/16, fewer for new or retired."""
    report = parse(REPORT_PERIOD)
    if spec.outcome in {"AW", "ND"}:
        return []
    if spec.frequency == "annual":
        last = report.year if spec.due_quarter <= report.number else report.year - 1
        return [Period.financial_year(y) for y in range(FIRST_YEAR, last + 1)]
    quarters = _quarters()
    if spec.retired:
        return quarters[:-1]
    if spec.new:
        return quarters[-2:]
    return quarters


def _hw01() -> list[tuple[Period, dict]]:
    q, rows = Period.quarter(HW01_FIRST_YEAR, 1), []
    for value in HW01_QUARTERS:
        rows.append((q, {"value": Decimal(value)}))
        q = q.next()
    return rows


def _hw02() -> list[tuple[Period, dict]]:
    months = [month for quarter in _quarters() for month in quarter.months()]
    rows = []
    for n, (month, numerator) in enumerate(zip(months, HW02_NUMERATORS, strict=True)):
        denominator = HW02_FIRST_DENOMINATOR + n
        value = (Decimal(numerator * 100) / Decimal(denominator)).quantize(STORED)
        rows.append(
            (
                month,
                {
                    "numerator": Decimal(numerator),
                    "denominator": Decimal(denominator),
                    "value": value,
                },
            )
        )
    return rows


def _values(spec: Spec) -> list[tuple[Period, dict]]:
    if spec.code == "HW01":
        return _hw01()
    if spec.code == "HW02":
        return _hw02()
    periods = _periods(spec)
    gaps = _gap_path(spec, len(periods))
    rows = []
    if spec.code == "RC02":  # rated by thresholds, no target
        for period, value in zip(periods, ["93.0", "89.5", "82.0"], strict=True):
            rows.append((period, {"value": Decimal(value)}))
        return rows
    for n, (period, gap) in enumerate(zip(periods, gaps, strict=True)):
        basis = spec.target if spec.target is not None else _unrated_base(spec)
        target = _yearly_target(spec, period.year) if spec.target is not None else basis
        if spec.year_to_date:
            quarter_share = [1.02, 0.98, 1.01, 0.99][period.number - 1] - (
                0.22 if period.year == 2017 else 0
            )
            rows.append((period, {"value": Decimal(round(target / 4 * quarter_share))}))
            continue
        value = _figure(spec, target, gap)
        if spec.ratio_denominator:
            denominator = spec.ratio_denominator + 3 * n
            numerator = round(float(value) * denominator / 100)
            rows.append(
                (
                    period,
                    {
                        "numerator": Decimal(numerator),
                        "denominator": Decimal(denominator),
                        "value": (Decimal(numerator * 100) / Decimal(denominator)).quantize(STORED),
                    },
                )
            )
            continue
        extra = {}
        if spec.rule and spec.rule.get("type") == "manual":
            rating = "amber" if n >= len(periods) - 3 else "green"
            extra = {
                "manual_rating": rating,
                "manual_reason": "Conversions are behind the plan agreed with the Regional Schools "
                "Commissioner."
                if rating == "amber"
                else "Conversions are on plan.",
            }
        rows.append((period, {"value": value, **extra}))
    return rows


def _monthly(spec: Spec, rows: list[tuple[Period, dict]]) -> list[tuple[Period, dict]]:
    """Each quarter's value as three monthly values whose average is exactly that value."""
    step = Decimal(1).scaleb(-spec.decimals)
    monthly = []
    for n, (quarter, values) in enumerate(rows):
        value = values["value"]
        spread = abs(value) * Decimal(str(MONTH_SPREAD))
        first, second = (
            (
                value + spread * Decimal((zlib.crc32(f"{spec.code}:{n}:{k}".encode()) % 5) - 2) / 2
            ).quantize(step)
            for k in (1, 2)
        )
        third = 3 * value - first - second
        for month, figure in zip(quarter.months(), (first, second, third), strict=True):
            monthly.append((month, {"value": figure}))
    return monthly


UNRATED_BASES = {
    "OFB01": 23400, "OFB03": 6.1, "OFB04": 1.4, "OFB12": 18.0, "CF04": 41.0, "CF05": 52.0,
    "CF06": 30.0, "CF16": 14.0, "HW03": 98.0, "HW11": 16.5, "HW16": 72.0, "HW19": 57.0,
    "RC12": 11.0, "RC14": 6.5,
}  # fmt: skip


def _unrated_base(spec: Spec) -> float:
    return UNRATED_BASES[spec.code]


def _commentary(spec: Spec, period: Period, is_latest: bool) -> tuple[str, str]:
    """The officer's commentary and improvement actions on the latest value (none before)."""
    if not is_latest:
        return "", ""
    if spec.code in RED_COMMENTARY:
        return RED_COMMENTARY[spec.code]
    _, _, _, commentary, actions = INDICATORS[spec.code]
    return commentary, actions


# A past value short of what it was rated against carries what a red value must (commentary and
# improvement actions), as the update workflow asks of every value it approves. Officers quote the
# figure and how it moved, and each service names its own way of getting back on track.
RECOVERY_ACTIONS = {
    "ASC": (
        "Weekly panel reviews every case waiting longer than the standard; brokerage is buying "
        "extra home care hours in the two hardest-pressed localities.",
        "Team managers are reviewing each case with the practice lead; the backlog is reported "
        "to the Adult Services management team every fortnight.",
        "Agreed an improvement plan with the hospital discharge team and the two main providers; "
        "progress goes to the Health and Wellbeing Board.",
    ),
    "CFC": (
        "Caseloads rebalanced across the area teams and two agency social workers extended to "
        "March; the service manager audits a sample of cases each month.",
        "Performance clinics with each team manager every month; the Improvement Board reviews "
        "the trend at its next meeting.",
        "A targeted recruitment campaign is under way and the duty rota has been changed to "
        "free time for visits.",
    ),
    "EI": (
        "The contract manager has issued an improvement notice and meets the contractor weekly "
        "until the figure recovers.",
        "Crews re-routed to the worst-affected rounds and a communications push planned with "
        "the parish councils.",
        "A task and finish group of the service's team leaders is reviewing the process end to "
        "end and reports back next quarter.",
    ),
    "PH": (
        "Commissioners are meeting the provider monthly to review referral routes and outreach "
        "in the wards with the lowest take-up.",
        "GP practices with the lowest figures have been contacted and offered support from the "
        "public health team.",
        "The campaign has been refreshed with partners in the voluntary sector, aimed at the "
        "groups least reached so far.",
    ),
    "COACH": (
        "Each directorate has been asked for a recovery plan, reviewed at the Corporate "
        "Leadership Team every month.",
        "The finance business partners are working through the detail with budget holders; "
        "the position is reported to Cabinet in the quarterly budget monitoring.",
        "Service leads have agreed a trajectory back to target, checked at each monthly "
        "performance meeting.",
    ),
}


def _written(spec: Spec, value: Decimal | float) -> str:
    return figures.figure(value, spec.decimals, spec.unit) + (
        " days" if spec.unit == "days" else ""
    )


def _past_shortfall(
    spec: Spec, period: Period, value: Decimal, previous: Decimal | None
) -> tuple[str, str]:
    """An officer's note on a past value short of target: the figure, the target (or the green
    threshold) and the movement, with one of the service's recovery actions."""
    if spec.rule and spec.rule.get("type") == "thresholds":
        against = f"the green threshold of {_written(spec, Decimal(spec.rule['green']))}"
    else:
        target = _yearly_target(spec, period.year) / (4 if spec.year_to_date else 1)
        against = f"the target of {_written(spec, target)}"
    if previous is None or previous == value:
        moved = "."
    else:
        better = (value > previous) == (spec.polarity == "higher")
        moved = (
            f", {'up' if value > previous else 'down'} from {_written(spec, previous)} "
            f"{'but still short' if better else 'and further from target'}."
        )
    note = f"{_written(spec, value)} in {period.label} against {against}{moved}"
    actions = RECOVERY_ACTIONS[spec.directorate]
    pick = sum(map(ord, spec.code + period.key)) % len(actions)
    return note, actions[pick]


def _short_of_target(spec: Spec, period: Period, value: Decimal) -> bool:
    """Worse than the year's target (a year-to-date figure: than its quarter's share), or below
    the green threshold of a threshold rule."""
    if spec.rule and spec.rule.get("type") == "thresholds":
        return value < Decimal(spec.rule["green"])
    if spec.target is None or spec.contextual:
        return False
    target = _yearly_target(spec, period.year) / (4 if spec.year_to_date else 1)
    return float(value) < target if spec.polarity == "higher" else float(value) > target


def _aware(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=dt.UTC)


def load(*, admin: User, editor: User, directors: dict[str, User]) -> Scorecard:
    existing = Scorecard.objects.filter(name=SCORECARD_NAME).first()
    if existing is not None:
        return existing
    directorates = {d.code: d for d in Directorate.objects.all()}
    old_plan = services.corporate_plan_create(
        title=OLD_PLAN[0], adopted_on=dt.date(2013, 2, 14), priorities=OLD_PLAN[1]
    )
    new_plan = services.corporate_plan_create(
        title=NEW_PLAN[0], adopted_on=dt.date(2017, 7, 13), priorities=NEW_PLAN[1]
    )
    old_priorities = {p.code: p for p in old_plan.priorities.all()}
    new_priorities = {p.code: p for p in new_plan.priorities.all()}

    indicators: dict[str, Indicator] = {}
    for spec in CATALOGUE:
        owner = editor if spec.directorate == "ASC" else directors[spec.directorate]
        if spec.directorate == "COACH":
            owner = admin
        rule = dict(spec.rule or {"type": "tolerance", "amber": {"percent": "10"}})
        if rule["type"] != "manual":
            rule["no_change"] = {"percent": "2"}
        rationale, definition, data_source, _, _ = INDICATORS[spec.code]
        fields = {
            "definition": spec.definition or definition,
            "rationale": rationale,
            "unit": spec.unit,
            "decimals": spec.decimals,
            "polarity": spec.polarity,
            "frequency": spec.frequency,
            "due_quarter": spec.due_quarter,
            "owner": owner,
            "data_source": spec.data_source or data_source,
            "is_contextual": spec.contextual,
            "status_rule": {"type": "data_only"} if spec.polarity == "none" else rule,
        }
        if spec.code in MONTHLY or spec.code in SPC_MONTHLY:
            fields["frequency"] = "monthly"
            fields["aggregation"] = Aggregation.AVERAGE
        if spec.ratio_denominator:
            fields["aggregation"] = Aggregation.RATIO
        if spec.year_to_date:
            fields["aggregation"] = Aggregation.SUM
            fields["target_basis"] = TargetBasis.YEAR_TO_DATE
        indicators[spec.code] = services.indicator_create(
            code=spec.code,
            title=spec.title,
            directorate=directorates[spec.directorate],
            updaters=[editor] if spec.directorate == "ASC" else [owner],
            **fields,
        )

    scorecard = services.scorecard_create(name=SCORECARD_NAME, is_published=True)
    first = [
        (indicators[s.code], old_priorities[s.old_priority or OLD_PRIORITY[s.priority]])
        for s in CATALOGUE
        if not s.new
    ]
    services.scorecard_version_create(
        scorecard=scorecard,
        live_from=f"{Period.financial_year(FIRST_YEAR).year_label}-Q1",
        entries=first,
        corporate_plan=old_plan,
        notes="The scorecard of the FutureFit Corporate Plan.",
    )
    _bulk_values(indicators, admin, editor, directors)
    services.scorecard_refresh(
        scorecard=scorecard,
        live_from=REFRESH_PERIOD,
        corporate_plan=new_plan,
        add=[(indicators[s.code], new_priorities[s.priority]) for s in CATALOGUE if s.new],
        retire=[indicators[s.code] for s in CATALOGUE if s.retired],
        move={
            indicators[s.code]: new_priorities[s.priority]
            for s in CATALOGUE
            if not s.new and not s.retired
        },
        notes="Refreshed to reflect the new Corporate Plan adopted by Council in July 2017: "
        "11 indicators added, 5 retired, the rest grouped under the four Key Areas of Focus.",
    )
    for spec in CATALOGUE:
        if spec.retired:
            services.indicator_retire(indicator=indicators[spec.code])

    for quarter in _quarters()[:-1]:
        services.reporting_period_set_state(period=quarter.key, state=PeriodState.LOCKED, by=admin)
    services.reporting_period_set_state(period=REPORT_PERIOD, state=PeriodState.OPEN, by=admin)
    services.reporting_period_set_state(period=NEXT_PERIOD, state=PeriodState.OPEN, by=admin)
    _next_quarter_work(indicators, editor)
    return scorecard


def _bulk_values(
    indicators: dict[str, Indicator], admin: User, editor: User, directors: dict[str, User]
) -> None:
    """Every value entered and submitted by its updater (the editor for Adult Services, else
    the directorate's director) and approved by someone else, the administrator."""
    measurements, targets = [], []
    report = parse(REPORT_PERIOD)
    for spec in CATALOGUE:
        indicator = indicators[spec.code]
        updater = editor if spec.directorate == "ASC" else directors[spec.directorate]
        rows = _values(spec)
        if spec.code in MONTHLY:
            rows = _monthly(spec, rows)
        previous = None
        for n, (period, values) in enumerate(rows):
            commentary, actions = _commentary(spec, period, n == len(rows) - 1)
            if not commentary and _short_of_target(spec, period, values["value"]):
                commentary, actions = _past_shortfall(spec, period, values["value"], previous)
            previous = values["value"]
            reported = (
                period.quarter_of().end
                if period.kind in {"quarter", "month"}
                else (Period.quarter(period.year, spec.due_quarter).end)
            )
            measurements.append(
                Measurement(
                    indicator=indicator,
                    period=period.key,
                    period_start=period.start,
                    commentary=commentary,
                    commentary_is_internal=bool(commentary)
                    and n == len(rows) - 1
                    and spec.code in INTERNAL_COMMENTARY,
                    improvement_actions=actions,
                    data_quality=DataQuality.FINAL,
                    state=WorkflowState.APPROVED,
                    entered_by=updater,
                    entered_at=_aware(reported + dt.timedelta(days=14)),
                    submitted_by=updater,
                    submitted_at=_aware(reported + dt.timedelta(days=14)),
                    reviewed_by=admin,
                    reviewed_at=_aware(reported + dt.timedelta(days=21)),
                    version=3,  # recorded, submitted, approved
                    **values,
                )
            )
        if spec.target is None:
            continue
        first_year = HW01_FIRST_YEAR if spec.code == "HW01" else FIRST_YEAR
        for year in range(first_year, report.year + 1):
            target = _yearly_target(spec, year)
            if spec.year_to_date:
                for q in range(1, 5):
                    period = Period.quarter(year, q)
                    targets.append(
                        Target(
                            indicator=indicator,
                            period=period.key,
                            period_start=period.start,
                            value=Decimal(round(target * q / 4)),
                            notes="Cumulative savings profile.",
                        )
                    )
                continue
            period = Period.financial_year(year)
            targets.append(
                Target(
                    indicator=indicator,
                    period=period.key,
                    period_start=period.start,
                    value=Decimal(str(round(target, spec.decimals))),
                )
            )
    bulk_create_with_history(
        measurements, Measurement, default_user=admin, default_date=clock.now()
    )
    bulk_create_with_history(targets, Target, default_user=admin, default_date=clock.now())


def _next_quarter_work(indicators: dict[str, Indicator], editor: User) -> None:
    """Quarter Three: Adult Services values due from the editor; one draft, one submitted."""
    services.measurement_record(
        indicator=indicators["HW05"],
        period=NEXT_PERIOD,
        by=editor,
        value="97.6",
        commentary="Draft: the October figures are still being checked.",
    )
    submitted = services.measurement_record(
        indicator=indicators["HW07"],
        period=NEXT_PERIOD,
        by=editor,
        value="83.1",
        commentary="83.1% of older people were still at home 91 days after reablement, down "
        "from 84.5% as winter pressures started early, but still above the 82% target.",
    )
    services.measurement_submit(
        measurement=submitted, by=editor, expected_version=submitted.version
    )
