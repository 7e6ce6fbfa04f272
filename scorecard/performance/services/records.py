"""Writes for the performance app. Each validates with full_clean() inside a transaction and
raises ValidationError naming the field, leaving nothing written, when the input is wrong."""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Length
from django.urls import reverse

from scorecard.core.figures import as_stored, rounding_notice
from scorecard.core.periods import Period, PeriodError, parse
from scorecard.core.polarity import to_decimal
from scorecard.core.status import State
from scorecard.notifications.choices import AlertKind
from scorecard.notifications.services import alerts_record
from scorecard.organisation import clock
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate, User

from ..choices import (
    Aggregation,
    DataQuality,
    PeriodState,
    Rating,
    ScorecardTier,
    Unit,
    WorkflowState,
)
from ..engine import financial_year_start_month, reporting_quarter, schedule_for
from ..models import (
    CabinetPortfolio,
    CorporatePlan,
    Indicator,
    Measurement,
    Priority,
    ReportingPeriod,
    Scorecard,
    ScorecardEntry,
    ScorecardVersion,
    Target,
)
from .duties import refuse_review

STORED_PLACES = Decimal("0.000001")  # the decimal places of the value columns


def _period(text: str, field: str, kinds: Iterable[str] = ("year", "quarter", "month")) -> Period:
    try:
        period = parse(text, financial_year_start_month())
    except PeriodError as error:
        raise ValidationError({field: str(error)}) from error
    if period.kind not in kinds:
        raise ValidationError(
            {field: f"{period.label} is a {period.kind}: enter a {' or a '.join(kinds)}."}
        )
    return period


def _number(value: object, field: str) -> Decimal | None:
    """The typed figure as a number, rounded half up to the places stored (never refused for
    them: `rounding_notices` tells the person what is kept)."""
    if value is None or value == "":
        return None
    try:
        return as_stored(to_decimal(value, field))
    except ValueError:
        raise ValidationError({field: f"Enter a number, like 95.5, not {value!r}."}) from None


def rounding_notices(**figures: object) -> list[str]:
    """What a value, numerator, denominator or target keyed in with more decimal places than
    are stored is kept as: "The value 56.175000000000004 has more than 6 decimal places: it is
    stored as 56.175." Figures that are not numbers are left to the service to refuse."""
    notices = []
    for field, typed in figures.items():
        try:
            number = None if typed in (None, "") else to_decimal(typed, field)
        except ValueError:
            continue
        if notice := rounding_notice(field, number):
            notices.append(notice)
    return notices


# --- Corporate Plan, portfolios, scorecards --------------------------------------------------


@transaction.atomic
def corporate_plan_create(
    *, title: str, adopted_on: dt.date, priorities: Iterable[tuple[str, str]] = ()
) -> CorporatePlan:
    """A plan with its priorities, given as (code, title) pairs in report order."""
    plan = CorporatePlan(title=title, adopted_on=adopted_on)
    plan.full_clean()
    plan.save()
    for order, (code, priority_title) in enumerate(priorities, start=1):
        priority_create(plan=plan, code=code, title=priority_title, order=order)
    return plan


def _refuse_duplicate_code(plan: CorporatePlan, code: str, exclude: int | None = None) -> None:
    if plan.priorities.filter(code=code).exclude(pk=exclude).exists():
        raise ValidationError({"code": f"{plan} already has a priority with the code {code}."})


@transaction.atomic
def priority_create(*, plan: CorporatePlan, code: str, title: str, order: int = 0) -> Priority:
    _refuse_duplicate_code(plan, code)
    priority = Priority(plan=plan, code=code, title=title, order=order)
    priority.full_clean()
    priority.save()
    return priority


@transaction.atomic
def corporate_plan_update(
    *, plan: CorporatePlan, title: str, adopted_on: dt.date, is_archived: bool = False
) -> CorporatePlan:
    plan.title, plan.adopted_on, plan.is_archived = title, adopted_on, is_archived
    plan.full_clean()
    plan.save(update_fields=["title", "adopted_on", "is_archived"])
    return plan


@transaction.atomic
def priority_update(
    *, priority: Priority, code: str, title: str, order: int, is_archived: bool = False
) -> Priority:
    """Rename or reorder a priority; an archived one stays on the versions that used it."""
    _refuse_duplicate_code(priority.plan, code, exclude=priority.pk)
    priority.code, priority.title, priority.order = code, title, order
    priority.is_archived = is_archived
    priority.full_clean()
    priority.save(update_fields=["code", "title", "order", "is_archived"])
    return priority


