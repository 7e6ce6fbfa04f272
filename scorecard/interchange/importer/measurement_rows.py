"""The bulk path of the Measurements sheet: every row checked in memory against look-ups loaded
once, then written with a few prepared statements per batch, history included.

It applies the rules of `performance_services.measurement_record` (through the same
`measurement_check`) and yields the same Problems, outcome, stored rows and history rows as the
row by row path. A row that moves a value through the workflow (submitted, approved, returned)
is left to the row by row handler, after the rows before it are written.
"""

import re
from operator import attrgetter

from django.core.exceptions import EmptyResultSet, ValidationError
from django.db import connection, models

from scorecard.organisation import clock
from scorecard.performance import services as performance_services
from scorecard.performance.choices import PeriodState, WorkflowState
from scorecard.performance.engine import reporting_quarter
from scorecard.performance.models import Measurement, ReportingPeriod

from .figures import figure_change
from .outcome import CHANGED, CREATED, UNCHANGED, RowFailed

PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")
BATCH = 5000  # rows per prepared statement (executemany)
DECIMALS = ("value", "numerator", "denominator")
FIELDS = [f.attname for f in Measurement._meta.concrete_fields]
IDENTITY = {"id", "indicator_id", "period", "period_start"}  # what a record never changes
# Loaded from the stored rows: all but the times a record always sets (reading a hundred thousand
# times costs more than the rest of the row).
LOADED = [name for name in FIELDS if name not in {"entered_at", "submitted_at", "reviewed_at"}]


class StoredMeasurement:
    """A measurement row as the import keeps it: its columns as attributes, without the cost of
    a model instance (a hundred thousand of them are loaded or made at once)."""

    def __init__(self, columns: dict):
        self.__dict__ = columns

    @property
    def pk(self):
        return self.id


def measurements_stored(pks, period_keys) -> dict:
    """The stored values of these indicators and periods, by (indicator id, period), locked for
    the import's transaction."""
    stored = Measurement.objects.select_for_update().filter(
        indicator_id__in=pks, period__in=period_keys
    )
    return {
        (m.indicator_id, m.period): m
        for m in (
            StoredMeasurement(dict(zip(LOADED, row, strict=True)))
            for row in stored_rows(stored, LOADED)
        )
    }


