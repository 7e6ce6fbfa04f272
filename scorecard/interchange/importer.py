"""The import: read every row, check it, then write it through the apps' services, all or nothing.

1. Every cell is read (`schema.Column.parse`); a cell that cannot be read becomes a Problem
   naming its sheet, row and column.
2. Inside one transaction, each row that could be read is compared with what is stored (loaded
   in bulk, one query per sheet) and, only when it differs, written through the same service a
   form would call, with the importing person's access. Services' refusals (locked periods,
   ranges, owners...) become Problems on the row and column they name.
3. If there is any problem, or this is a preview (dry run), the transaction is rolled back:
   nothing is written. Otherwise it commits. Re-importing the same file finds every row
   unchanged and writes nothing.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from scorecard.core import periods
from scorecard.organisation import services as organisation_services
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate, User
from scorecard.organisation.selectors import organisation_settings_get
from scorecard.performance import services as performance_services
from scorecard.performance.choices import Aggregation, WorkflowState
from scorecard.performance.models import (
    CabinetPortfolio,
    Indicator,
    Measurement,
    ReportingPeriod,
    Target,
)
from scorecard.risks import services as risk_services
from scorecard.risks.choices import RiskStatus
from scorecard.risks.models import Action, Assessment, Control, Register, Risk, RiskArea

from . import access
from .readers import Table
from .schema import SHEETS, CellError, SheetSpec, sheet_for

CREATED, CHANGED, UNCHANGED = "created", "changed", "unchanged"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.sheet]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        message = self.message[:1].upper() + self.message[1:]
        if not message.endswith((".", "?", "!")):
            message += "."
        return f"{', '.join(where)}: {message}"

    def as_dict(self) -> dict:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class InputSheet:
    """The rows of one of our sheets, with where each column came from in the person's file."""

    spec: SheetSpec
    source: str  # the sheet (or file) name the person knows
    headers: dict[str, str]  # our column key -> the header the person sees
    rows: list[tuple[int, dict[str, object]]]


@dataclass
class Outcome:
    dry_run: bool
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    changes: list[dict] = field(default_factory=list)  # a sample of what is created or changed
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def written(self) -> bool:
        return self.ok and not self.dry_run

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "counts": self.counts,
            "changes": self.changes,
            "problems": [p.as_dict() for p in self.problems],
            "rows": self.rows,
        }

    @staticmethod
    def from_dict(data: dict) -> "Outcome":
        return Outcome(
            dry_run=data["dry_run"],
            counts=data["counts"],
            changes=data["changes"],
            problems=[Problem(**p) for p in data["problems"]],
            rows=data["rows"],
        )

    def totals(self) -> dict[str, int]:
        totals = {CREATED: 0, CHANGED: 0, UNCHANGED: 0}
        for counts in self.counts.values():
            for action, number in counts.items():
                totals[action] += number
        return totals


MAX_CHANGES_LISTED = 200


def tables_to_sheets(tables: list[Table]) -> tuple[list[InputSheet], list[Problem]]:
    """Recognise our template's sheets among the tables of a file."""
    sheets, problems = [], []
    for table in tables:
        spec = sheet_for(table.name, table.headers)
        if spec is None:
            problems.append(
                Problem(
                    table.name,
                    None,
                    None,
                    "this sheet is not one of the template's sheets ("
                    + ", ".join(s.title for s in SHEETS)
                    + "): rename it, or import the file through the column-matching page",
                )
            )
            continue
        matched = spec.match_headers(table.headers)
        rows = [
            (number, {key: values[header] for key, header in matched.items()})
            for number, values in table.row_dicts()
        ]
        sheets.append(InputSheet(spec, table.name, matched, rows))
    return sheets, problems


class RowFailed(Exception):
    """Raised inside a row's handler to stop that row after a problem was recorded."""


