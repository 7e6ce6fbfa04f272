"""Actions on indicators and projects in and out through the import: the council's words for
status and Yes/No, the same file again changing nothing, progress changed with history, the
agreed date refused as a change, bad rows named by row and column with nothing written."""

import datetime as dt

import pytest

from scorecard.actions.models import Action
from scorecard.interchange.services import export_data, import_file
from scorecard.organisation.models import Directorate
from scorecard.performance import services as performance_services
from scorecard.projects import services as project_services

from .conftest import xlsx

pytestmark = pytest.mark.django_db

HEADER = ["Belongs to", "Indicator or project", "Action", "Owner", "Due on", "Status",
          "Percent complete", "Progress", "On track"]  # fmt: skip


@pytest.fixture
def subjects(council):
    asc = Directorate.objects.get(code="ASC")
    performance_services.indicator_create(
        code="HW01", title="Care home placements", directorate=asc
    )
    project_services.project_create(
        reference="TP01", name="Digital by default", owner=council["editor"], directorate=asc,
        start_date=dt.date(2017, 4, 1), end_date=dt.date(2019, 3, 31),
    )  # fmt: skip
    return council


def run(user, rows, dry_run=False):
    data = xlsx({"Indicator and project actions": [HEADER, *rows]})
    return import_file(user=user, data=data, filename="actions.xlsx", dry_run=dry_run)


ROWS = [
    ["Indicator", "hw01", "Extend Home First reablement", "Erin Shaw", "30/11/2017",
     "In progress", 60, "Live at two hospitals.", "No"],
    ["Project", "Digital by default", "Agree the go-live date", "editor", dt.date(2017, 12, 15),
     "not started", None, None, "Yes"],
]  # fmt: skip


def test_indicator_and_project_actions_go_in_and_the_same_file_again_changes_nothing(subjects):
    admin = subjects["admin"]
    outcome = run(admin, ROWS)
    assert [str(p) for p in outcome.problems] == []
    assert outcome.counts["Indicator and project actions"]["created"] == 2
    reablement = Action.objects.get(indicator__code="HW01")
    assert (reablement.owner.username, reablement.due_on) == ("editor", dt.date(2017, 11, 30))
    assert (reablement.status, reablement.percent_complete, reablement.on_track) == (
        "in_progress", 60, False
    )  # fmt: skip
    assert Action.objects.get(project__reference="TP01").description == "Agree the go-live date"

    again = run(admin, ROWS)
    assert again.counts["Indicator and project actions"] == {
        "created": 0, "changed": 0, "unchanged": 2
    }  # fmt: skip

    # Progress changes, with its history kept; the agreed date may not.
    moved = [[*ROWS[0][:5], "In progress", 80, "Live at all three.", "Yes"]]
    assert run(admin, moved).counts["Indicator and project actions"]["changed"] == 1
    reablement.refresh_from_db()
    assert reablement.percent_complete == 80
    assert [h.percent_complete for h in reablement.history.order_by("history_id")][-2:] == [60, 80]
    later = [[*ROWS[0][:4], "31/01/2018", *ROWS[0][5:]]]
    problems = [str(p) for p in run(admin, later).problems]
    assert len(problems) == 1 and "Due on" in problems[0] and "never changes" in problems[0]


def test_bad_rows_are_named_and_nothing_is_written(subjects):
    rows = [
        ["Indicator", "XX99", "Unknown indicator", "editor", "30/11/2017", None, None, None, None],
        ["Project", "TP01", "No owner", "nobody at all", "30/11/2017", None, None, None, None],
        ["Risk", "CR1", "Wrong kind", "editor", "30/11/2017", None, None, None, None],
        *ROWS,
    ]
    outcome = run(subjects["admin"], rows)
    found = {(p.row, p.column) for p in outcome.problems}
    assert {(2, "Indicator or project"), (3, "Owner"), (4, "Belongs to")} <= found
    assert not Action.objects.exists()


def test_the_export_goes_back_in_unchanged(subjects):
    run(subjects["admin"], ROWS)
    exported = export_data(user=subjects["admin"], fmt="xlsx")
    outcome = import_file(user=subjects["admin"], data=exported, filename="x.xlsx", dry_run=True)
    assert outcome.counts["Indicator and project actions"] == {
        "created": 0, "changed": 0, "unchanged": 2
    }  # fmt: skip
