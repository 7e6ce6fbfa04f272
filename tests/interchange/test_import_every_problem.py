"""Every problem of a file is reported at once, not only the first of each row, so a person
corrects the file in one go: one message per column, each naming its row; a missing column, or
the same unknown value in many rows, said once. Nothing is written while any problem remains."""

import pytest

from scorecard.interchange.services import import_file
from scorecard.performance.models import Measurement, Target
from scorecard.risks.models import Escalation

from .conftest import INDICATORS, xlsx
from .test_import import RISKS

pytestmark = pytest.mark.django_db


def problems(user, sheets: dict) -> list[str]:
    outcome = import_file(user=user, data=xlsx(sheets), filename="in.xlsx", dry_run=False)
    assert not outcome.written
    return [str(p) for p in outcome.problems]


@pytest.fixture
def admin(council):
    assert problems_free(council["admin"], {"Indicators": INDICATORS, "Risks": RISKS})
    return council["admin"]


def problems_free(user, sheets: dict) -> bool:
    outcome = import_file(user=user, data=xlsx(sheets), filename="in.xlsx", dry_run=False)
    return outcome.ok


def test_each_unknown_value_of_a_row_is_reported(admin):
    rows = [["Indicator", "Period", "Value"], ["XX99", "2017/18-Q9", 5]]
    assert problems(admin, {"Measurements": rows}) == [
        "Measurements, row 2, column Period: '2017/18-Q9': a quarter is numbered 1 to 4, not 9.",
        "Measurements, row 2, column Indicator: There is no indicator XX99.",
    ]
    assert not Measurement.objects.exists()


def test_each_unreadable_cell_of_a_row_is_reported(admin):
    rows = [["Indicator", "Period", "Value", "Numerator", "Data quality"],
            ["ASC01", "2017/18-Q2", "n/a", "ten", "guessed"]]  # fmt: skip
    said = problems(admin, {"Measurements": rows})
    assert [message.split(":")[0] for message in said] == [
        "Measurements, row 2, column Value",
        "Measurements, row 2, column Numerator",
        "Measurements, row 2, column Data quality",
    ]


def test_an_escalation_naming_three_unknown_things_has_three_problems(admin):
    rows = [["Risk", "Direction", "To register", "Reason", "Requested by", "Requested at"],
            ["ZZ1", "up", "Nowhere Register", "Why not.", "nobody", "02/10/2017 09:30"]]  # fmt: skip
    assert problems(admin, {"Escalations": rows}) == [
        "Escalations, row 2, column Risk: There is no risk ZZ1.",
        "Escalations, row 2, column To register: There is no risk register called "
        "'Nowhere Register'.",
        "Escalations, row 2, column Requested by: Nobody called 'nobody' can sign in: give a "
        "username, email or full name of a person in the system.",
    ]
    assert not Escalation.objects.exists()


def test_every_missing_column_is_named_once(admin):
    rows = [["Notes"], ["Plan"], ["Plan"]]
    assert problems(admin, {"Targets": rows}) == [
        "Targets: The column Indicator is missing.",
        "Targets: The column Period is missing.",
        "Targets: The column Value is missing.",
    ]
    assert not Target.objects.exists()


def test_the_same_unknown_value_in_many_rows_is_said_once_with_its_rows(admin):
    rows = [["Indicator", "Period", "Value"]] + [
        [code, f"2017/18-Q{quarter}", 5] for quarter in (1, 2, 3) for code in ("XX99", "ASC01")
    ]
    rows[6][0] = "YY01"  # row 7: another unknown code, said on its own
    assert problems(admin, {"Measurements": rows}) == [
        "Measurements, row 2, column Indicator: There is no indicator XX99 (also rows 4 and 6).",
        "Measurements, row 7, column Indicator: There is no indicator YY01.",
    ]
    assert not Measurement.objects.exists()
