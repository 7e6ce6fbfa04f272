"""Import of the performance sheets: indicators, targets, measurements and reporting periods."""

from functools import cache
from operator import attrgetter

from scorecard.core import periods
from scorecard.performance import services as performance_services
from scorecard.performance.choices import Aggregation, WorkflowState
from scorecard.performance.models import (
    CabinetPortfolio,
    ReportingPeriod,
    Target,
)

from .figures import figure_change
from .measurement_rows import MeasurementRows, measurements_stored
from .outcome import CHANGED, CREATED, UNCHANGED

ABSENT = object()  # a column the sheet does not have

NUMBERS = {"value", "numerator", "denominator"}


@cache
def _getter(names: tuple[str, ...]):
    """The attributes `names` of an object, as a tuple (of one attribute too)."""
    return attrgetter(*names) if len(names) > 1 else lambda o: (getattr(o, names[0]),)


class PerformanceSheets:
    """Handlers of the Indicators, Targets, Measurements and Reporting periods sheets."""

    INDICATOR_FIELDS = [
        "title", "definition", "rationale", "unit", "decimals", "polarity", "frequency",
        "due_quarter", "first_due_year", "aggregation", "ratio_scale", "target_basis", "owner",
        "directorate", "portfolio", "data_source", "is_contextual", "status_rule",
    ]  # fmt: skip
    NULLABLE = {"first_due_year", "owner", "portfolio"}
    TEXT = {"definition", "rationale", "data_source"}

    def _portfolio(self, name) -> CabinetPortfolio | None:
        if not name:
            return None
        found = CabinetPortfolio.objects.filter(name__iexact=name).first()
        return found or performance_services.cabinet_portfolio_create(name=name)

    def _apply_indicators(self, sheet, rows) -> None:
        self._load_indicators(values["code"] for _, values in rows)

        def handle(number, values):
            indicator = self._indicators.get(values["code"].lower())
            incoming = {}
            for key in self.INDICATOR_FIELDS:
                if key not in values:
                    continue
                value = values[key]
                if key == "directorate":
                    value = self._directorate(sheet, number, key, value)
                elif key == "owner":
                    value = self._person(sheet, number, key, value)
                elif key == "portfolio":
                    value = self._portfolio(value)
                if value is None and key in self.TEXT:
                    value = ""
                if value is None and key not in self.NULLABLE:
                    continue
                incoming[key] = value
            updaters = None
            if "updaters" in values:
                names = [
                    n.strip()
                    for n in str(values["updaters"] or "").replace(",", ";").split(";")
                    if n.strip()
                ]
                updaters = [self._person(sheet, number, "updaters", n) for n in names]
            retire = values.get("is_retired")
            if indicator is None:  # the Indicators sheet is the performance team's (its `team`)
                fields = {k: v for k, v in incoming.items() if k not in {"title", "directorate"}}
                indicator = performance_services.indicator_create(
                    code=values["code"],
                    title=incoming["title"],
                    directorate=incoming["directorate"],
                    updaters=updaters or (),
                    **fields,
                )
                if retire:
                    self._retire_later(sheet, number, indicator)
                self._indicators[indicator.code.lower()] = indicator
                self._indicators_editable.add(indicator.pk)
                return CREATED, str(indicator)
            if indicator.pk not in self._indicators_editable:
                self._fail(sheet, number, "code", f"you may not change indicator {indicator.code}")
            changes = {k: v for k, v in incoming.items() if getattr(indicator, k) != v}
            updaters_change = updaters is not None and {u.pk for u in updaters} != {
                u.pk for u in indicator.updaters.all()
            }
            if indicator.is_retired:
                if retire is False:
                    self._fail(
                        sheet,
                        number,
                        "is_retired",
                        f"{indicator.code} is retired: it cannot be brought back",
                    )
                if changes or updaters_change:
                    self._fail(
                        sheet, number, "code", f"{indicator.code} is retired: it cannot be changed"
                    )
                return UNCHANGED, str(indicator)
            if not changes and not updaters_change and not retire:
                return UNCHANGED, str(indicator)
            if changes or updaters_change:
                performance_services.indicator_update(
                    indicator=indicator, updaters=updaters if updaters_change else None, **changes
                )
            if retire:
                self._retire_later(sheet, number, indicator)
            return CHANGED, str(indicator)

        self._each(sheet, rows, handle)

    def _retire_later(self, sheet, number, indicator) -> None:
        """Retire the indicator once every sheet is in: a retired indicator takes no values and
        joins no scorecard, yet the file may hold its past values and scorecard versions."""

        def retire() -> bool:
            performance_services.indicator_retire(indicator=indicator)
            return False  # the row is already counted as created or changed

        self._followups.append((sheet, number, str(indicator), retire))

    def _apply_targets(self, sheet, rows) -> None:
        self._load_indicators(values["indicator"] for _, values in rows)
        existing = {
            (t.indicator_id, t.period): t
            for t in Target.objects.filter(indicator__code__in=[v["indicator"] for _, v in rows])
        }

        def handle(number, values):
            period, indicator = self._together(
                lambda: self._period(sheet, number, "period", values["period"]),
                lambda: self._indicator(sheet, number, "indicator", values["indicator"]),
            )
            target = existing.get((indicator.pk, period.key))
            notes = (
                self._text(values, "notes")
                if "notes" in values
                else (target.notes if target else "")
            )
            label = f"{indicator.code} {period.key}: " + figure_change(
                target.value if target else None, values["value"], target is None
            )
            if target is not None and target.value == values["value"] and target.notes == notes:
                return UNCHANGED, label
            performance_services.target_set(
                indicator=indicator, period=period.key, value=values["value"], notes=notes
            )
            return (CREATED if target is None else CHANGED), label

        self._each(sheet, rows, handle)

    MEASUREMENT_FIELDS = [
        "value",
        "numerator",
        "denominator",
        "commentary",
        "commentary_is_internal",
        "improvement_actions",
        "data_quality",
        "manual_rating",
        "manual_reason",
    ]

    # Measurements go through the bulk path (`MeasurementRows`); False sends every row through
    # the services one by one, the reference the bulk path is tested against.
    bulk_measurements = True

    def _apply_measurements(self, sheet, rows) -> None:
        codes = {values["indicator"] for _, values in rows}
        self._load_indicators(codes)
        existing = self._measurements_stored(rows)
        handle = self._measurement_handler(sheet, existing)
        if self.bulk_measurements and not sheet.spec.team:
            MeasurementRows(self, sheet, existing, handle).run(rows)
        else:
            self._each(sheet, rows, handle)

    def _measurements_stored(self, rows) -> dict:
        """The stored values of the file's indicators and periods, by (indicator id, period)."""
        keys = set()
        for text in {values["period"] for _, values in rows}:
            try:
                keys.add(periods.parse(str(text), self.start_month).key)
            except periods.PeriodError:
                continue  # the row's problem is told when it is handled
        pks = {
            self._indicators[code].pk
            for code in {str(values["indicator"]).lower() for _, values in rows}
            if code in self._indicators
        }
        return measurements_stored(pks, keys)

    def _measurement_wanted(self, values, indicator, measurement) -> tuple[dict, str, bool, bool]:
        """What the row asks for: the fields to record, the state, whether the fields are the
        stored ones, and whether nothing at all changes."""
        wanted = {}
        for key in self.MEASUREMENT_FIELDS:
            value = values.get(key, ABSENT)
            if value is ABSENT:
                if measurement is not None:
                    wanted[key] = getattr(measurement, key)
            elif value is None and key == "commentary_is_internal":
                wanted[key] = False  # an empty cell: No
            elif value is None and key not in NUMBERS:
                wanted[key] = ""
            else:
                wanted[key] = value
        if indicator.aggregation == Aggregation.RATIO:
            wanted.pop("value", None)
        wanted["data_quality"] = wanted.get("data_quality") or "final"
        state = values.get("state") or (measurement.state if measurement else WorkflowState.DRAFT)
        same = measurement is not None and _getter(tuple(wanted))(measurement) == tuple(
            wanted.values()
        )
        unchanged = (
            same
            and state == measurement.state
            and (
                "review_note" not in values
                or (values["review_note"] or "") == measurement.review_note
            )
        )
        return wanted, state, same, unchanged

    def _measurement_handler(self, sheet, existing):
        """The row by row import of one value, through the services (see `_each`)."""

        def handle(number, values):
            period, indicator = self._together(
                lambda: self._period(sheet, number, "period", values["period"]),
                lambda: self._indicator(sheet, number, "indicator", values["indicator"]),
            )
            measurement = existing.get((indicator.pk, period.key))
            wanted, state, same, unchanged = self._measurement_wanted(
                values, indicator, measurement
            )
            label = f"{indicator.code} {period.key}"
            if unchanged:
                return UNCHANGED, label
            old = measurement.value if measurement else None
            action = CHANGED if measurement is not None else CREATED
            if not same or state == WorkflowState.DRAFT:
                measurement = performance_services.measurement_record(
                    indicator=indicator, period=period.key, by=self.user,
                    expected_version=measurement.version if measurement else None, **wanted,
                )  # fmt: skip
            if state != measurement.state and state != WorkflowState.DRAFT:
                if measurement.state == WorkflowState.APPROVED:
                    measurement = performance_services.measurement_record(
                        indicator=indicator,
                        period=period.key,
                        by=self.user,
                        expected_version=measurement.version,
                        **wanted,
                    )
                if measurement.state in {WorkflowState.DRAFT, WorkflowState.RETURNED}:
                    measurement = performance_services.measurement_submit(
                        measurement=measurement, by=self.user, expected_version=measurement.version
                    )
                if state == WorkflowState.APPROVED:
                    measurement = performance_services.measurement_approve(
                        measurement=measurement, by=self.user, expected_version=measurement.version
                    )
                elif state == WorkflowState.RETURNED:
                    measurement = performance_services.measurement_return(
                        measurement=measurement,
                        by=self.user,
                        reason=self._text(values, "review_note") or "Returned.",
                        expected_version=measurement.version,
                    )
            existing[(indicator.pk, period.key)] = measurement
            label += ": " + figure_change(old, measurement.value, action == CREATED)
            return action, label

        return handle

    def _apply_periods(self, sheet, rows) -> None:
        existing = {p.period: p for p in ReportingPeriod.objects.all()}

        def handle(number, values):
            period = self._period(sheet, number, "period", values["period"], kinds=("quarter",))
            row = existing.get(period.key)
            if row is not None and row.state == values["state"]:
                return UNCHANGED, period.key
            performance_services.reporting_period_set_state(
                period=period.key, state=values["state"], by=self.user
            )
            return (CREATED if row is None else CHANGED), f"{period.key} {values['state']}"

        self._each(sheet, rows, handle)
