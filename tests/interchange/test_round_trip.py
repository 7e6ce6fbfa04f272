"""A whole-organisation export imported into an empty database reproduces it, and the export and
import commands work from the command line."""

import datetime as dt
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from python_calamine import CalamineWorkbook

from scorecard.actions import services as action_services
from scorecard.core import scoring
from scorecard.interchange import selectors, services
from scorecard.interchange.models import Job
from scorecard.interchange.readers import read_file
from scorecard.interchange.schema import SHEETS, sheet_for
from scorecard.interchange.services import export_data, import_file
from scorecard.organisation import clock
from scorecard.organisation import services as organisation_services
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate, Service, User
from scorecard.organisation.selectors import organisation_settings_get
from scorecard.performance import services as performance_services
from scorecard.performance.choices import Aggregation, PeriodState, ScorecardTier, Unit
from scorecard.performance.models import Indicator, Measurement, ScorecardVersion
from scorecard.projects import services as project_services
from scorecard.projects.models import Project
from scorecard.risks import services as risk_services
from scorecard.risks.choices import ActionStatus, EscalationStatus, RegisterKind, RiskCategory
from scorecard.risks.models import Assessment, Escalation, Risk, RiskMatrix

from .conftest import MEASUREMENTS, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def empty(db):
    """An empty database but for the person importing and the risk matrix."""
    admin = organisation_services.person_create(username="importer", password=None)
    organisation_services.membership_create(person=admin, role=Role.ADMINISTRATOR)
    risk_services.risk_matrix_create_default()
    # One person restores every value, so their approved ones are approved by who imports them.
    organisation_services.organisation_settings_update(
        name="Our Council", financial_year_start_month=4, allow_self_approval=True
    )
    return admin


def build_organisation(admin):
    """A little of everything a person keys in, through the services."""
    organisation_services.organisation_settings_update(
        name="Testshire County Council", financial_year_start_month=4, ons_code="E10000014"
    )
    asc = organisation_services.directorate_create(code="ASC", name="Adult Services")
    ei = organisation_services.directorate_create(code="EI", name="Economy and Infrastructure")
    organisation_services.service_create(directorate=asc, name="Safeguarding")
    roads = organisation_services.service_create(directorate=ei, name="Highways")
    roads.is_archived = True  # no service archives a service yet
    roads.save(update_fields=["is_archived"])
    erin = organisation_services.person_create(
        username="erin",
        password=None,
        first_name="Erin",
        last_name="Shaw",
        email="erin@example.gov.uk",
    )
    organisation_services.membership_create(
        person=erin, role=Role.DIRECTORATE_EDITOR, directorate=asc
    )
    payments = performance_services.indicator_create(
        code="ASC01", title="Direct payments", directorate=asc, unit=Unit.PERCENTAGE,
        aggregation=Aggregation.RATIO, owner=erin, updaters=[erin], definition="Users with a direct payment.",
    )  # fmt: skip
    waste = performance_services.indicator_create(
        code="EI01", title="Waste per head", directorate=ei, polarity="lower"
    )
    old = performance_services.indicator_create(
        code="EI99", title="Retired measure", directorate=ei
    )
    performance_services.target_set(
        indicator=payments, period="2017/18", value="30.5", notes="Plan"
    )
    performance_services.target_set(indicator=waste, period="2017/18-Q1", value=120)
    q1 = performance_services.measurement_record(
        indicator=payments,
        period="2017/18-Q1",
        by=erin,
        numerator=270,
        denominator=1000,
        commentary="Up",
        improvement_actions="Promote direct payments at every review.",
    )
    q1 = performance_services.measurement_submit(
        measurement=q1, by=erin, expected_version=q1.version
    )
    performance_services.measurement_approve(measurement=q1, by=admin, expected_version=q1.version)
    performance_services.measurement_record(
        indicator=waste, period="2017/18-Q1", by=admin, value="118.25", data_quality="provisional"
    )
    corporate = risk_services.register_create(
        name="Corporate Risk Register", kind=RegisterKind.CORPORATE
    )
    adults = risk_services.register_create(
        name="Adults register", kind=RegisterKind.DIRECTORATE, directorate=asc, parent=corporate
    )
    area = risk_services.risk_area_create(
        name="Adult Social Care", owner=erin, mitigation_summary="Market work"
    )
    market = risk_services.risk_create(
        reference="ASC-R1", title="Care market failure", category=RiskCategory.FINANCIAL, owner=erin,
        register=adults, area=area, inherent_likelihood=5, inherent_impact=5, current_likelihood=4,
        current_impact=4, target_likelihood=2, target_impact=4, target_date=dt.date(2019, 3, 31),
        identified_on=dt.date(2017, 4, 3), is_confidential=True, cause="Low fees",
    )  # fmt: skip
    risk_services.control_create(
        risk=market, description="Provider monitoring", effectiveness="effective"
    )
    action = risk_services.action_create(
        risk=market,
        description="Fee review",
        owner=erin,
        due_on=dt.date(2018, 3, 31),
        already_agreed=True,
    )
    risk_services.action_update(
        action=action,
        status=ActionStatus.IN_PROGRESS,
        percent_complete=60,
        progress="Consulting",
        revised_due_on=dt.date(2018, 6, 30),
    )
    risk_services.assessment_record(
        risk=market,
        likelihood=4,
        impact=4,
        assessor=admin,
        assessed_on=dt.date(2017, 6, 30),
        commentary="Stable",
    )
    risk_services.assessment_record(
        risk=market,
        likelihood=3,
        impact=4,
        assessor=admin,
        assessed_on=dt.date(2017, 9, 29),
        commentary="Lower after the new contracts.",
    )
    cyber = risk_services.risk_create(
        reference="CR2", title="Cyber attack", category=RiskCategory.INFORMATION, owner=admin,
        register=corporate, inherent_likelihood=4, inherent_impact=5, current_likelihood=3,
        current_impact=5, identified_on=dt.date(2017, 4, 3),
    )  # fmt: skip
    risk_services.risk_close(
        risk=cyber, reason="Merged into ASC-R1", closed_on=dt.date(2017, 10, 2)
    )
    # Locked once its reviews are in: a locked quarter refuses a review filed to it.
    performance_services.reporting_period_set_state(
        period="2017/18-Q1", state=PeriodState.LOCKED, by=admin
    )
    build_setup(admin, erin, asc, [payments, waste, old], market, corporate)


