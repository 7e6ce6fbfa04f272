"""The bulk path of the Measurements sheet: every row checked in memory against look-ups loaded
once, then written with a few prepared statements per batch, history included.

It applies the rules of `performance_services.measurement_record` (through the same
`measurement_check`) and yields the same Problems, outcome, stored rows and history rows as the
row by row path. A row that moves a value through the workflow (submitted, approved, returned)
is left to the row by row handler, after the rows before it are written.
"""

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils import timezone

from scorecard.performance import services as performance_services
from scorecard.performance.choices import PeriodState, WorkflowState
from scorecard.performance.models import Measurement, ReportingPeriod

from .outcome import CHANGED, CREATED, UNCHANGED, RowFailed

BATCH = 5000  # rows per prepared statement (executemany)
DECIMALS = ("value", "numerator", "denominator")
DEFAULTS = {
    "value": None,
    "numerator": None,
    "denominator": None,
    "commentary": "",
    "improvement_actions": "",
    "data_quality": "final",
    "manual_rating": "",
    "manual_reason": "",
}


class MeasurementRows:
    """One Measurements sheet of one import: `run(rows)`."""

    def __init__(self, importer, sheet, existing: dict, handle):
        self.importer, self.sheet, self.existing, self.handle = importer, sheet, existing, handle
        self.locked = set(
            ReportingPeriod.objects.filter(state=PeriodState.LOCKED).values_list(
                "period", flat=True
            )
        )
        self.now = timezone.now()
        self.created: list[Measurement] = []
        self.changed: list[Measurement] = []
        self.pending: set[tuple[int, str]] = set()
        fields = {f.name: f for f in Measurement._meta.concrete_fields}
        self.validators = [(name, fields[name].validators) for name in DECIMALS]
        self.other_fields = [name for name in fields if name not in DECIMALS]

    def run(self, rows) -> None:
        importer = self.importer
        for number, values in rows:
            self._row(number, values)
            importer._done += 1
            if importer._done % 50 == 0:
                importer.progress(importer._done, importer._total)
        self.flush()

    def _row(self, number, values) -> None:
        importer, sheet = self.importer, self.sheet
        try:
            period = importer._period(sheet, number, "period", values["period"])
            indicator = importer._indicator(sheet, number, "indicator", values["indicator"])
        except RowFailed:
            return
        key = (indicator.pk, period.key)
        if key in self.pending:  # the file gives this value twice: write the first one first
            self.flush()
        measurement = self.existing.get(key)
        wanted, state, _, unchanged = importer._measurement_wanted(values, indicator, measurement)
        label = f"{indicator.code} {period.key}"
        if unchanged:
            importer._record(sheet, number, UNCHANGED, label)
            return
        if state != WorkflowState.DRAFT:  # a workflow move: through the services, in order
            self.flush()
            importer._done -= 1  # `_each` counts the row itself
            importer._each(sheet, [(number, values)], self.handle)
            return
        fields = {**DEFAULTS, **wanted}
        try:
            performance_services.refuse_if_retired(indicator)
            checked = performance_services.measurement_check(
                indicator=indicator,
                when=period,
                value=fields["value"],
                numerator=fields["numerator"],
                denominator=fields["denominator"],
                manual_rating=fields["manual_rating"],
                manual_reason=fields["manual_reason"],
                is_locked=lambda quarter: quarter.key in self.locked,
            )
            fields.update(zip(DECIMALS, checked, strict=True))
            self._check_decimals(fields)
        except ValidationError as error:
            importer._service_problems(sheet, number, error)
            return
        if measurement is None:
            measurement = Measurement(
                indicator=indicator, period=period.key, period_start=period.start, version=0
            )
            self.created.append(measurement)
            action = CREATED
        else:
            self.changed.append(measurement)
            action = CHANGED
        for name, value in fields.items():
            setattr(measurement, name, value)
        # What measurement_record sets on every save.
        measurement.state = WorkflowState.DRAFT
        measurement.entered_by, measurement.entered_at = importer.user, self.now
        measurement.reviewed_by, measurement.reviewed_at, measurement.review_note = None, None, ""
        measurement.version += 1
        self.existing[key] = measurement
        self.pending.add(key)
        importer._record(sheet, number, action, label)

    def _check_decimals(self, fields: dict) -> None:
        """The digits full_clean() allows; on a refusal, full_clean's own messages."""
        for name, validators in self.validators:
            value = fields[name]
            if value is None:
                continue
            try:
                for validator in validators:
                    validator(value)
            except ValidationError:
                Measurement(**{n: fields[n] for n in DECIMALS}).clean_fields(
                    exclude=self.other_fields
                )

    def flush(self) -> None:
        """Write the rows checked so far: inserts, updates and their history rows."""
        if not self.created and not self.changed:
            return
        if self.created:
            _insert(Measurement, [f.attname for f in _own_fields()], self.created)
            self._read_back_ids()
        if self.changed:
            _update(self.changed)
        history = Measurement.history.model
        user = history.get_default_history_user(
            self.created[0] if self.created else self.changed[0]
        )
        extra = {
            "history_date": self.now,
            "history_change_reason": None,
            "history_user_id": user.pk if user else None,
        }
        for rows, kind in ((self.created, "+"), (self.changed, "~")):
            if rows:
                _insert(
                    history,
                    [f.attname for f in history.tracked_fields],
                    rows,
                    {**extra, "history_type": kind},
                )
        self.created, self.changed, self.pending = [], [], set()

    def _read_back_ids(self) -> None:
        by_key = {(m.indicator_id, m.period): m for m in self.created}
        stored = Measurement.objects.filter(
            indicator_id__in={m.indicator_id for m in self.created},
            period__in={m.period for m in self.created},
        ).values_list("pk", "indicator_id", "period")
        for pk, indicator_id, period in stored:
            measurement = by_key.get((indicator_id, period))
            if measurement is not None:
                measurement.pk = pk
                measurement._state.adding = False