class Importer:
    """One import by one person. Call `run(sheets)`; read the Outcome."""

    def __init__(self, *, user: User, dry_run: bool, progress: Progress | None = None):
        self.user = user
        self.dry_run = dry_run
        self.progress = progress or (lambda done, total: None)
        self.outcome = Outcome(dry_run=dry_run)
        self.start_month = organisation_settings_get().financial_year_start_month
        self.is_admin = access.user_manages_organisation(user)
        self._people: dict[str, User] | None = None
        self._done = 0
        self._total = 0
        self.create_missing_people = False
        self.assessed_on_for_changes: dt.date | None = None

    # --- running ---------------------------------------------------------------------------

    def run(self, sheets: list[InputSheet], problems: list[Problem] = ()) -> Outcome:
        self.outcome.problems.extend(problems)
        order = {spec.key: n for n, spec in enumerate(SHEETS)}
        sheets = sorted(sheets, key=lambda s: order[s.spec.key])
        self._total = sum(len(s.rows) for s in sheets)
        self.outcome.rows = self._total
        parsed = [(sheet, self._parse(sheet)) for sheet in sheets]
        self.progress(0, self._total)
        with transaction.atomic():
            self._risk_followups: list = []
            for sheet, rows in parsed:
                self.outcome.counts.setdefault(
                    sheet.spec.title, {CREATED: 0, CHANGED: 0, UNCHANGED: 0}
                )
                getattr(self, f"_apply_{sheet.spec.key}")(sheet, rows)
            self._finish_risks()
            if not self.outcome.ok or self.dry_run:
                transaction.set_rollback(True)
        self.progress(self._total, self._total)
        return self.outcome

    def _parse(self, sheet: InputSheet) -> list[tuple[int, dict]]:
        """Each row's values in Python terms; rows with an unreadable cell are left out."""
        for column in sheet.spec.columns:
            if column.required and column.key not in sheet.headers:
                self._problem(sheet, None, None, f"the column {column.header} is missing")
                return []
        rows = []
        for number, raw in sheet.rows:
            values, failed = {}, False
            for key, value in raw.items():
                column = sheet.spec.column(key)
                try:
                    values[key] = column.parse(value)
                except CellError as error:
                    self._problem(sheet, number, sheet.headers[key], str(error))
                    failed = True
            if not failed:
                rows.append((number, values))
        return rows

    def _problem(
        self, sheet: InputSheet, row: int | None, column: str | None, message: str
    ) -> None:
        self.outcome.problems.append(Problem(sheet.source, row, column, message))

    def _fail(self, sheet: InputSheet, row: int, key: str | None, message: str):
        self._problem(sheet, row, sheet.headers.get(key) if key else None, message)
        raise RowFailed

    def _record(self, sheet: InputSheet, row: int, action: str, label: str) -> None:
        self.outcome.counts[sheet.spec.title][action] += 1
        if action != UNCHANGED and len(self.outcome.changes) < MAX_CHANGES_LISTED:
            self.outcome.changes.append(
                {"sheet": sheet.spec.title, "row": row, "action": action, "label": label}
            )

    def _each(self, sheet: InputSheet, rows: list, handle) -> None:
        """Run `handle(number, values)` for each row, turning refusals into problems."""
        for number, values in rows:
            try:
                with transaction.atomic():
                    action, label = handle(number, values)
                    if action != UNCHANGED and sheet.spec.admin_only and not self.is_admin:
                        title = sheet.spec.title.lower()
                        self._fail(
                            sheet,
                            number,
                            None,
                            f"only the performance and risk team can add or change {title}",
                        )
            except RowFailed:
                pass
            except ValidationError as error:
                self._service_problems(sheet, number, error)
            else:
                self._record(sheet, number, action, label)
            self._done += 1
            if self._done % 50 == 0:
                self.progress(self._done, self._total)

    def _service_problems(self, sheet: InputSheet, row: int, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            for message in error.messages:
                self._problem(sheet, row, None, message)
            return
        aliases = {"likelihood": "likelihood", "impact": "impact", "band": None, "matrix": None}
        for name, messages in error.message_dict.items():
            key = aliases.get(name, name)
            column = sheet.headers.get(key) if key else None
            for message in messages:
                self._problem(sheet, row, column, message)

    # --- look-ups ------------------------------------------------------------------------------

    def _period(
        self, sheet, number, key, text, kinds=("year", "quarter", "month")
    ) -> periods.Period:
        try:
            period = periods.parse(str(text), self.start_month)
        except periods.PeriodError as error:
            self._fail(sheet, number, key, f"'{text}': {error}")
        if period.kind not in kinds:
            self._fail(
                sheet, number, key, f"'{text}' is a {period.kind}: give a {' or '.join(kinds)}"
            )
        return period

    def _person(self, sheet, number, key, text) -> User | None:
        if text is None or text == "":
            return None
        if self._people is None:
            self._people = {}
            for person in User.objects.filter(is_active=True):
                for name in (person.username, person.email, person.get_full_name()):
                    if name:
                        self._people.setdefault(name.strip().lower(), person)
        person = self._people.get(str(text).strip().lower())
        if person is None and self.create_missing_people and self.is_admin:
            username = slugify(str(text))[:150] or "person"
            person = organisation_services.person_create(
                username=username, password=None, first_name=str(text)[:150]
            )
            self._people[str(text).strip().lower()] = person
            self._people[username] = person
        if person is None:
            self._fail(
                sheet,
                number,
                key,
                f"nobody called '{text}' can sign in: give a username, email or full name of a person in the system",
            )
        return person

    def _directorate(self, sheet, number, key, text) -> Directorate | None:
        if text is None:
            return None
        if not hasattr(self, "_directorates"):
            self._directorates = {}
            for d in Directorate.objects.all():
                self._directorates[d.code.lower()] = d
                self._directorates.setdefault(d.name.lower(), d)
        found = self._directorates.get(str(text).lower())
        if found is None:
            self._fail(sheet, number, key, f"there is no directorate '{text}'")
        return found

    def _register(self, sheet, number, key, text) -> Register | None:
        if text is None:
            return None
        found = Register.objects.filter(name__iexact=text).first()
        if found is None:
            self._fail(sheet, number, key, f"there is no risk register called '{text}'")
        return found

    def _risk(self, sheet, number, key, reference) -> Risk:
        risk = self._risks.get(str(reference).lower()) if hasattr(self, "_risks") else None
        if risk is None:
            risk = Risk.objects.filter(reference__iexact=reference).first()
        if risk is None:
            self._fail(sheet, number, key, f"there is no risk {reference}")
        if risk.pk not in self._risks_editable:
            self._fail(sheet, number, key, f"you may not change risk {risk.reference}")
        return risk

    def _indicator(self, sheet, number, key, code) -> Indicator:
        indicator = self._indicators.get(str(code).lower())
        if indicator is None:
            self._fail(sheet, number, key, f"there is no indicator {code}")
        if indicator.pk not in self._indicators_editable:
            self._fail(sheet, number, key, f"you may not change indicator {indicator.code}")
        return indicator

    def _load_indicators(self, codes) -> None:
        if not hasattr(self, "_indicators"):
            self._indicators, self._indicators_editable = {}, set()
        wanted = [c for c in {str(c) for c in codes} if c.lower() not in self._indicators]
        for indicator in Indicator.objects.filter(code__in=wanted).prefetch_related("updaters"):
            self._indicators[indicator.code.lower()] = indicator
        self._indicators_editable |= set(
            access.indicators_editable(
                self.user, Indicator.objects.filter(code__in=wanted)
            ).values_list("pk", flat=True)
        )

    def _load_risks(self, references) -> None:
        if not hasattr(self, "_risks"):
            self._risks, self._risks_editable = {}, set()
        wanted = [r for r in {str(r) for r in references} if r.lower() not in self._risks]
        for risk in Risk.objects.filter(reference__in=wanted):
            self._risks[risk.reference.lower()] = risk
        self._risks_editable |= set(
            access.risks_editable(self.user, Risk.objects.filter(reference__in=wanted)).values_list(
                "pk", flat=True
            )
        )

    @staticmethod
    def _text(values: dict, key: str) -> str:
        value = values.get(key)
        return "" if value is None else str(value)

    # --- organisation ------------------------------------------------------------------------

    def _apply_directorates(self, sheet, rows) -> None:
        existing = {d.code.lower(): d for d in Directorate.objects.all()}

        def handle(number, values):
            directorate = existing.get(values["code"].lower())
            if directorate is None:
                directorate = organisation_services.directorate_create(
                    code=values["code"], name=values["name"]
                )
                if values.get("is_archived"):
                    organisation_services.directorate_update(
                        directorate=directorate,
                        code=directorate.code,
                        name=directorate.name,
                        director=None,
                        is_archived=True,
                    )
                existing[directorate.code.lower()] = directorate
                return CREATED, directorate.name
            archived = values.get("is_archived", directorate.is_archived)
            archived = directorate.is_archived if archived is None else archived
            if (directorate.name, directorate.is_archived) == (values["name"], archived):
                return UNCHANGED, directorate.name
            organisation_services.directorate_update(
                directorate=directorate,
                code=directorate.code,
                name=values["name"],
                director=directorate.director,
                is_archived=archived,
            )
            return CHANGED, directorate.name

        self._each(sheet, rows, handle)
        if hasattr(self, "_directorates"):
            del self._directorates

    def _roles(self, sheet, number, text) -> set[tuple[str, int | None]]:
        roles = set()
        for part in str(text or "").replace(",", ";").split(";"):
            if not part.strip():
                continue
            role_text, _, code = part.partition(":")
            role = next(
                (r for r in Role if role_text.strip().lower() in {r.value, r.label.lower()}), None
            )
            if role is None:
                self._fail(
                    sheet,
                    number,
                    "roles",
                    f"'{role_text.strip()}' is not a role: use {', '.join(Role.values)}",
                )
            directorate = (
                self._directorate(sheet, number, "roles", code.strip()) if code.strip() else None
            )
            roles.add((role, directorate.pk if directorate else None))
        return roles

    def _apply_people(self, sheet, rows) -> None:
        existing = {u.username.lower(): u for u in User.objects.prefetch_related("memberships")}
        fields = ["first_name", "last_name", "email", "job_title"]

        def handle(number, values):
            person = existing.get(values["username"].lower())
            roles = self._roles(sheet, number, values.get("roles")) if "roles" in values else set()
            action = UNCHANGED
            if person is None:
                person = organisation_services.person_create(
                    username=values["username"],
                    password=None,
                    **{f: self._text(values, f) for f in fields},
                )
                existing[person.username.lower()] = person
                have = set()
                action = CREATED
            else:
                have = {(m.role, m.directorate_id) for m in person.memberships.all()}
                wanted = {
                    f: self._text(values, f) if f in values else getattr(person, f) for f in fields
                }
                if any(getattr(person, f) != v for f, v in wanted.items()):
                    organisation_services.person_update(
                        person=person, is_active=person.is_active, **wanted
                    )
                    action = CHANGED
            directorates = {
                d.pk: d for d in Directorate.objects.filter(pk__in=[d for _, d in roles if d])
            }
            for role, directorate_id in sorted(roles - have, key=str):
                organisation_services.membership_create(
                    person=person, role=role, directorate=directorates.get(directorate_id)
                )
                action = action if action == CREATED else CHANGED
            self._people = None
            return action, person.username

        self._each(sheet, rows, handle)

    # --- performance ---------------------------------------------------------------------------

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
            if indicator is None:
                if not access.can_create_indicator_in(self.user, incoming["directorate"].pk):
                    self._fail(
                        sheet,
                        number,
                        "directorate",
                        f"you may not add indicators to {incoming['directorate']}",
                    )
                fields = {k: v for k, v in incoming.items() if k not in {"title", "directorate"}}
                indicator = performance_services.indicator_create(
                    code=values["code"],
                    title=incoming["title"],
                    directorate=incoming["directorate"],
                    updaters=updaters or (),
                    **fields,
                )
                if retire:
                    performance_services.indicator_retire(indicator=indicator)
                self._indicators[indicator.code.lower()] = indicator
                self._indicators_editable.add(indicator.pk)
                return CREATED, str(indicator)
            if indicator.pk not in self._indicators_editable:
                self._fail(sheet, number, "code", f"you may not change indicator {indicator.code}")
            if (
                "directorate" in incoming
                and not self.is_admin
                and incoming["directorate"].pk != indicator.directorate_id
            ):
                self._fail(
                    sheet,
                    number,
                    "directorate",
                    "only the performance team can move an indicator to another directorate",
                )
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
                performance_services.indicator_retire(indicator=indicator)
            return CHANGED, str(indicator)

        self._each(sheet, rows, handle)

    def _apply_targets(self, sheet, rows) -> None:
        self._load_indicators(values["indicator"] for _, values in rows)
        existing = {
            (t.indicator_id, t.period): t
            for t in Target.objects.filter(indicator__code__in=[v["indicator"] for _, v in rows])
        }

        def handle(number, values):
            period = self._period(sheet, number, "period", values["period"])
            indicator = self._indicator(sheet, number, "indicator", values["indicator"])
            target = existing.get((indicator.pk, period.key))
            notes = (
                self._text(values, "notes")
                if "notes" in values
                else (target.notes if target else "")
            )
            label = f"{indicator.code} {period.key}: {values['value'].normalize()}"
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
        "improvement_actions",
        "data_quality",
        "manual_rating",
        "manual_reason",
    ]

    def _apply_measurements(self, sheet, rows) -> None:
        self._load_indicators(values["indicator"] for _, values in rows)
        existing = {
            (m.indicator_id, m.period): m
            for m in Measurement.objects.filter(
                indicator__code__in=[v["indicator"] for _, v in rows]
            )
        }

        def handle(number, values):
            period = self._period(sheet, number, "period", values["period"])
            indicator = self._indicator(sheet, number, "indicator", values["indicator"])
            measurement = existing.get((indicator.pk, period.key))
            wanted = {}
            for key in self.MEASUREMENT_FIELDS:
                if key in values:
                    value = values[key]
                    wanted[key] = (
                        ""
                        if value is None and key not in {"value", "numerator", "denominator"}
                        else value
                    )
                elif measurement is not None:
                    wanted[key] = getattr(measurement, key)
            if indicator.aggregation == Aggregation.RATIO:
                wanted.pop("value", None)
            wanted.setdefault("data_quality", "final")
            wanted["data_quality"] = wanted["data_quality"] or "final"
            state = values.get("state") or (
                measurement.state if measurement else WorkflowState.DRAFT
            )
            label = f"{indicator.code} {period.key}"
            same = measurement is not None and all(
                getattr(measurement, k) == v for k, v in wanted.items()
            )
            if (
                same
                and state == measurement.state
                and (
                    "review_note" not in values
                    or (values["review_note"] or "") == measurement.review_note
                )
            ):
                return UNCHANGED, label
            if state in {
                WorkflowState.APPROVED,
                WorkflowState.RETURNED,
            } and not access.can_approve_measurements(self.user, indicator):
                self._fail(
                    sheet,
                    number,
                    "state",
                    f"only the performance team or the directorate's editors can mark a value {WorkflowState(state).label.lower()}",
                )
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
            return action, label

        self._each(sheet, rows, handle)

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

    # --- risks -----------------------------------------------------------------------------------

    def _apply_registers(self, sheet, rows) -> None:
        def handle(number, values):
            register = Register.objects.filter(name__iexact=values["name"]).first()
            directorate = self._directorate(sheet, number, "directorate", values.get("directorate"))
            parent = self._register(sheet, number, "parent", values.get("parent"))
            if register is None:
                register = risk_services.register_create(
                    name=values["name"],
                    kind=values["kind"],
                    directorate=directorate,
                    parent=parent,
                    description=self._text(values, "description"),
                )
                if values.get("is_archived"):
                    risk_services.register_archive(register=register)
                return CREATED, register.name
            same = (register.kind, register.directorate_id, register.parent_id) == (
                values["kind"],
                getattr(directorate, "pk", None),
                getattr(parent, "pk", None),
            )
            same = same and (
                "description" not in values
                or register.description == self._text(values, "description")
            )
            if not same:
                self._fail(
                    sheet,
                    number,
                    "kind",
                    f"{register.name} is already in the system with another kind, directorate, parent or description: change it on its page",
                )
            if values.get("is_archived") and not register.is_archived:
                risk_services.register_archive(register=register)
                return CHANGED, register.name
            return UNCHANGED, register.name

        self._each(sheet, rows, handle)

    def _apply_risk_areas(self, sheet, rows) -> None:
        def handle(number, values):
            area = RiskArea.objects.filter(name__iexact=values["name"]).first()
            owner = self._person(sheet, number, "owner", values["owner"])
            wanted = {"name": values["name"], "owner": owner}
            for key in ("description", "mitigation_summary"):
                if key in values:
                    wanted[key] = self._text(values, key)
            if values.get("is_archived") is not None:
                wanted["is_archived"] = values["is_archived"]
            if area is None:
                area = risk_services.risk_area_create(
                    **{k: v for k, v in wanted.items() if k != "is_archived"}
                )
                if wanted.get("is_archived"):
                    risk_services.risk_area_update(area=area, is_archived=True)
                return CREATED, area.name
            changes = {k: v for k, v in wanted.items() if getattr(area, k) != v}
            if not changes:
                return UNCHANGED, area.name
            risk_services.risk_area_update(area=area, **changes)
            return CHANGED, area.name

        self._each(sheet, rows, handle)

    RISK_FIELDS = [
        "title", "category", "owner", "area", "cause", "event", "consequence",
        "inherent_likelihood", "inherent_impact", "target_likelihood", "target_impact",
        "target_date", "review_months", "is_confidential",
    ]  # fmt: skip
    RISK_TEXT = {"cause", "event", "consequence"}
    RISK_NULLABLE = {"area", "target_likelihood", "target_impact", "target_date", "review_months"}

    def _apply_risks(self, sheet, rows) -> None:
        self._load_risks(values["reference"] for _, values in rows)
        editable_registers = set(access.registers_editable(self.user).values_list("pk", flat=True))

        def handle(number, values):
            risk = self._risks.get(values["reference"].lower())
            register = self._register(sheet, number, "register", values["register"])
            incoming = {}
            for key in self.RISK_FIELDS:
                if key not in values:
                    continue
                value = values[key]
                if key == "owner":
                    value = self._person(sheet, number, key, value)
                elif key == "area" and value is not None:
                    value = RiskArea.objects.filter(name__iexact=value).first()
                    if value is None:
                        self._fail(sheet, number, key, f"there is no risk area '{values[key]}'")
                if value is None and key in self.RISK_TEXT:
                    value = ""
                if value is None and key not in self.RISK_NULLABLE:
                    continue
                incoming[key] = value
            current = (values["current_likelihood"], values["current_impact"])
            status = values.get("status")
            if risk is None:
                if register.pk not in editable_registers:
                    self._fail(
                        sheet, number, "register", f"you may not add risks to {register.name}"
                    )
                risk = risk_services.risk_create(
                    reference=values["reference"], register=register,
                    current_likelihood=current[0], current_impact=current[1],
                    identified_on=values.get("identified_on"), **incoming,
                )  # fmt: skip
                self._risks[risk.reference.lower()] = risk
                self._risks_editable.add(risk.pk)
                action = CREATED
            else:
                if risk.pk not in self._risks_editable:
                    self._fail(
                        sheet, number, "reference", f"you may not change risk {risk.reference}"
                    )
                if register.pk not in {risk.register_id, risk.escalated_to_id}:
                    self._fail(
                        sheet,
                        number,
                        "register",
                        f"risk {risk.reference} is on {risk.register}: a risk moves to another register by escalation, on its page",
                    )
                changes = {k: v for k, v in incoming.items() if getattr(risk, k) != v}
                if changes and risk.status == RiskStatus.CLOSED:
                    self._fail(
                        sheet,
                        number,
                        "reference",
                        f"risk {risk.reference} is closed, so it cannot be changed",
                    )
                if changes:
                    risk_services.risk_update(risk=risk, **changes)
                action = CHANGED if changes else UNCHANGED
            self._risk_followups.append((sheet, number, risk, current, status, values))
            return action, str(risk)

        self._each(sheet, rows, handle)

    def _apply_controls(self, sheet, rows) -> None:
        self._load_risks(values["risk"] for _, values in rows)
        existing = defaultdict(list)
        for control in Control.objects.filter(risk__reference__in=[v["risk"] for _, v in rows]):
            existing[(control.risk_id, control.description.strip())].append(control)

        def handle(number, values):
            risk = self._risk(sheet, number, "risk", values["risk"])
            found = existing[(risk.pk, values["description"])]
            control = found[0] if found else None
            owner = (
                self._person(sheet, number, "owner", values.get("owner"))
                if "owner" in values
                else (control.owner if control else None)
            )
            effectiveness = values.get("effectiveness") or (
                control.effectiveness if control else "not_assessed"
            )
            label = f"{risk.reference}: {values['description'][:60]}"
            if control is None:
                control = risk_services.control_create(
                    risk=risk,
                    description=values["description"],
                    owner=owner,
                    effectiveness=effectiveness,
                )
                existing[(risk.pk, values["description"])].append(control)
                if values.get("is_archived"):
                    risk_services.control_archive(control=control)
                return CREATED, label
            if (control.owner_id, control.effectiveness) != (
                getattr(owner, "pk", None),
                effectiveness,
            ):
                self._fail(
                    sheet,
                    number,
                    "effectiveness",
                    "this control is already recorded with another owner or effectiveness: change it on the risk's page",
                )
            if values.get("is_archived") and not control.is_archived:
                risk_services.control_archive(control=control)
                return CHANGED, label
            return UNCHANGED, label

        self._each(sheet, rows, handle)

    def _apply_actions(self, sheet, rows) -> None:
        self._load_risks(values["risk"] for _, values in rows)
        existing = {}
        for item in Action.objects.filter(risk__reference__in=[v["risk"] for _, v in rows]):
            existing.setdefault((item.risk_id, item.description.strip()), item)
        progress_fields = ["status", "percent_complete", "progress", "on_track", "revised_due_on"]

        def handle(number, values):
            risk = self._risk(sheet, number, "risk", values["risk"])
            owner = self._person(sheet, number, "owner", values["owner"])
            item = existing.get((risk.pk, values["description"]))
            label = f"{risk.reference}: {values['description'][:60]}"
            action = UNCHANGED
            if item is None:
                item = risk_services.action_create(
                    risk=risk,
                    description=values["description"],
                    owner=owner,
                    due_on=values["due_on"],
                )
                existing[(risk.pk, values["description"])] = item
                action = CREATED
            elif item.due_on != values["due_on"]:
                self._fail(
                    sheet,
                    number,
                    "due_on",
                    f"the agreed due date is {item.due_on:%d/%m/%Y} and never changes: put a new date in Revised due on",
                )
            changes = {}
            for key in progress_fields:
                if key in values and values[key] is not None and getattr(item, key) != values[key]:
                    changes[key] = values[key]
            if item.owner_id != owner.pk:
                changes["owner"] = owner
            if "progress" in values and values["progress"] is None and item.progress:
                changes["progress"] = ""
            if changes:
                risk_services.action_update(action=item, **changes)
                action = action if action == CREATED else CHANGED
            return action, label

        self._each(sheet, rows, handle)

    def _apply_assessments(self, sheet, rows) -> None:
        self._load_risks(values["risk"] for _, values in rows)
        existing = {
            (a.risk_id, a.assessed_on): a
            for a in Assessment.objects.filter(risk__reference__in=[v["risk"] for _, v in rows])
        }
        rows = sorted(rows, key=lambda r: (r[1]["assessed_on"], r[0]))  # date order, as recorded

        def handle(number, values):
            risk = self._risk(sheet, number, "risk", values["risk"])
            found = existing.get((risk.pk, values["assessed_on"]))
            label = f"{risk.reference} {values['assessed_on']:%d/%m/%Y}"
            period = (
                self._period(sheet, number, "period", values["period"]).key
                if values.get("period")
                else None
            )
            if found is not None:
                same = (found.likelihood, found.impact) == (values["likelihood"], values["impact"])
                same = same and (period is None or period == found.period)
                same = same and (
                    "commentary" not in values
                    or self._text(values, "commentary") == found.commentary
                )
                if not same:
                    self._fail(
                        sheet,
                        number,
                        "likelihood",
                        f"risk {risk.reference} already has an assessment on {values['assessed_on']:%d/%m/%Y} with other figures: past assessments are not changed",
                    )
                return UNCHANGED, label
            assessor = self._person(sheet, number, "assessor", values.get("assessor")) or self.user
            risk = Risk.objects.get(pk=risk.pk)
            assessment = risk_services.assessment_record(
                risk=risk, likelihood=values["likelihood"], impact=values["impact"], assessor=assessor,
                assessed_on=values["assessed_on"], period=period, commentary=self._text(values, "commentary"),
            )  # fmt: skip
            existing[(risk.pk, values["assessed_on"])] = assessment
            return CREATED, label

        self._each(sheet, rows, handle)

    def _finish_risks(self) -> None:
        """After controls, actions and assessments: bring each risk's current rating to the file's
        (recording a review when it differs) and close the risks the file says are closed."""
        for sheet, number, risk, current, status, values in self._risk_followups:
            try:
                with transaction.atomic():
                    risk = Risk.objects.get(pk=risk.pk)
                    changed = False
                    if (
                        risk.current_likelihood,
                        risk.current_impact,
                    ) != current and risk.status != RiskStatus.CLOSED:
                        risk_services.assessment_record(
                            risk=risk, likelihood=current[0], impact=current[1], assessor=self.user,
                            assessed_on=self.assessed_on_for_changes,
                            commentary="Current rating changed by an import.",
                        )  # fmt: skip
                        changed = True
                    if status == RiskStatus.CLOSED and risk.status != RiskStatus.CLOSED:
                        risk = Risk.objects.get(pk=risk.pk)
                        risk_services.risk_close(
                            risk=risk,
                            reason=self._text(values, "closure_reason") or "Closed.",
                            closed_on=values.get("closed_on"),
                        )
                        changed = True
                    elif status == RiskStatus.OPEN and risk.status == RiskStatus.CLOSED:
                        self._fail(
                            sheet,
                            number,
                            "status",
                            f"risk {risk.reference} is closed: a closed risk is not reopened by an import",
                        )
            except RowFailed:
                continue
            except ValidationError as error:
                self._service_problems(sheet, number, error)
                continue
            if changed:
                counts = self.outcome.counts[sheet.spec.title]
                if not any(
                    c["sheet"] == sheet.spec.title and c["row"] == number
                    for c in self.outcome.changes
                ):
                    counts[UNCHANGED] -= 1
                    counts[CHANGED] += 1
                    self._record_change_only(sheet, number, str(risk))

    def _record_change_only(self, sheet, number, label) -> None:
        if len(self.outcome.changes) < MAX_CHANGES_LISTED:
            self.outcome.changes.append(
                {"sheet": sheet.spec.title, "row": number, "action": CHANGED, "label": label}
            )


def import_tables(
    *, user: User, tables: list[Table], dry_run: bool, progress: Progress | None = None
) -> Outcome:
    """Import a file in our template's layout (any subset of its sheets)."""
    sheets, problems = tables_to_sheets(tables)
    if not sheets and not problems:
        problems = [Problem("File", None, None, "the file has no rows to import")]
    return Importer(user=user, dry_run=dry_run, progress=progress).run(sheets, problems)