def build_setup(admin, erin, asc, indicators, market, corporate):
    """The Corporate Plan, a scorecard refreshed once, a matrix of our own made current, the
    appetite, a director, and an escalation request with its decision."""
    payments, waste, old = indicators
    organisation_services.directorate_update(
        directorate=asc, code=asc.code, name=asc.name, director=erin, is_archived=False
    )
    plan_2013 = performance_services.corporate_plan_create(
        title="Corporate Plan 2013-2017", adopted_on=dt.date(2013, 5, 16),
        priorities=[("OFB", "Open for Business"), ("CAF", "Children and Families")],
    )  # fmt: skip
    plan = performance_services.corporate_plan_create(
        title="Corporate Plan 2017-2022", adopted_on=dt.date(2017, 5, 25),
        priorities=[("OFB", "Open for Business"), ("HWB", "Health and Well-being")],
    )  # fmt: skip
    performance_services.priority_create(
        plan=plan, code="RUN", title="Running the council", order=9
    )
    scorecard = performance_services.scorecard_create(
        name="Corporate Balanced Scorecard", is_published=True
    )
    performance_services.scorecard_create(
        name="Adult Services Scorecard", tier=ScorecardTier.DIRECTORATE, directorate=asc
    )
    ofb_2013, caf = plan_2013.priorities.order_by("order")
    ofb, hwb = plan.priorities.order_by("order")[:2]
    performance_services.scorecard_version_create(
        scorecard=scorecard, live_from="2016/17-Q1", corporate_plan=plan_2013,
        entries=[(waste, ofb_2013), (old, ofb_2013), (payments, caf)],
    )  # fmt: skip
    performance_services.scorecard_refresh(
        scorecard=scorecard, live_from="2017/18-Q2", corporate_plan=plan,
        move={waste: ofb, payments: hwb}, retire=[old], notes="Refreshed for the new Corporate Plan.",
    )  # fmt: skip
    performance_services.indicator_retire(indicator=old)  # off the scorecard, then retired
    default = scoring.default_matrix()
    levels = [
        scoring.Level(lv.number, lv.label, f"{lv.descriptor} (our wording)")
        for lv in default.likelihood
    ]
    bands = [*default.bands[:2], scoring.Band("red", "Red", "#aa0000", 3, 1)]
    cells = dict(default.cells) | {(4, 3): "red"}
    risk_services.risk_matrix_create(
        name="Testshire 5 x 5", likelihood=levels, impact=default.impact, bands=bands, cells=cells
    )
    risk_services.risk_appetite_set(
        category=RiskCategory.FINANCIAL, maximum_score=12, statement="Moderate, for savings."
    )
    risk_services.risk_appetite_set(category=RiskCategory.SAFEGUARDING, maximum_score=4)
    request = risk_services.escalation_request(
        risk=market, to_register=corporate, reason="Affects every directorate.", requested_by=admin
    )
    risk_services.escalation_decide(
        escalation=request, accepted=True, decided_by=admin, note="Agreed by CMT."
    )
    build_projects(admin, erin, asc, [ofb, caf])