@transaction.atomic
def cabinet_portfolio_create(*, name: str, holder: str = "") -> CabinetPortfolio:
    portfolio = CabinetPortfolio(name=name, holder=holder)
    portfolio.full_clean()
    portfolio.save()
    return portfolio


@transaction.atomic
def scorecard_create(
    *,
    name: str,
    tier: ScorecardTier = ScorecardTier.CORPORATE,
    directorate: Directorate | None = None,
    is_published: bool = False,
) -> Scorecard:
    scorecard = Scorecard(name=name, tier=tier, directorate=directorate, is_published=is_published)
    scorecard.full_clean()
    scorecard.save()
    return scorecard


def _version_add(
    *,
    scorecard: Scorecard,
    live_from: str,
    corporate_plan: CorporatePlan | None,
    entries: list[tuple[Indicator, Priority | None]],
    notes: str,
) -> ScorecardVersion:
    start = _period(live_from, "live_from", kinds=("quarter",))
    latest = scorecard.versions.order_by("-live_from_start").first()
    if latest is not None and start.start <= latest.live_from_start:
        raise ValidationError(
            {
                "live_from": f"A new version must start after {latest.live_from}, when the current one started."
            }
        )
    for indicator, priority in entries:
        if priority is not None and priority.plan_id != getattr(corporate_plan, "pk", None):
            raise ValidationError(
                {
                    "priority": f"{indicator.code}: the priority {priority} is not in the version's Corporate Plan."
                }
            )
        if indicator.is_retired:
            raise ValidationError(
                {"indicator": f"{indicator.code} is retired and cannot be added."}
            )
    version = ScorecardVersion(
        scorecard=scorecard,
        number=(latest.number + 1) if latest else 1,
        corporate_plan=corporate_plan,
        live_from=start.key,
        live_from_start=start.start,
        notes=notes,
    )
    version.full_clean()
    version.save()
    rows = [
        ScorecardEntry(version=version, indicator=indicator, priority=priority, order=n)
        for n, (indicator, priority) in enumerate(entries, start=1)
    ]
    for row in rows:
        row.full_clean(exclude=["version"])
    ScorecardEntry.objects.bulk_create(rows)
    return version


@transaction.atomic
def scorecard_version_create(
    *,
    scorecard: Scorecard,
    live_from: str,
    entries: Iterable[tuple[Indicator, Priority | None]],
    corporate_plan: CorporatePlan | None = None,
    notes: str = "",
) -> ScorecardVersion:
    """The first version of a scorecard (or a version built from scratch)."""
    entries = list(entries)
    codes = [indicator.code for indicator, _ in entries]
    if len(codes) != len(set(codes)):
        raise ValidationError({"indicator": "An indicator appears twice on the scorecard."})
    return _version_add(
        scorecard=scorecard,
        live_from=live_from,
        corporate_plan=corporate_plan,
        entries=entries,
        notes=notes,
    )


@transaction.atomic
def scorecard_add(
    *,
    name: str,
    tier: ScorecardTier,
    directorate: Directorate | None,
    is_published: bool,
    live_from: str,
    corporate_plan: CorporatePlan | None,
) -> Scorecard:
    """A new scorecard with its first, empty version: both or neither."""
    scorecard = scorecard_create(
        name=name, tier=tier, directorate=directorate, is_published=is_published
    )
    scorecard_version_create(
        scorecard=scorecard, live_from=live_from, corporate_plan=corporate_plan, entries=[]
    )
    return scorecard


