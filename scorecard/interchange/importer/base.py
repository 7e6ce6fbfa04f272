"""The core of the import: parse every cell, run each sheet's handler row by row inside one
transaction, turn refusals into Problems, and the look-ups the handlers share."""

import datetime as dt
from operator import itemgetter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.text import slugify

from scorecard.core import periods
from scorecard.core.figures import as_stored, rounding_notice
from scorecard.organisation import services as organisation_services
from scorecard.organisation.access import Action
from scorecard.organisation.models import Directorate, User
from scorecard.organisation.selectors import (
    organisation_settings_get,
    user_can_manage_organisation,
)
from scorecard.performance.access import indicator_access, user_can_administer
from scorecard.performance.models import Indicator
from scorecard.projects.access import user_can_manage_projects
from scorecard.risks.access import risk_access, user_can_manage_risks
from scorecard.risks.models import Register, Risk

from ..columns import local_moment
from ..schema import SHEETS, CellError
from .outcome import (
    CHANGED,
    CREATED,
    MAX_CHANGES_LISTED,
    UNCHANGED,
    InputSheet,
    Outcome,
    Problem,
    Progress,
    RowFailed,
    grouped,
    picker,
)


def model_update(instance, **changes) -> None:
    """Change fields that no service of the owning app changes yet (a plan's adoption date, a
    matrix band's colour...): full_clean() then save, inside the import's transaction."""
    for name, value in changes.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save(update_fields=list(changes))


UNREAD = object()  # a text not read yet

# Sheets imported together by one handler, `_apply_<group>`, given every sheet of the group.
GROUPS = {
    "scorecard_versions": "scorecard_versions",
    "scorecard_entries": "scorecard_versions",
    "risk_matrices": "matrix",
    "matrix_levels": "matrix",
    "matrix_bands": "matrix",
    "matrix_cells": "matrix",
}