def build_projects(admin, erin, asc, priorities):
    """A programme's project with a reference, one without, their milestones and finances; OFB
    is a code of both Corporate Plans, and the project serves the later plan's."""
    stage = project_services.project_stage_create(name="Delivery", order=1)
    programme = project_services.programme_create(name="Transformation Programme")
    digital = project_services.project_create(
        reference="TP01", name="Digital by default", owner=erin, sponsor=admin, directorate=asc,
        programme=programme, stage=stage, start_date=dt.date(2017, 4, 1),
        end_date=dt.date(2019, 3, 31), priorities=priorities, description="Online first.",
    )  # fmt: skip
    depot = project_services.project_create(
        name="Depot rebuild", owner=admin, directorate=asc, start_date=dt.date(2016, 10, 1),
        end_date=dt.date(2018, 6, 30),
    )  # fmt: skip
    project_services.milestone_create(
        project=digital, name="New website live", planned_date=dt.date(2017, 9, 1),
        forecast_date=dt.date(2017, 9, 30),
    )  # fmt: skip
    project_services.milestone_create(
        project=depot, name="Planning consent", planned_date=dt.date(2017, 3, 31),
        actual_date=dt.date(2017, 3, 20),
    )  # fmt: skip
    project_services.project_finance_set(
        project=digital, year="2017/18", budget="1200000", savings_target="4000000",
        spend="610000.50", forecast_spend="1250000", savings_achieved="1900000",
    )  # fmt: skip
    project_services.project_finance_set(project=depot, year="2016/17", budget="250000")
    action = action_services.action_create(
        subject=digital, description="Agree the go-live date", owner=erin,
        due_on=dt.date(2017, 12, 15), already_agreed=True,
    )  # fmt: skip
    action_services.action_update(
        action=action, status="in_progress", percent_complete=40,
        progress="Contact centre consulted.", evidence="Board paper of 9 November.",
    )  # fmt: skip


def sheets(data: bytes, filename: str) -> dict:
    return {
        t.name: (t.headers, [values for _, values in t.rows]) for t in read_file(data, filename)
    }


MOMENTS = ("Requested at", "Decided at")  # stamped by the clock when the import records them