def stored_rows(queryset, names: list[str]) -> list[tuple]:
    """What `queryset.values_list(*names)` gives, with each column's conversion from the driver's
    value (a decimal from SQLite's float, say) made once for each distinct value: a hundred
    thousand values repeat a few thousand figures and dates."""
    # In no order: the model's ordering joins the indicator and sorts a hundred thousand rows.
    compiler = queryset.order_by().values_list(*names).query.get_compiler(queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:  # a filter on an empty list
        return []
    converters = compiler.get_converters([column for column, _, _ in compiler.select])
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not rows or not converters:
        return rows
    columns = list(zip(*rows, strict=True))
    for place, (convert, expression) in converters.items():
        # Equal driver values (1 and 1.0) convert to equal values, so one conversion serves both.
        converted = {}
        for stored in set(columns[place]):
            value = stored
            for converter in convert:
                value = converter(value, expression, connection)
            converted[stored] = value
        columns[place] = map(converted.__getitem__, columns[place])
    return list(zip(*columns, strict=True))


class MeasurementRows:
    """One Measurements sheet of one import: `run(rows)`."""

    def __init__(self, importer, sheet, existing: dict, handle):
        self.importer, self.sheet, self.existing, self.handle = importer, sheet, existing, handle
        self.locked = set(
            ReportingPeriod.objects.filter(state=PeriodState.LOCKED).values_list(
                "period", flat=True
            )
        )
        self.quarters: dict = {}
        self.periods: dict = {}
        self.now = clock.now()
        self.created: list[StoredMeasurement] = []
        self.changed: list[StoredMeasurement] = []
        self.pending: set[tuple[int, str]] = set()
        self.indicators: dict = {}  # (indicator, pk) by the code as written
        self.user_pk = importer.user.pk
        fields = {f.name: f for f in Measurement._meta.concrete_fields}
        self.validators = [(fields[name], fields[name].validators) for name in DECIMALS]
        self.other_fields = [name for name in fields if name not in DECIMALS]

    def run(self, rows) -> None:
        importer = self.importer
        for number, values in rows:
            self._row(number, values)
            importer._done += 1
            if importer._done % 50 == 0:
                importer.progress(importer._done, importer._total)
        self.flush()

    def _period(self, number, text):
        found = self.periods.get(text)
        if found is None:
            period = self.importer._period(self.sheet, number, "period", text)
            found = self.periods[text] = (period, period.key, period.start)
        return found

    def _locked(self, indicator, period):
        """`locked_quarter` answered from the locked quarters loaded at once."""
        if not self.locked:
            return None
        key = (period.key, indicator.due_quarter if period.kind == "year" else None)
        if key not in self.quarters:
            quarter = reporting_quarter(indicator, period)
            self.quarters[key] = quarter if quarter.key in self.locked else None
        return self.quarters[key]

    def _indicator(self, number, code):
        found = self.indicators.get(code)
        if found is None:
            indicator = self.importer._indicator(self.sheet, number, "indicator", code)
            found = self.indicators[code] = (indicator, indicator.pk)
        return found

    def _row(self, number, values) -> None:
        importer, sheet = self.importer, self.sheet
        try:
            (period, period_key, period_start), (indicator, pk) = self.importer._together(
                lambda: self._period(number, values["period"]),
                lambda: self._indicator(number, values["indicator"]),
            )
        except RowFailed:
            return
        key = (pk, period_key)
        if key in self.pending:  # the file gives this value twice: write the first one first
            self.flush()
        measurement = self.existing.get(key)
        wanted, state, _, unchanged = importer._measurement_wanted(values, indicator, measurement)
        if unchanged:
            importer._record(sheet, number, UNCHANGED, "")  # unchanged rows are not listed
            return
        if state != WorkflowState.DRAFT:  # a workflow move: through the services, in order
            self.flush()
            importer._done -= 1  # `_each` counts the row itself
            importer._each(sheet, [(number, values)], self.handle)
            return
        get = wanted.get
        manual_rating, manual_reason = get("manual_rating", ""), get("manual_reason", "")
        try:
            performance_services.refuse_if_retired(indicator)
            value, numerator, denominator = performance_services.measurement_check(
                indicator=indicator,
                when=period,
                value=get("value"),
                numerator=get("numerator"),
                denominator=get("denominator"),
                manual_rating=manual_rating,
                manual_reason=manual_reason,
                data_quality=get("data_quality") or "final",
                locked=self._locked,
            )
            self._check_decimals(value, numerator, denominator)
        except ValidationError as error:
            importer._service_problems(sheet, number, error)
            return
        # What measurement_record sets on every save.
        commentary, actions = get("commentary", ""), get("improvement_actions", "")
        label = f"{indicator.code} {period_key}: " + figure_change(
            measurement.value if measurement else None, value, measurement is None
        )
        if measurement is None:
            measurement = StoredMeasurement(
                {
                    "id": None,
                    "indicator_id": pk,
                    "period": period_key,
                    "period_start": period_start,
                    "value": value,
                    "numerator": numerator,
                    "denominator": denominator,
                    "commentary": commentary,
                    "commentary_is_internal": get("commentary_is_internal", False),
                    "improvement_actions": actions,
                    "data_quality": wanted["data_quality"],
                    "manual_rating": manual_rating,
                    "manual_reason": manual_reason,
                    "state": WorkflowState.DRAFT,
                    "entered_by_id": self.user_pk,
                    "entered_at": self.now,
                    "submitted_by_id": None,
                    "submitted_at": None,
                    "reviewed_by_id": None,
                    "reviewed_at": None,
                    "review_note": "",
                    "self_approved": False,
                    "restated_by_id": None,
                    "restated_at": None,
                    "restatement_reason": "",
                    "version": 1,
                }
            )
            self.created.append(measurement)
            action = CREATED
        else:
            measurement.value, measurement.numerator = value, numerator
            measurement.denominator, measurement.commentary = denominator, commentary
            measurement.improvement_actions = actions
            measurement.commentary_is_internal = get(
                "commentary_is_internal", measurement.commentary_is_internal
            )
            measurement.data_quality = wanted["data_quality"]
            measurement.manual_rating, measurement.manual_reason = manual_rating, manual_reason
            measurement.state = WorkflowState.DRAFT
            measurement.entered_by_id, measurement.entered_at = self.user_pk, self.now
            measurement.submitted_by_id = measurement.submitted_at = None
            measurement.reviewed_by_id = measurement.reviewed_at = None
            measurement.review_note = ""
            measurement.self_approved = False
            measurement.version += 1
            self.changed.append(measurement)
            action = CHANGED
        self.existing[key] = measurement
        self.pending.add(key)
        importer._record(sheet, number, action, label)

    def _check_decimals(self, *decimals) -> None:
        """The digits full_clean() allows; on a refusal, full_clean's own messages."""
        for (field, validators), value in zip(self.validators, decimals, strict=True):
            if value is None or _few_digits(str(value), field):
                continue
            try:
                for validator in validators:
                    validator(value)
            except ValidationError:
                Measurement(**dict(zip(DECIMALS, decimals, strict=True))).clean_fields(
                    exclude=self.other_fields
                )

    def flush(self) -> None:
        """Write the rows checked so far: inserts, updates and their history rows."""
        if not self.created and not self.changed:
            return
        if self.created and connection.vendor == "postgresql":
            self._take_ids()
            _execute(Measurement, "insert", FIELDS, self.created)
        elif self.created:
            _execute(Measurement, "insert", FIELDS[1:], self.created)  # all but the id
            self._read_back_ids()
        if self.changed:
            _execute(Measurement, "update", [n for n in FIELDS if n not in IDENTITY], self.changed)
        history = Measurement.history.model
        first = (self.created or self.changed)[0]
        user = history.get_default_history_user(first)
        extra = {
            "history_date": self.now,
            "history_change_reason": None,
            "history_user_id": user.pk if user else None,
        }
        for rows, kind in ((self.created, "+"), (self.changed, "~")):
            if rows:
                _copy_to_history(rows, {**extra, "history_type": kind})
        self.created, self.changed, self.pending = [], [], set()

    def _take_ids(self) -> None:
        """PostgreSQL: the new rows' ids, taken from the table's sequence in one query, as the
        INSERTs would have."""
        table = Measurement._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, len(self.created)],
            )
            for measurement, (pk,) in zip(self.created, cursor.fetchall(), strict=True):
                measurement.id = pk

    def _read_back_ids(self) -> None:
        by_key = {(m.indicator_id, m.period): m for m in self.created}
        stored = Measurement.objects.filter(
            indicator_id__in={m.indicator_id for m in self.created},
            period__in={m.period for m in self.created},
        )
        for pk, indicator_id, period in stored_rows(stored, ["pk", "indicator_id", "period"]):
            measurement = by_key.get((indicator_id, period))
            if measurement is not None:
                measurement.id = pk