class ImporterBase:
    """One import by one person. Call `run(sheets)`; read the Outcome."""

    def __init__(self, *, user: User, dry_run: bool, progress: Progress | None = None):
        self.user = user
        self.dry_run = dry_run
        self.progress = progress or (lambda done, total: None)
        self.outcome = Outcome(dry_run=dry_run)
        self.start_month = organisation_settings_get().financial_year_start_month
        # Sheets changed by a team (SheetSpec.team): each app's own access function says who.
        self.teams = {
            "organisation": user_can_manage_organisation(user),
            "performance": user_can_administer(user),
            "risks": user_can_manage_risks(user),
            "projects": user_can_manage_projects(user),
        }
        self.is_admin = self.teams["organisation"]  # creates missing people, sets directors
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
        parsed = [(sheet, self._without_repeats(sheet, self._parse(sheet))) for sheet in sheets]
        self.progress(0, self._total)
        with transaction.atomic():
            self._risk_followups: list = []
            self._followups: list = []  # (sheet, row, label, write): run once every sheet is in
            groups_done, by_key = set(), {}
            for sheet, rows in parsed:
                by_key.setdefault(sheet.spec.key, (sheet, []))[1].extend(rows)
                self.outcome.counts.setdefault(
                    sheet.spec.title, {CREATED: 0, CHANGED: 0, UNCHANGED: 0}
                )
            for sheet, rows in parsed:
                group = GROUPS.get(sheet.spec.key)
                if group is None:
                    getattr(self, f"_apply_{sheet.spec.key}")(sheet, rows)
                elif group not in groups_done:  # sheets read together, e.g. a whole matrix
                    groups_done.add(group)
                    members = {k: v for k, v in by_key.items() if GROUPS.get(k) == group}
                    getattr(self, f"_apply_{group}")(members)
            for sheet, number, label, write in self._followups:
                self._follow_up(sheet, number, label, write)
            self._finish_risks()
            if not self.outcome.ok or self.dry_run:
                transaction.set_rollback(True)
        self.outcome.problems = grouped(self.outcome.problems)
        self.progress(self._total, self._total)
        return self.outcome

    def _parse(self, sheet: InputSheet) -> list[tuple[int, dict]]:
        """Each row's values in Python terms; rows with an unreadable cell are left out."""
        missing = [c for c in sheet.spec.columns if c.required and c.key not in sheet.headers]
        for column in missing:  # each one, once for the sheet
            self._problem(sheet, None, None, f"the column {column.header} is missing")
        if missing:
            return []
        columns = {column.key: column for column in sheet.spec.columns}
        constant, varying = self._constant_columns(sheet, columns)
        cells = picker(varying)
        # A text read once is not read again (codes, periods, choices repeat on every row).
        # Only texts: 1, 1.0 and True are equal keys, yet read differently.
        seen = {key: {} for key in columns if columns[key].kind != "json"}
        numbers = {key for key in columns if columns[key].kind == "number"}
        rows = []
        for number, raw in sheet.rows:
            values, failed = constant.copy(), False
            for key, value in zip(varying, cells(raw), strict=True) if constant else raw.items():
                known = seen.get(key) if type(value) is str else None
                if known is not None:
                    found = known.get(value, UNREAD)
                    if found is not UNREAD:
                        values[key] = found
                        continue
                try:
                    values[key] = found = columns[key].parse(value)
                except CellError as error:
                    self._problem(sheet, number, sheet.headers[key], str(error))
                    failed = True
                else:
                    if known is not None:
                        known[value] = found
            if not failed:
                for key in numbers.intersection(values):
                    values[key] = self._as_stored(sheet, number, key, values[key])
                rows.append((number, values))
        return rows

    def _without_repeats(self, sheet: InputSheet, rows: list) -> list:
        """A record given twice in one file, in any mix of case ("CFC02", "cfc02"), is a mistake,
        not an update where the last row wins: the later row is refused, naming the first."""
        identity = sheet.spec.identity
        if not identity:
            return rows
        first: dict[tuple, int] = {}
        kept = []
        for number, values in rows:
            key = tuple(str(values.get(k, "")).strip().lower() for k in identity)
            earlier = first.setdefault(key, number)
            if earlier == number:
                kept.append((number, values))
                continue
            given = ", ".join(str(values.get(k, "")) for k in identity)
            self._problem(
                sheet,
                number,
                None,
                f"this row repeats row {earlier} ({given}): keep only one of them",
            )
        return kept

    def _as_stored(self, sheet: InputSheet, row: int, key: str, number):
        """A figure with more decimal places than are stored (a spreadsheet formula's
        56.175000000000004), rounded half up to them, with a notice naming the cell."""
        stored = as_stored(number)
        if stored != number:
            self.outcome.notices.append(
                Problem(sheet.source, row, sheet.headers.get(key), rounding_notice("", number))
            )
        return stored

    @staticmethod
    def _constant_columns(sheet: InputSheet, columns: dict) -> tuple[dict, list]:
        """The columns holding the same text in every row (often none at all), read once, and
        the other columns; none when the rows do not all have the same columns."""
        raws = [raw for _, raw in sheet.rows]
        if not raws:
            return {}, []
        shape = raws[0].keys()
        if not all(map(shape.__eq__, map(dict.keys, raws))):
            return {}, []
        constant = {}
        for key in shape:
            texts = set(map(itemgetter(key), raws))
            if len(texts) > 1 or columns[key].kind == "json":
                continue
            (text,) = texts
            if type(text) is str:
                try:
                    constant[key] = columns[key].parse(text)
                except CellError:
                    continue  # each row tells its problem
        return constant, [key for key in shape if key not in constant]

    def _problem(
        self, sheet: InputSheet, row: int | None, column: str | None, message: str
    ) -> None:
        self.outcome.problems.append(Problem(sheet.source, row, column, message))

    def _fail(self, sheet: InputSheet, row: int, key: str | None, message: str):
        self._problem(sheet, row, sheet.headers.get(key) if key else None, message)
        raise RowFailed

    @staticmethod
    def _together(*lookups):
        """Each look-up of a row (a function of no arguments), run in turn, so every unknown
        value the row names is reported, not only the first; the row fails after them all."""
        found, failed = [], False
        for lookup in lookups:
            try:
                found.append(lookup())
            except RowFailed:  # its problem is recorded
                found.append(None)
                failed = True
        if failed:
            raise RowFailed
        return found

    def _record(self, sheet: InputSheet, row: int, action: str, label: str) -> None:
        self.outcome.counts[sheet.spec.title][action] += 1
        if action != UNCHANGED and len(self.outcome.changes) < MAX_CHANGES_LISTED:
            self.outcome.changes.append(
                {"sheet": sheet.spec.title, "row": row, "action": action, "label": label}
            )

    def _each(self, sheet: InputSheet, rows: list, handle) -> None:
        """Run `handle(number, values)` for each row, turning refusals into problems."""
        for number, values in rows:
            followups = len(self._followups)
            try:
                with transaction.atomic():
                    action, label = handle(number, values)
                    team = sheet.spec.team
                    if action != UNCHANGED and team and not self.teams[team]:
                        title = sheet.spec.title.lower()
                        self._fail(
                            sheet,
                            number,
                            None,
                            f"only the performance and risk team can add or change {title}",
                        )
            except RowFailed:
                del self._followups[followups:]  # the row's later writes go with it
            except ValidationError as error:
                del self._followups[followups:]
                self._service_problems(sheet, number, error)
            else:
                self._record(sheet, number, action, label)
            self._done += 1
            if self._done % 50 == 0:
                self.progress(self._done, self._total)

    def _follow_up(self, sheet: InputSheet, number: int, label: str, write) -> None:
        """Run a write left until every sheet was in (a director who is on the People sheet, the
        retirement of an indicator still to be put on a scorecard); when `write()` says it changed
        something, count the row as changed."""
        try:
            with transaction.atomic():
                changed = write()
        except RowFailed:
            return
        except ValidationError as error:
            self._service_problems(sheet, number, error)
            return
        if changed:
            self._count_changed(sheet, number, label)

    def _count_changed(self, sheet: InputSheet, number: int, label: str) -> None:
        """A row first counted unchanged turns out changed (by a write that came after it)."""
        if any(c["sheet"] == sheet.spec.title and c["row"] == number for c in self.outcome.changes):
            return
        counts = self.outcome.counts[sheet.spec.title]
        if counts[UNCHANGED]:
            counts[UNCHANGED] -= 1
            counts[CHANGED] += 1
        if len(self.outcome.changes) < MAX_CHANGES_LISTED:
            self.outcome.changes.append(
                {"sheet": sheet.spec.title, "row": number, "action": CHANGED, "label": label}
            )

    def _service_problems(self, sheet: InputSheet, row: int, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            for message in error.messages:
                self._problem(sheet, row, None, message)
            return
        aliases = {"likelihood": "likelihood", "impact": "impact", "band": None, "matrix": None}
        for name, messages in error.message_dict.items():
            key = name if name in sheet.headers else aliases.get(name, name)
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
            said = str(error)  # most messages name the text already
            self._fail(sheet, number, key, said if f"'{text}'" in said else f"'{text}': {said}")
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
            self._named("People", f"{person.get_full_name()} (cannot sign in)")
        if person is None:
            self._fail(
                sheet,
                number,
                key,
                f"nobody called '{text}' can sign in: give a username, email or full name of a person in the system",
            )
        return person

    def _actor(self, sheet, number, key, text, *, role: str) -> None:
        """An import records its own person as the one who acts (assesses, requests, decides):
        a column naming somebody else is refused; naming the person importing, or nobody, is
        what happens anyway."""
        if text is None or str(text).strip() == "":
            return
        names = (self.user.username, self.user.email, self.user.get_full_name())
        if str(text).strip().lower() in {n.strip().lower() for n in names if n}:
            return
        self._fail(
            sheet,
            number,
            key,
            f"'{text}' is not you: an import records you, {self.user.username}, as the "
            f"{role}. Leave the column empty, or ask {text} to record it",
        )

    def _moment_notice(self, sheet, number, key, given, recorded) -> None:
        """A moment given for something this import records: the council's clock stamps it
        instead, as it does on the pages, so nobody chooses when they acted."""
        if given is None:
            return
        self.outcome.notices.append(
            Problem(
                sheet.source,
                number,
                sheet.headers.get(key),
                f"recorded at the time of the import, {local_moment(recorded):%d/%m/%Y %H:%M}, "
                "not at the time given",
            )
        )

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

    def _risk(self, sheet, number, key, reference, *, edit: bool = True) -> Risk:
        risk = self._risks.get(str(reference).lower()) if hasattr(self, "_risks") else None
        if risk is None:
            risk = Risk.objects.filter(reference__iexact=reference).first()
        if risk is None:
            self._fail(sheet, number, key, f"there is no risk {reference}")
        if edit and risk.pk not in self._risks_editable:
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
        wanted = {c.lower() for c in map(str, codes)} - self._indicators.keys()
        found = Indicator.objects.alias(key=Lower("code")).filter(key__in=wanted)  # any case
        for indicator in found.prefetch_related("updaters"):
            self._indicators[indicator.code.lower()] = indicator
        self._indicators_editable |= set(
            indicator_access(self.user, Action.EDIT, found).values_list("pk", flat=True)
        )

    def _load_risks(self, references) -> None:
        if not hasattr(self, "_risks"):
            self._risks, self._risks_editable = {}, set()
        wanted = {r.lower() for r in map(str, references)} - self._risks.keys()
        found = Risk.objects.alias(key=Lower("reference")).filter(key__in=wanted)  # any case
        for risk in found:
            self._risks[risk.reference.lower()] = risk
        self._risks_editable |= set(
            risk_access(self.user, Action.EDIT, found).values_list("pk", flat=True)
        )

    @staticmethod
    def _text(values: dict, key: str) -> str:
        value = values.get(key)
        return "" if value is None else str(value)