@transaction.atomic
def scorecard_refresh(
    *,
    scorecard: Scorecard,
    live_from: str,
    corporate_plan: CorporatePlan | None = None,
    add: Iterable[tuple[Indicator, Priority | None]] = (),
    retire: Iterable[Indicator] = (),
    move: Mapping[Indicator, Priority | None] | None = None,
    notes: str = "",
) -> ScorecardVersion:
    """A new version of the scorecard: the current entries, less those retired, with moves and
    additions. Earlier quarters keep reporting against the earlier version."""
    current = scorecard.versions.order_by("-live_from_start").first()
    if current is None:
        raise ValidationError(
            {"scorecard": "This scorecard has no version yet: create its first version."}
        )
    plan = corporate_plan or current.corporate_plan
    kept = {e.indicator_id: e for e in current.entries.select_related("indicator", "priority")}
    for indicator in retire:
        if kept.pop(indicator.pk, None) is None:
            raise ValidationError({"retire": f"{indicator.code} is not on the current scorecard."})
    moves = dict(move or {})
    for indicator in moves:
        if indicator.pk not in kept:
            raise ValidationError({"move": f"{indicator.code} is not on the current scorecard."})
    entries = []
    for entry in kept.values():
        moved = next((p for i, p in moves.items() if i.pk == entry.indicator_id), entry.priority)
        if moved is not None and moved.plan_id != getattr(plan, "pk", None):
            raise ValidationError(
                {
                    "move": f"{entry.indicator.code}: give it a priority of {plan}, the plan this version reports against."
                }
            )
        entries.append((entry.indicator, moved))
    for indicator, priority in add:
        if indicator.pk in kept:
            raise ValidationError({"add": f"{indicator.code} is already on the scorecard."})
        entries.append((indicator, priority))
    return _version_add(
        scorecard=scorecard, live_from=live_from, corporate_plan=plan, entries=entries, notes=notes
    )


# --- indicators and targets -------------------------------------------------------------------

INDICATOR_FIELDS = {
    "title", "definition", "rationale", "unit", "decimals", "polarity", "frequency", "due_quarter",
    "first_due_year", "aggregation", "ratio_scale", "target_basis", "owner", "directorate",
    "portfolio", "data_source", "is_contextual", "status_rule", "spc_baseline_points",
    "spc_recalculate_from", "spc_exclude_large_ranges",
}  # fmt: skip


@transaction.atomic
def indicator_create(
    *, code: str, title: str, directorate: Directorate, updaters: Iterable[User] = (), **fields
) -> Indicator:
    """Any field of INDICATOR_FIELDS may be given; the rest take their defaults."""
    unknown = set(fields) - INDICATOR_FIELDS
    if unknown:
        raise TypeError(f"indicator_create() got unknown fields: {', '.join(sorted(unknown))}")
    existing = Indicator.objects.filter(code__iexact=code.strip()).first()
    if existing is not None:  # "asc01" beside "ASC01" would be two indicators in one row
        raise ValidationError({"code": f"Indicator {existing.code} already exists."})
    indicator = Indicator(code=code, title=title, directorate=directorate, **fields)
    indicator.full_clean()
    indicator.save()
    indicator.updaters.set(updaters)
    return indicator


@transaction.atomic
def indicator_update(
    *, indicator: Indicator, updaters: Iterable[User] | None = None, **changes
) -> Indicator:
    unknown = set(changes) - INDICATOR_FIELDS
    if unknown:
        raise TypeError(f"indicator_update() got unknown fields: {', '.join(sorted(unknown))}")
    if indicator.is_retired:
        raise ValidationError({"code": f"{indicator.code} is retired: it cannot be changed."})
    for name, value in changes.items():
        setattr(indicator, name, value)
    indicator.full_clean()
    indicator.save(update_fields=list(changes) or None)
    if updaters is not None:
        indicator.updaters.set(updaters)
    return indicator


@transaction.atomic
def indicator_retire(*, indicator: Indicator) -> Indicator:
    """Takes no new values; stays on the scorecard versions and reports it was on."""
    indicator.is_retired = True
    indicator.save(update_fields=["is_retired"])
    return indicator


@transaction.atomic
def target_set(*, indicator: Indicator, period: str, value: object, notes: str = "") -> Target:
    """Set (or change) the target of a year, or of a quarter or month of its profile."""
    when = _period(period, "period")
    number = _number(value, "value")
    if number is None:
        raise ValidationError({"value": "Enter the target, a number."})
    if indicator.unit == Unit.PERCENTAGE and not 0 <= number <= 100:
        raise ValidationError({"value": f"A percentage target is between 0 and 100, not {number}."})
    target = Target.objects.filter(indicator=indicator, period=when.key).first() or Target(
        indicator=indicator, period=when.key
    )
    target.period_start = when.start
    target.value = number
    target.notes = notes
    target.full_clean()
    target.save()
    return target


# --- reporting periods ---------------------------------------------------------------------------