def _few_digits(text: str, field) -> bool:
    """Whether a decimal written so (str()) surely has digits the field allows: a plain number
    no longer than the whole digits allowed, with no more decimal places than allowed (a quick
    answer for most values; the validators answer the others)."""
    if len(text) > field.max_digits - field.decimal_places or not PLAIN_NUMBER.fullmatch(text):
        return False
    point = text.find(".")
    return point < 0 or len(text) - point - 1 <= field.decimal_places


def _adapter(field):
    """How a value of the field is handed to the driver, as the ORM's save() would."""
    if isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return connection.ops.adapt_datefield_value
    return None


def _execute(model, action: str, names: list[str], rows) -> None:
    """INSERT the rows' `names`, or UPDATE them by id, with one prepared statement per batch."""
    fields = {f.attname: f for f in model._meta.concrete_fields}
    columns = names
    adapters = [(i, a) for i, n in enumerate(columns) if (a := _adapter(fields[n]))]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    # Table and column names come from the model, never from input.
    if action == "insert":
        marks = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({', '.join(map(quote, columns))}) VALUES ({marks})"  # noqa: S608
        get = attrgetter(*names)
    else:
        sets = ", ".join(f"{quote(n)} = %s" for n in columns)
        sql = f"UPDATE {table} SET {sets} WHERE {quote('id')} = %s"  # noqa: S608
        get = attrgetter(*names, "id")
    adapted: dict = {}  # the same dates and times come again and again
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            params = []
            for row in rows[start : start + BATCH]:
                values = list(get(row))
                for i, adapt in adapters:
                    value = values[i]
                    if value is not None:
                        try:
                            values[i] = adapted[value]
                        except KeyError:
                            values[i] = adapted[value] = adapt(value)
                params.append(values)
            if action == "insert" and connection.vendor == "postgresql":
                _copy(cursor, table, [quote(n) for n in columns], params)
            else:
                cursor.executemany(sql, params)


def _copy_to_history(rows, constants: dict) -> None:
    """The history rows of rows just written, each the stored row with `constants` (when, who,
    how), copied by the database itself rather than sent again."""
    history = Measurement.history.model
    fields = {f.attname: f for f in history._meta.concrete_fields}
    quote = connection.ops.quote_name
    names = ", ".join(map(quote, FIELDS))
    table, source = quote(history._meta.db_table), quote(Measurement._meta.db_table)
    extra, marks = ", ".join(map(quote, constants)), ", ".join(["%s"] * len(constants))
    # Table and column names come from the models, never from input.
    head = f"INSERT INTO {table} ({names}, {extra}) SELECT {names}, {marks} FROM {source} WHERE"  # noqa: S608
    values = [
        value if value is None or (adapt := _adapter(fields[name])) is None else adapt(value)
        for name, value in constants.items()
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            ids = [row.id for row in rows[start : start + BATCH]]
            marks = ", ".join(["%s"] * len(ids))
            cursor.execute(
                f"{head} {quote('id')} IN ({marks}) ORDER BY {quote('id')}", [*values, *ids]
            )


def _copy(cursor, table: str, columns: list[str], rows) -> None:
    """PostgreSQL: COPY is many times faster than INSERT statements, however batched."""
    # Table and column names come from the model, never from input.
    with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