def without_moments(tables: dict) -> dict:
    return {
        name: (
            headers,
            [[v for h, v in zip(headers, row, strict=True) if h not in MOMENTS] for row in rows],
        )
        for name, (headers, rows) in tables.items()
    }


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_export_imported_into_an_empty_database_reproduces_it(empty, fmt):
    filename = f"export.{'xlsx' if fmt == 'xlsx' else 'zip'}"
    with transaction.atomic():
        build_organisation(empty)
        first = export_data(user=empty, fmt=fmt)
        transaction.set_rollback(True)
    assert not Directorate.objects.exists() and not Measurement.objects.exists()

    before = clock.now()
    outcome = import_file(user=empty, data=first, filename=filename, dry_run=False)
    assert [str(p) for p in outcome.problems] == []
    assert outcome.totals()["created"] >= 19
    second = export_data(user=empty, fmt=fmt)
    first_sheets, second_sheets = sheets(first, filename), sheets(second, filename)
    assert sum(len(rows) for _, rows in first_sheets.values()) > 20
    rows = {sheet_for(name, headers).key: rows for name, (headers, rows) in first_sheets.items()}
    assert set(rows) == {s.key for s in SHEETS}
    assert {key for key, sheet_rows in rows.items() if not sheet_rows} == set()  # all filled in
    # The request and its decision are recorded by the person importing, at the import's moment.
    assert without_moments(second_sheets) == without_moments(first_sheets)

    # What a person would check: the set-up came back as it was built.
    assert Directorate.objects.get(code="ASC").director.username == "erin"
    settings = organisation_settings_get()
    assert (settings.name, settings.financial_year_start_month, settings.ons_code) == (
        "Testshire County Council",
        4,
        "E10000014",
    )
    assert [(s.directorate.code, s.name, s.is_archived) for s in Service.objects.all()] == [
        ("ASC", "Safeguarding", False),
        ("EI", "Highways", True),
    ]
    versions = ScorecardVersion.objects.filter(scorecard__name="Corporate Balanced Scorecard")
    assert [
        (v.number, v.live_from, v.corporate_plan.title) for v in versions.order_by("number")
    ] == [
        (1, "2016/17-Q1", "Corporate Plan 2013-2017"),
        (2, "2017/18-Q2", "Corporate Plan 2017-2022"),
    ]
    first_version = versions.get(number=1).entries.select_related("indicator", "priority")
    assert [(e.indicator.code, e.priority.code) for e in first_version] == [
        ("EI01", "OFB"), ("EI99", "OFB"), ("ASC01", "CAF"),
    ]  # fmt: skip
    assert Indicator.objects.get(code="EI99").is_retired
    assert RiskMatrix.objects.get(is_current=True).name == "Testshire 5 x 5"
    escalation = Escalation.objects.select_related("risk__escalated_to").get()
    assert escalation.status == EscalationStatus.ACCEPTED
    assert escalation.risk.escalated_to.name == "Corporate Risk Register"
    assert before <= escalation.requested_at <= escalation.decided_at <= clock.now()
    digital = Project.objects.get(reference="TP01")
    assert [p.plan.title for p in digital.priorities.all()] == [
        "Corporate Plan 2017-2022",
        "Corporate Plan 2013-2017",
    ]  # OFB of the later plan, CAF of the earlier one, as built
    assert digital.finances.get().spend == Decimal("610000.50")

    again = import_file(user=empty, data=second, filename=filename, dry_run=False)
    assert again.totals()["created"] == again.totals()["changed"] == 0


def test_an_export_of_other_peoples_work_is_restored_from_a_backup_not_imported(empty):
    """An import records its own person as the one who assessed, asked and decided, so another
    person's review in an export is not recorded in the importer's name (a whole database, with
    everyone's names and moments, comes back with `scorecard restore`). Imported again into the
    database it came from, the same export finds every record there and changes nothing."""
    build_organisation(empty)
    erin = User.objects.get(username="erin")
    market = Risk.objects.get(reference="ASC-R1")
    risk_services.assessment_record(
        risk=market, likelihood=3, impact=3, assessor=erin, commentary="Fees agreed."
    )
    exported = export_data(user=empty, fmt="xlsx")
    again = import_file(user=empty, data=exported, filename="export.xlsx", dry_run=False)
    assert [str(p) for p in again.problems] == []
    assert again.totals()["created"] == again.totals()["changed"] == 0

    someone = organisation_services.person_create(username="newadmin", password=None)
    organisation_services.membership_create(person=someone, role=Role.ADMINISTRATOR)
    Assessment.objects.filter(assessor=erin).delete()  # as if erin's review was not there
    Risk.objects.filter(pk=market.pk).update(last_reviewed_on=dt.date(2017, 9, 29))
    outcome = import_file(user=someone, data=exported, filename="export.xlsx", dry_run=False)
    assessor_column = [p for p in outcome.problems if p.column == "Assessor"]
    assert [(p.sheet, p.message[:20]) for p in assessor_column] == [
        ("Assessments", "'erin' is not you: a")
    ]
    assert not outcome.written
    assert not Assessment.objects.filter(assessor__in=[erin, someone]).exists()