@transaction.atomic
def reporting_period_set_state(
    *, period: str, state: PeriodState, by: User | None
) -> ReportingPeriod:
    """Open or lock a reporting quarter. A locked quarter never reopens, whoever asks (the web,
    an import's Periods sheet): its published figures change only by restatement."""
    quarter = _period(period, "period", kinds=("quarter",))
    row = ReportingPeriod.objects.select_for_update().filter(period=quarter.key).first()
    if row is not None and row.state == PeriodState.LOCKED and state != PeriodState.LOCKED:
        raise ValidationError(
            {
                "period": f"{quarter.label} is locked: it cannot be reopened. Correct a published value by restating it."
            }
        )
    row = row or ReportingPeriod(period=quarter.key, period_start=quarter.start)
    row.state = state
    row.changed_by = by
    row.changed_at = clock.now()
    row.full_clean()
    row.save()
    return row


def locked_quarter(indicator: Indicator, period: Period) -> Period | None:
    """The quarter in which the value is reported, if it is locked."""
    quarter = reporting_quarter(indicator, period)
    locked = ReportingPeriod.objects.filter(period=quarter.key, state=PeriodState.LOCKED)
    return quarter if locked.exists() else None


def _refuse_if_locked(
    indicator: Indicator,
    period: Period,
    locked: Callable[[Indicator, Period], Period | None] = locked_quarter,
) -> None:
    quarter = locked(indicator, period)
    if quarter is not None:
        raise ValidationError(
            {
                "period": f"{quarter.label} is locked: its values can no longer be changed. Ask the performance team."
            }
        )


# --- measurements ----------------------------------------------------------------------------------


