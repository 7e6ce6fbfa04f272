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

from scorecard.organisation.models import User

from ..readers import Table
from .actions import ActionSheets
from .base import ImporterBase
from .escalations import EscalationSheets
from .matrix import MatrixSheets
from .organisation import OrganisationSheets
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
    tables_to_sheets,
)
from .performance import PerformanceSheets
from .plans import PlanSheets
from .projects import ProjectSheets
from .risks import RiskSheets

__all__ = [
    "CHANGED",
    "CREATED",
    "MAX_CHANGES_LISTED",
    "UNCHANGED",
    "Importer",
    "InputSheet",
    "Outcome",
    "Problem",
    "Progress",
    "RowFailed",
    "import_tables",
    "tables_to_sheets",
]


class Importer(
    OrganisationSheets,
    PerformanceSheets,
    PlanSheets,
    MatrixSheets,
    RiskSheets,
    EscalationSheets,
    ProjectSheets,
    ActionSheets,
    ImporterBase,
):
    """One import by one person. Call `run(sheets)`; read the Outcome.

    Each area's sheets have their handlers (`_apply_<sheet key>`) in their own module."""


def import_tables(
    *, user: User, tables: list[Table], dry_run: bool, progress: Progress | None = None
) -> Outcome:
    """Import a file in our template's layout (any subset of its sheets)."""
    sheets, problems = tables_to_sheets(tables)
    if not sheets and not problems:
        problems = [Problem("File", None, None, "the file has no rows to import")]
    return Importer(user=user, dry_run=dry_run, progress=progress).run(sheets, problems)