def _own_fields():
    return [f for f in Measurement._meta.concrete_fields if not f.primary_key]


def _adapter(field):
    """How a value of the field is handed to the driver, as the ORM's save() would."""
    if isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return connection.ops.adapt_datefield_value
    return None


def _insert(model, attnames: list[str], objects, constants: dict | None = None) -> None:
    """INSERT the objects' `attnames` (and `constants`) with one prepared statement per batch."""
    constants = constants or {}
    fields = {f.attname: f for f in model._meta.concrete_fields}
    adapters = [_adapter(fields[name]) for name in [*attnames, *constants]]
    fixed = tuple(
        a(v) if a else v for a, v in zip(adapters[len(attnames) :], constants.values(), strict=True)
    )
    adapters = adapters[: len(attnames)]
    quote = connection.ops.quote_name
    names = ", ".join(quote(n) for n in [*attnames, *constants])
    marks = ", ".join(["%s"] * (len(attnames) + len(constants)))
    # Table and column names come from the model, never from input.
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({marks})"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(objects), BATCH):
            cursor.executemany(
                sql,
                [
                    tuple(
                        a(getattr(o, n)) if a else getattr(o, n)
                        for a, n in zip(adapters, attnames, strict=True)
                    )
                    + fixed
                    for o in objects[start : start + BATCH]
                ],
            )


def _update(objects: list[Measurement]) -> None:
    """UPDATE what a record changes, with one prepared statement per batch."""
    fields = [
        f for f in _own_fields() if f.attname not in {"indicator_id", "period", "period_start"}
    ]
    adapters = [_adapter(f) for f in fields]
    quote = connection.ops.quote_name
    sets = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    # Table and column names come from the model, never from input.
    sql = f"UPDATE {quote(Measurement._meta.db_table)} SET {sets} WHERE {quote('id')} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(objects), BATCH):
            cursor.executemany(
                sql,
                [
                    tuple(
                        a(getattr(o, f.attname)) if a else getattr(o, f.attname)
                        for a, f in zip(adapters, fields, strict=True)
                    )
                    + (o.pk,)
                    for o in objects[start : start + BATCH]
                ],
            )