def _check_values(
    indicator: Indicator, value: object, numerator: object, denominator: object
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    value, numerator, denominator = (
        _number(value, "value"),
        _number(numerator, "numerator"),
        _number(denominator, "denominator"),
    )
    if indicator.aggregation == Aggregation.RATIO:
        if numerator is None:
            raise ValidationError(
                {"numerator": "Enter the numerator (the count on top of the ratio)."}
            )
        if denominator is None or denominator <= 0:
            raise ValidationError({"denominator": "Enter the denominator, a number above zero."})
        if numerator < 0:
            raise ValidationError({"numerator": "The numerator is a count: it cannot be negative."})
        if indicator.unit == Unit.PERCENTAGE and not 0 <= numerator <= denominator:
            raise ValidationError(
                {"numerator": "The numerator must be between 0 and the denominator."}
            )
        value = (numerator * indicator.ratio_scale / denominator).quantize(STORED_PLACES)
    elif numerator is not None or denominator is not None:
        raise ValidationError(
            {"numerator": f"{indicator.code} is not a ratio: enter the value only."}
        )
    if value is not None and indicator.unit == Unit.PERCENTAGE and not 0 <= value <= 100:
        raise ValidationError(
            {"value": f"A percentage must be between 0 and 100; you entered {value.normalize():f}."}
        )
    if value is not None and value < 0 and indicator.unit in (Unit.RATE, Unit.DAYS):
        what = "A rate" if indicator.unit == Unit.RATE else "A number of days"
        raise ValidationError(
            {"value": f"{what} cannot be negative; you entered {value.normalize():f}."}
        )
    return value, numerator, denominator


def _check_version(measurement: Measurement, expected_version: int | None) -> None:
    if expected_version != measurement.version:
        raise ValidationError(
            {
                "version": f"Someone else changed {measurement.indicator.code} {measurement.period} since you opened it: reload the page and check their change before saving yours."
            }
        )


def refuse_if_retired(indicator: Indicator) -> None:
    if indicator.is_retired:
        raise ValidationError(
            {"indicator": f"{indicator.code} is retired: it takes no new values."}
        )


def measurement_check(
    *,
    indicator: Indicator,
    when: Period,
    value: object,
    numerator: object,
    denominator: object,
    manual_rating: str,
    manual_reason: str,
    data_quality: str = DataQuality.FINAL,
    locked: Callable[[Indicator, Period], Period | None] = locked_quarter,
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """The rules a value must meet before it is recorded (after `refuse_if_retired`), shared by
    `measurement_record` and the import's bulk path, which passes `locked` answered from the
    quarters it loaded at once. Returns the value, numerator and denominator as stored."""
    if data_quality == DataQuality.RESTATED:  # only `measurement_restate` marks a value so
        raise ValidationError(
            {
                "data_quality": "Only the performance team marks a value restated, by restating a published value with the reason."
            }
        )
    schedule = schedule_for(indicator)
    if not schedule.accepts(when):
        raise ValidationError(
            {
                "period": f"{indicator.code} is collected {indicator.get_frequency_display().lower()}: enter {schedule.expected_kind_label()}, not {when.label}."
            }
        )
    _refuse_if_locked(indicator, when, locked)
    value, numerator, denominator = _check_values(indicator, value, numerator, denominator)
    is_manual = indicator.status_rule.get("type") == "manual"
    if manual_rating and not is_manual:
        raise ValidationError(
            {"manual_rating": f"{indicator.code} is rated by its rule, not by hand."}
        )
    if manual_rating and manual_rating not in Rating.values:
        raise ValidationError({"manual_rating": "Choose green, amber or red."})
    if manual_rating and not manual_reason.strip():
        raise ValidationError({"manual_reason": "Give the reason for the manual rating."})
    if value is None and not manual_rating:
        raise ValidationError({"value": "Enter the value, a number."})
    return value, numerator, denominator


@transaction.atomic
def measurement_record(
    *,
    indicator: Indicator,
    period: str,
    by: User | None,
    value: object = None,
    numerator: object = None,
    denominator: object = None,
    commentary: str = "",
    commentary_is_internal: bool | None = None,
    improvement_actions: str = "",
    data_quality: str = "final",
    manual_rating: str = "",
    manual_reason: str = "",
    expected_version: int | None = None,
) -> Measurement:
    """Record or correct the value of an indicator for a period. A new value starts as a draft;
    correcting one needs the version the person saw (`expected_version`) and sends it back to draft.
    `commentary_is_internal` None keeps what was chosen before (not internal for a new value), so
    a record that does not ask (the API, an import without the column) never publishes it."""
    refuse_if_retired(indicator)
    when = _period(period, "period")
    value, numerator, denominator = measurement_check(
        indicator=indicator,
        when=when,
        value=value,
        numerator=numerator,
        denominator=denominator,
        manual_rating=manual_rating,
        manual_reason=manual_reason,
        data_quality=data_quality,
    )

    measurement = (
        Measurement.objects.select_for_update().filter(indicator=indicator, period=when.key).first()
    )
    if measurement is None:
        measurement = Measurement(
            indicator=indicator, period=when.key, period_start=when.start, version=0
        )
    else:
        _check_version(measurement, expected_version)
    measurement.value, measurement.numerator, measurement.denominator = (
        value,
        numerator,
        denominator,
    )
    measurement.commentary = commentary
    if commentary_is_internal is not None:
        measurement.commentary_is_internal = commentary_is_internal
    measurement.improvement_actions = improvement_actions
    measurement.data_quality = data_quality
    measurement.manual_rating, measurement.manual_reason = manual_rating, manual_reason
    measurement.state = WorkflowState.DRAFT
    measurement.entered_by, measurement.entered_at = by, clock.now()
    measurement.submitted_by, measurement.submitted_at = None, None
    measurement.reviewed_by, measurement.reviewed_at, measurement.review_note = None, None, ""
    measurement.self_approved = False
    measurement.version += 1
    measurement.full_clean()
    measurement.save()
    return measurement


_MOVES = {
    WorkflowState.SUBMITTED: {WorkflowState.DRAFT, WorkflowState.RETURNED},
    WorkflowState.APPROVED: {WorkflowState.SUBMITTED},
    WorkflowState.RETURNED: {WorkflowState.SUBMITTED},
}


def _move(
    measurement: Measurement,
    to: WorkflowState,
    by: User | None,
    expected_version: int,
    note: str = "",
) -> Measurement:
    # Only the value's own row is locked: an outer join (to the indicator's owner) cannot be.
    measurement = (
        Measurement.objects.select_for_update().select_related("indicator").get(pk=measurement.pk)
    )
    _check_version(measurement, expected_version)
    _refuse_if_locked(
        measurement.indicator, parse(measurement.period, financial_year_start_month())
    )
    if measurement.state not in _MOVES[to]:
        raise ValidationError(
            {
                "state": f"A value that is {measurement.get_state_display().lower()} cannot be {WorkflowState(to).label.lower()}."
            }
        )
    if to == WorkflowState.SUBMITTED:
        measurement.submitted_by, measurement.submitted_at = by, clock.now()
    else:
        own = refuse_review(
            measurement, by, "approve" if to == WorkflowState.APPROVED else "return"
        )
        measurement.self_approved = own and to == WorkflowState.APPROVED
        measurement.reviewed_by, measurement.reviewed_at = by, clock.now()
        measurement.review_note = note
    measurement.state = to
    measurement.version += 1
    measurement.full_clean()
    measurement.save()
    return measurement


def _refuse_red_without_explanation(measurement: Measurement) -> None:
    """A value rated red goes forward only with why it is off target and what is being done."""
    from ..selectors import stored_value_status  # selectors read what services write

    status = stored_value_status(measurement)
    if status is None or status.state != State.RED:
        return
    errors = {}
    if not measurement.commentary.strip():
        errors["commentary"] = "This value is red: explain in the commentary why it is off target."
    if not measurement.improvement_actions.strip():
        errors["improvement_actions"] = "This value is red: say what is being done to improve it."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def measurement_submit(
    *, measurement: Measurement, by: User | None, expected_version: int
) -> Measurement:
    """Send a value for approval, whoever sends it (a form, the API, an import)."""
    locked = Measurement.objects.select_for_update().select_related("indicator")
    _refuse_red_without_explanation(locked.get(pk=measurement.pk))
    return _move(measurement, WorkflowState.SUBMITTED, by, expected_version)


def _owner_and_editors(indicator) -> list[User]:
    """Who hears of an indicator's news: its owner and its directorate's editors."""
    editors = User.objects.filter(
        memberships__role=Role.DIRECTORATE_EDITOR, memberships__directorate=indicator.directorate_id
    )
    return [indicator.owner, *editors.distinct()]


def _is_red(measurement: Measurement | None) -> bool:
    from ..selectors import stored_value_status  # selectors read what services write

    status = measurement and stored_value_status(measurement)
    return bool(status) and status.state == State.RED


def _previous_approved(measurement: Measurement) -> Measurement | None:
    """The indicator's approved value for the latest earlier period of the same kind (period
    keys of one kind have one length and sort in time order)."""
    return (
        Measurement.objects.annotate(key_length=Length("period"))
        .filter(
            indicator=measurement.indicator,
            state=WorkflowState.APPROVED,
            period__lt=measurement.period,
            key_length=len(measurement.period),
        )
        .select_related("indicator")
        .order_by("-period")
        .first()
    )


def _alert_if_turned_red(measurement: Measurement) -> None:
    """An approved red value whose indicator's previous approved value (of the same kind of
    period) was not red: the owner and the directorate's editors are told (in this
    transaction, through the outbox)."""
    if not _is_red(measurement):
        return
    previous = _previous_approved(measurement)
    if _is_red(previous):
        return
    indicator = measurement.indicator
    period = parse(measurement.period, financial_year_start_month())
    alerts_record(
        people=_owner_and_editors(indicator),
        kind=AlertKind.INDICATOR_RED,
        key=f"{measurement.pk}:{measurement.version}",
        subject=f"Scorecard: indicator {indicator.code} is red",
        body=f"Indicator {indicator.code} {indicator.title} is red for {period.label}.",
        path=reverse("performance:indicator", args=[indicator.pk]),
    )


@transaction.atomic
def measurement_approve(
    *, measurement: Measurement, by: User | None, expected_version: int
) -> Measurement:
    """Approve a submitted value: by the indicator's owner or a performance administrator, never
    by the person who entered or submitted it unless the organisation allows self-approval (the
    value is then marked `self_approved`). A value that turns its indicator red puts an alert
    in the outbox."""
    measurement = _move(measurement, WorkflowState.APPROVED, by, expected_version)
    _alert_if_turned_red(measurement)
    return measurement


@transaction.atomic
def measurement_return(
    *, measurement: Measurement, by: User | None, reason: str, expected_version: int
) -> Measurement:
    """Return a submitted value to its updater with a reason; who may is as for approving."""
    if not reason.strip():
        raise ValidationError(
            {"review_note": "Say why the value is returned, so the updater can fix it."}
        )
    measurement = _move(measurement, WorkflowState.RETURNED, by, expected_version, note=reason)
    indicator = measurement.indicator
    period = parse(measurement.period, financial_year_start_month())
    alerts_record(
        people=[measurement.submitted_by, measurement.entered_by, *_owner_and_editors(indicator)],
        kind=AlertKind.VALUE_RETURNED,
        key=f"{measurement.pk}:{measurement.version}",
        subject=f"Scorecard: a value of indicator {indicator.code} was returned",
        body=f"The {period.label} value of indicator {indicator.code} {indicator.title} was "
        f"returned: {reason}",
        path=reverse("performance:indicator", args=[indicator.pk]),
    )
    return measurement
