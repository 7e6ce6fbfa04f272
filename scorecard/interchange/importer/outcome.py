"""What an import says back: the problems (sheet, row, column, message) and the counts, and the
sheets recognised in a file."""

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter

from ..readers import Table
from ..schema import SHEETS, SheetSpec, sheet_for
from ..writers import READ_ME

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
    # What was read differently from the file without stopping the import: a figure with more
    # decimal places than are stored, rounded half up (same sheet, row and column as a problem).
    notices: list[Problem] = field(default_factory=list)

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
            "notices": [n.as_dict() for n in self.notices],
        }

    @staticmethod
    def from_dict(data: dict) -> "Outcome":
        return Outcome(
            dry_run=data["dry_run"],
            counts=data["counts"],
            changes=data["changes"],
            problems=[Problem(**p) for p in data["problems"]],
            rows=data["rows"],
            notices=[Problem(**n) for n in data.get("notices", [])],
        )

    def totals(self) -> dict[str, int]:
        totals = {CREATED: 0, CHANGED: 0, UNCHANGED: 0}
        for counts in self.counts.values():
            for action, number in counts.items():
                totals[action] += number
        return totals


MAX_CHANGES_LISTED = 200
ROWS_NAMED = 10  # in one problem said for many rows


def grouped(problems: list[Problem]) -> list[Problem]:
    """The same problem in many rows (an unknown code, a value not among the choices) said once,
    at its first row, with the other rows it affects, so a person reads each mistake once."""
    same: dict[tuple, list[Problem]] = {}
    for problem in problems:
        same.setdefault((problem.sheet, problem.column, problem.message), []).append(problem)
    said = []
    for (sheet, column, message), found in same.items():
        rows = sorted({p.row for p in found if p.row is not None})
        if len(rows) < 2:
            said.append(found[0])
            continue
        others = [str(row) for row in rows[1 : ROWS_NAMED + 1]]
        if len(rows) > ROWS_NAMED + 1:
            others.append(f"{len(rows) - ROWS_NAMED - 1} more")
        listed = others[0] if len(others) == 1 else f"{', '.join(others[:-1])} and {others[-1]}"
        noun = "row" if len(rows) == 2 else "rows"
        said.append(Problem(sheet, rows[0], column, f"{message} (also {noun} {listed})"))
    return said


def tables_to_sheets(tables: list[Table]) -> tuple[list[InputSheet], list[Problem]]:
    """Recognise our template's sheets among the tables of a file."""
    sheets, problems = [], []
    for table in tables:
        if table.name == READ_ME:  # the template's explanations, not data
            continue
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
        keys = list(matched)
        cells = picker([table.headers.index(header) for header in matched.values()])
        width = len(table.headers)
        rows = []
        for number, values in table.rows:
            if len(values) < width:  # a short row: its missing cells are empty
                values = values + [None] * (width - len(values))
            rows.append((number, dict(zip(keys, cells(values), strict=True))))
        sheets.append(InputSheet(spec, table.name, matched, rows))
    return sheets, problems


def picker(places: list):
    """A function giving a row's cells at these places (indexes of a list, keys of a dict), as
    a tuple, also of one cell or none."""
    if len(places) == 1:
        (place,) = places
        return lambda values: (values[place],)
    return itemgetter(*places) if places else lambda values: ()


class RowFailed(Exception):
    """Raised inside a row's handler to stop that row after a problem was recorded."""