def test_the_template_has_example_rows_and_drop_down_lists(client, council):
    client.force_login(council["admin"])
    response = client.get("/import-export/template.xlsx")
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    tables = {t.name: t for t in read_file(data, "template.xlsx")}
    assert tables["Measurements"].headers[:3] == ["Indicator", "Period", "Value"]
    assert len(tables["Measurements"].rows) == 1
    number = [s.key for s in SHEETS].index("measurements") + 2  # after the Read me sheet
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read(f"xl/worksheets/sheet{number}.xml").decode()
    assert "<dataValidation" in sheet_xml and "provisional,estimated,final,restated" in sheet_xml


def test_the_templates_read_me_explains_every_column_of_every_sheet(client, council):
    client.force_login(council["admin"])
    response = client.get("/import-export/template.xlsx")
    data = b"".join(response.streaming_content) if response.streaming else response.content
    names = CalamineWorkbook.from_filelike(io.BytesIO(data)).sheet_names
    assert names[0] == "Read me"
    tables = {t.name: t for t in read_file(data, "template.xlsx")}
    read_me = tables.pop("Read me")
    assert read_me.headers == [
        "Sheet", "Column", "Must be filled in", "What it holds", "Accepted", "Example"
    ]  # fmt: skip
    explained = {(r[0], r[1]): (r[3], r[4]) for _, r in read_me.rows}
    assert len(explained) == len(read_me.rows) == sum(len(s.columns) for s in SHEETS)
    for title, table in tables.items():
        for column in table.headers:
            meaning, accepted = explained[(title, column)]
            assert meaning and accepted, (title, column)
    assert set(tables) == {s.title for s in SHEETS}
    unit = explained[("Indicators", "Unit")][1]
    assert "Percentage" in unit and "percent" in unit and "pct" in unit
    versions = explained[("Scorecard versions", "Scorecard")][0]
    assert "takes more indicators until its first quarter is locked" in versions
    assert "never changes" not in " ".join(m for m, _ in explained.values())
    # The Read me sheet is not data: the template as downloaded is read without it.
    outcome = import_file(user=council["admin"], data=data, filename="template.xlsx", dry_run=True)
    assert not [p for p in outcome.problems if p.sheet == "Read me"]


def test_import_and_export_commands(council, performance_workbook, tmp_path, capsys):
    path = tmp_path / "q2.xlsx"
    path.write_bytes(performance_workbook)
    call_command("import", str(path), "--dry-run", "--user", "admin")
    out, err = capsys.readouterr()
    assert "Measurements: 3 to create, 0 to change, 0 unchanged" in out
    assert "rows/s" in err and "7/7 rows" in err  # the progress bar
    assert not Measurement.objects.exists()
    call_command("import", str(path), "--user", "admin")
    assert Measurement.objects.count() == 3

    bad = tmp_path / "bad.xlsx"
    rows = [row[:] for row in MEASUREMENTS]
    rows[1][2] = "n/a"
    bad.write_bytes(xlsx({"Measurements": rows}))
    with pytest.raises(CommandError, match="1 problems: nothing was imported"):
        call_command("import", str(bad), "--user", "admin", "--no-progress")
    assert "Measurements, row 2, column Value: 'n/a' is not a number." in capsys.readouterr().err

    output = tmp_path / "all.xlsx"
    call_command("export", "--format", "xlsx", "--output", str(output), "--user", "reader")
    names = [t.name for t in read_file(output.read_bytes(), "all.xlsx")]
    assert "Measurements" in names and "People" not in names  # people are for the team only


def test_an_export_counts_every_sheets_rows_to_choose_the_background(empty, settings):
    """The size that sends an export to the background (services._rows_in) is the number of rows
    it writes: every sheet, scorecard entries, matrix cells, escalations, the settings and the
    services included, of what the person may see."""
    build_organisation(empty)
    reader = organisation_services.person_create(username="ruth", password=None)
    organisation_services.membership_create(person=reader, role=Role.READER)
    for user in (empty, reader):
        written = sum(
            len(selectors.export_rows(user=user, sheet=sheet))
            for sheet in selectors.export_sheets_for(user)
        )
        assert services._rows_in(services.export_job_create(user=user, fmt="csv")) == written
    settings.INTERCHANGE_BACKGROUND_ROWS = written - 1
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # queued
    job = services.job_start(job=services.export_job_create(user=reader, fmt="xlsx"))
    assert (job.state, job.rows_total) == (Job.State.WAITING, written)
