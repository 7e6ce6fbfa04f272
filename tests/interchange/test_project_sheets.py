"""Projects, milestones and finances in and out through the import: a council's own workbook (£
signs, thousands separators, a formula's float noise, dates as Excel dates or 31/03/2018), the
same file again changing nothing, a changed figure kept in history, bad rows named by row and
column with nothing written, who may import which sheet, and the council's own column names
through the matching page."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scorecard.interchange.importer import Outcome
from scorecard.interchange.models import Job
from scorecard.interchange.services import export_data, import_file
from scorecard.organisation.models import Directorate
from scorecard.performance import services as performance_services
from scorecard.projects import services as project_services
from scorecard.projects.models import Milestone, Programme, Project, ProjectFinance, ProjectStage

from .conftest import xlsx

pytestmark = pytest.mark.django_db

PROJECTS = [
    ["Reference", "Name", "Programme", "Project manager", "Sponsor", "Directorate", "Stage",
     "Start date", "End date", "Priorities"],
    ["TP01", "Digital by default", "Transformation Programme", "Erin Shaw", "admin",
     "Adult Services", "Delivery", dt.date(2017, 4, 1), "31/03/2019", "EFF"],
]  # fmt: skip
MILESTONES = [
    ["Project", "Milestone", "Planned", "Forecast", "Actual"],
    ["tp01", "New website live", dt.date(2017, 9, 1), "30/09/2017", None],
    ["Digital by default", "Online payments", "30/06/2017", None, dt.date(2017, 6, 28)],
]
FINANCES = [
    ["Project", "Financial year", "Budget", "Spend", "Forecast spend", "Savings target",
     "Savings achieved"],
    ["TP01", "2017/18", "£1,200,000", 610000.5000000001, "1,250,000", 4000000, 1900000],
]  # fmt: skip


@pytest.fixture
def plan(council):
    performance_services.corporate_plan_create(
        title="Corporate Plan 2017-2022",
        adopted_on=dt.date(2017, 5, 25),
        priorities=[("EFF", "An efficient council")],
    )
    return council


def workbook(**sheets) -> bytes:
    return xlsx({"Projects": PROJECTS, "Milestones": MILESTONES, "Finances": FINANCES} | sheets)


def run(user, data: bytes, dry_run: bool = False) -> Outcome:
    return import_file(user=user, data=data, filename="projects.xlsx", dry_run=dry_run)


def test_a_councils_projects_workbook_goes_in_and_the_same_file_again_changes_nothing(plan):
    admin = plan["admin"]
    outcome = run(admin, workbook())
    assert [str(p) for p in outcome.problems] == []
    counts = outcome.counts
    assert (counts["Projects"]["created"], counts["Milestones"]["created"]) == (1, 2)
    assert counts["Finances"]["created"] == 1
    # The programme and the stage the file names are added, and said so in the preview.
    assert counts["Programmes"]["created"] == counts["Project stages"]["created"] == 1
    # 610000.5000000001 is a formula's float noise: kept as 610000.500000 with a notice.
    assert [(n.sheet, n.row, n.column) for n in outcome.notices] == [("Finances", 2, "Spend")]

    project = Project.objects.select_related("programme", "owner", "sponsor", "stage").get()
    assert (project.reference, project.name, project.programme.name) == (
        "TP01", "Digital by default", "Transformation Programme"
    )  # fmt: skip
    assert (project.owner.username, project.sponsor.username) == ("editor", "admin")
    assert (project.directorate.code, project.stage.name) == ("ASC", "Delivery")
    assert (project.start_date, project.end_date) == (dt.date(2017, 4, 1), dt.date(2019, 3, 31))
    assert [p.code for p in project.priorities.all()] == ["EFF"]
    assert [
        (m.name, m.planned_date, m.forecast_date, m.actual_date)
        for m in Milestone.objects.order_by("planned_date")
    ] == [
        ("Online payments", dt.date(2017, 6, 30), None, dt.date(2017, 6, 28)),
        ("New website live", dt.date(2017, 9, 1), dt.date(2017, 9, 30), None),
    ]
    finance = ProjectFinance.objects.get()
    # As written in the file: £ and commas taken off, the float noise rounded away.
    assert (finance.year, finance.budget, finance.spend, finance.forecast_spend) == (
        "2017/18", Decimal("1200000"), Decimal("610000.50"), Decimal("1250000")
    )  # fmt: skip
    assert (finance.savings_target, finance.savings_achieved) == (
        Decimal("4000000"),
        Decimal("1900000"),
    )

    again = run(admin, workbook())
    assert [str(p) for p in again.problems] == []
    assert again.totals()["created"] == again.totals()["changed"] == 0
    assert Project.objects.count() == ProjectFinance.objects.count() == 1
    assert Programme.objects.count() == ProjectStage.objects.count() == 1


def test_a_changed_figure_updates_the_year_and_keeps_what_it_was_in_history(plan):
    admin = plan["admin"]
    run(admin, workbook())
    changed = [row[:] for row in FINANCES]
    changed[1][2] = "£1,300,000"
    milestones = [row[:] for row in MILESTONES]
    milestones[1][4] = "02/10/2017"  # the website went live
    outcome = run(admin, workbook(Finances=changed, Milestones=milestones))
    assert [str(p) for p in outcome.problems] == []
    assert outcome.counts["Finances"] == {"created": 0, "changed": 1, "unchanged": 0}
    assert outcome.counts["Milestones"] == {"created": 0, "changed": 1, "unchanged": 1}
    finance = ProjectFinance.objects.get()
    assert finance.budget == Decimal("1300000")
    assert [h.budget for h in finance.history.order_by("history_date")] == [
        Decimal("1200000"),
        Decimal("1300000"),
    ]
    website = Milestone.objects.get(name="New website live")
    assert website.actual_date == dt.date(2017, 10, 2)
    assert website.history.count() == 2


def test_bad_rows_are_named_by_row_and_column_and_nothing_is_written(plan):
    projects = [
        PROJECTS[0],
        PROJECTS[1],
        ["TP02", "Depot", "", "admin", "", "ASC", "", dt.date(2017, 4, 1), "soon", ""],
        ["TP03", "Libraries", "", "Nobody Known", "", "ASC", "", "01/04/2017", "31/03/2018", "XYZ"],
    ]  # fmt: skip
    milestones = [MILESTONES[0], ["XX9", "Opening", "01/09/2017", None, None]]
    finances = [
        FINANCES[0],
        ["TP01", "2017/18-Q2", "100", None, None, None, None],
        ["TP01", "2018/19", "lots", None, None, None, None],
        ["TP01", "2019/20", "-5", None, None, None, None],
    ]
    outcome = run(
        plan["admin"], workbook(Projects=projects, Milestones=milestones, Finances=finances)
    )
    assert sorted(str(p) for p in outcome.problems) == [
        "Finances, row 2, column Financial year: '2017/18-Q2' is a quarter: give a year.",
        "Finances, row 3, column Budget: 'lots' is not a number.",
        "Finances, row 4, column Budget: Enter an amount of money, zero or more.",
        "Milestones, row 2, column Project: There is no project 'XX9'.",
        "Projects, row 3, column End date: 'soon' is not a date: write it as 31/07/2019 or "
        "2019-07-31.",
        "Projects, row 4, column Priorities: There is no Corporate Plan priority XYZ.",
        "Projects, row 4, column Project manager: Nobody called 'Nobody Known' can sign in: give "
        "a username, email or full name of a person in the system.",
    ]
    assert not outcome.written
    assert not Project.objects.exists() and not Programme.objects.exists()
    assert not ProjectStage.objects.exists() and not ProjectFinance.objects.exists()


@pytest.fixture
def project(plan):
    """A project of Adult Services managed by the Adult Services editor."""
    return project_services.project_create(
        reference="TP01",
        name="Digital by default",
        owner=plan["editor"],
        directorate=Directorate.objects.get(code="ASC"),
        start_date=dt.date(2017, 4, 1),
        end_date=dt.date(2019, 3, 31),
    )


def test_a_project_manager_imports_milestones_and_only_the_team_its_finances(plan, project):
    only_milestones = xlsx({"Milestones": MILESTONES})
    outcome = run(plan["editor"], only_milestones)
    assert [str(p) for p in outcome.problems] == []
    assert outcome.counts["Milestones"]["created"] == 2

    outcome = run(plan["editor"], xlsx({"Finances": FINANCES}))
    assert [str(p) for p in outcome.problems] == [
        "Finances, row 2: Only the performance and risk team can add or change finances."
    ]
    outcome = run(plan["reader"], only_milestones)
    assert [str(p) for p in outcome.problems] == [
        "Milestones, row 2, column Project: You may not change project Digital by default "
        "(also row 3)."
    ]
    assert not ProjectFinance.objects.exists()


def test_a_reader_re_imports_their_export_and_nothing_changes(plan, project):
    run(plan["admin"], xlsx({"Milestones": MILESTONES[:2], "Finances": FINANCES}))
    exported = export_data(user=plan["reader"], fmt="xlsx")
    outcome = run(plan["reader"], exported, dry_run=True)
    projects = {k: outcome.counts[k] for k in ("Projects", "Finances")}
    assert projects == {
        "Projects": {"created": 0, "changed": 0, "unchanged": 1},
        "Finances": {"created": 0, "changed": 0, "unchanged": 1},
    }


def upload(client, name: str, data: bytes) -> Job:
    client.post(reverse("interchange:index"), {"file": SimpleUploadedFile(name, data, "text/csv")})
    return Job.objects.latest("pk")


def match(client, job: Job, kind: str, columns: dict, fixed: dict) -> Outcome:
    data = {"kind": kind} | {f"col_{k}": v for k, v in columns.items()}
    data |= {f"fixed_{k}": v for k, v in fixed.items()}
    response = client.post(reverse("interchange:mapping", args=[job.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    job.refresh_from_db()
    return Outcome.from_dict(job.result)


def test_the_councils_own_columns_through_the_matching_page(client, plan):
    client.force_login(plan["admin"])
    own_projects = (
        b"Project code,Project title,PM,Start,Finish\n"
        b"CP01,Parkway station,Alex Morgan,01/10/2016,30/06/2019\n"
    )
    job = upload(client, "capital.csv", own_projects)
    columns = {"reference": "Project code", "name": "Project title", "owner": "PM"}
    columns |= {"start_date": "Start", "end_date": "Finish"}
    fixed = {"directorate": "EI", "programme": "Capital programme"}
    preview = match(client, job, "projects", columns, fixed)
    assert [str(p) for p in preview.problems] == []
    client.post(reverse("interchange:job_confirm", args=[job.pk]))
    station = Project.objects.select_related("programme").get(reference="CP01")
    assert (station.programme.name, station.directorate.code) == ("Capital programme", "EI")

    own_milestones = (
        b"Key milestone,Baseline,Revised,Done\n"
        b"Contract signed,30/09/2017,30/11/2017,\n"
        b"Station open,31/05/2019,,\n"
    )
    job = upload(client, "milestones.csv", own_milestones)
    columns = {"name": "Key milestone", "planned_date": "Baseline"}
    columns |= {"forecast_date": "Revised", "actual_date": "Done"}
    preview = match(client, job, "milestones", columns, {"project": "CP01"})
    assert [str(p) for p in preview.problems] == []
    client.post(reverse("interchange:job_confirm", args=[job.pk]))
    assert [(m.name, m.forecast_date) for m in station.milestones.all()] == [
        ("Contract signed", dt.date(2017, 11, 30)),
        ("Station open", None),
    ]

    own_money = (
        'Scheme,Approved budget,Actual to date\nParkway station,"£8,000,000","£3,900,000"\n'
    ).encode()
    job = upload(client, "money.csv", own_money)
    columns = {"project": "Scheme", "budget": "Approved budget", "spend": "Actual to date"}
    preview = match(client, job, "project_finances", columns, {"year": "2017/18"})
    assert [str(p) for p in preview.problems] == []
    client.post(reverse("interchange:job_confirm", args=[job.pk]))
    finance = station.finances.get()
    assert (finance.year, finance.budget, finance.spend) == (
        "2017/18",
        Decimal("8000000"),
        Decimal("3900000"),
    )
