"""A council's own KPI table through the column-matching page, as a person fills it in: the
indicators' unit, polarity, frequency, decimals and status rule in plain words, the council's
approved figures, new directorates, a period asked for each file, and the preview's figures."""

import html
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scorecard.interchange.models import Job
from scorecard.organisation import services as organisation_services
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate, User
from scorecard.performance import services as performance_services
from scorecard.performance.choices import PeriodState
from scorecard.performance.models import Indicator, Measurement, Target

pytestmark = pytest.mark.django_db

HEADERS = ["ref", "name", "service", "unit", "actual", "goal"]
MATCHED = {
    "col_code": "ref",
    "col_title": "name",
    "col_directorate": "service",
    "col_value": "actual",
    "col_target": "goal",
    "fixed_period": "2017/18-Q1",
}


def csv_of(rows: list[list[object]], headers=HEADERS) -> bytes:
    lines = [",".join(headers)] + [",".join(_cell(v) for v in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def _cell(value) -> str:
    text = str(value)
    return f'"{text}"' if "," in text else text


def upload(client, data: bytes, name="kpis.csv") -> Job:
    client.post(reverse("interchange:index"), {"file": SimpleUploadedFile(name, data)})
    return Job.objects.latest("pk")


def match(client, job: Job, **choices):
    url = reverse("interchange:mapping", kwargs={"pk": job.pk}) + "?kind=performance"
    return client.post(url, {"kind": "performance", **choices})


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def confirm(client, job: Job) -> Job:
    client.post(reverse("interchange:job_confirm", kwargs={"pk": job.pk}))
    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.result
    return job


@pytest.fixture
def admin(client, council):
    client.force_login(council["admin"])
    return council["admin"]


def test_units_in_the_councils_words(client, admin):
    words = ["percent", "pct", "%", "Per cent", "count", "No.", "days", "£", "percentage"]
    rows = [[f"K{n}", f"Indicator {n}", "ASC", word, 10, 20] for n, word in enumerate(words)]
    job = upload(client, csv_of(rows))
    response = match(client, job, **MATCHED, col_unit="unit")
    assert response.status_code == 302, page_text(response)
    confirm(client, job)
    units = dict(Indicator.objects.values_list("code", "unit"))
    assert [units[f"K{n}"] for n in range(len(words))] == [
        "percentage", "percentage", "percentage", "percentage", "number", "number", "days",
        "currency", "percentage",
    ]  # fmt: skip


def test_one_wrong_unit_word_is_one_message_naming_its_rows(client, admin):
    rows = [
        [f"K{n}", f"Indicator {n}", "ASC", "percnt" if n in {1, 2, 5} else "%", 10, 20]
        for n in range(12)
    ]
    job = upload(client, csv_of(rows))
    response = match(client, job, **MATCHED, col_unit="unit")
    text = page_text(response)
    assert response.status_code == 400
    message = "Column unit: 'percnt' is not one of: Number, Percentage (0 to 100)"
    assert text.count(message) == 2  # the summary at the top and the field itself
    assert "(rows 3, 4, 7)" in text  # the header is row 1
    assert text.count("is not one of") == 2
    assert not Indicator.objects.exists()
    job.refresh_from_db()
    assert job.result is None  # nothing checked or written


def test_one_choice_for_every_row_in_plain_words(client, admin):
    rows = [["K1", "Days to relet a home", "ASC", "", "30", "28"]]
    job = upload(client, csv_of(rows))
    response = match(
        client,
        job,
        **{**MATCHED, "fixed_period": "2017/18"},
        fixed_unit="days",
        fixed_polarity="lower",
        fixed_frequency="annual",
        fixed_decimals="2",
        fixed_status_rule="green within 5% of target, amber within 10%",
    )
    assert response.status_code == 302, page_text(response)
    confirm(client, job)
    indicator = Indicator.objects.get(code="K1")
    assert (indicator.unit, indicator.polarity, indicator.frequency, indicator.decimals) == (
        "days",
        "lower",
        "annual",
        2,
    )
    assert indicator.status_rule == {
        "type": "tolerance",
        "green": {"percent": "5"},
        "amber": {"percent": "10"},
    }


def test_a_status_rule_from_a_column_and_a_rule_that_cannot_be_read(client, admin):
    headers = [*HEADERS, "rag rule"]
    rows = [
        ["K1", "Calls answered", "ASC", "%", 80, 85, "amber within 10%"],
        ["K2", "Complaints", "ASC", "", 5, 0, "for information only"],
        ["K3", "Compliments", "ASC", "", 9, 10, "rated by hand"],
    ]
    job = upload(client, csv_of(rows, headers))
    assert match(client, job, **MATCHED, col_status_rule="rag rule").status_code == 302
    confirm(client, job)
    rules = dict(Indicator.objects.values_list("code", "status_rule"))
    assert rules == {
        "K1": {"type": "tolerance", "amber": {"percent": "10"}},
        "K2": {"type": "data_only"},
        "K3": {"type": "manual"},
    }
    response = match(
        client, upload(client, csv_of(rows, headers)), **MATCHED, fixed_status_rule="traffic"
    )
    assert response.status_code == 400
    assert "'traffic' is not a rule this page reads" in page_text(response)
    assert "{" not in page_text(response).split("<main")[1].split("The first rows")[0]


def test_an_unknown_directorate_is_one_message_or_is_added(client, admin):
    rows = [[f"P{n}", f"People indicator {n}", "People", "%", 50, 60] for n in range(10)]
    job = upload(client, csv_of(rows))
    response = match(client, job, **MATCHED)
    text = page_text(response)
    assert response.status_code == 400
    assert text.count("There is no directorate 'People' (rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)") == 2
    assert text.count("There is no directorate") == 2

    response = match(client, job, **MATCHED, create_directorates="on")
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.state == Job.State.PREVIEWED
    created = {(c["sheet"], c["label"]) for c in job.result["changes"]}
    assert ("Directorates", "People") in {(s, label.split(" (")[0]) for s, label in created}
    assert not Directorate.objects.filter(name="People").exists()  # listed, not yet written
    confirm(client, job)
    people = Directorate.objects.get(name="People")
    assert people.code == "people"
    assert Indicator.objects.filter(directorate=people).count() == 10


def test_owners_the_file_names_are_listed_then_added_when_chosen(client, admin):
    headers = [*HEADERS, "lead"]
    rows = [[f"K{n}", f"Indicator {n}", "ASC", "%", 50, 60, "Rita Lead"] for n in range(3)]
    job = upload(client, csv_of(rows, headers))
    response = match(client, job, **MATCHED, col_owner="lead")
    assert response.status_code == 302
    job.refresh_from_db()
    assert "nobody called 'Rita Lead' can sign in" in str(job.result["problems"])
    assert not Indicator.objects.filter(code="K0").exists()

    response = match(client, job, **MATCHED, col_owner="lead", create_people="on")
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.result["problems"] == []
    named = [(c["sheet"], c["label"]) for c in job.result["changes"] if c["row"] is None]
    assert named == [("People", "Rita Lead (cannot sign in)")]  # listed once, not yet written
    assert not User.objects.filter(first_name="Rita Lead").exists()
    confirm(client, job)
    rita = User.objects.get(first_name="Rita Lead")
    assert not rita.has_usable_password()
    assert set(
        Indicator.objects.filter(code__in=["K0", "K1", "K2"]).values_list("owner", flat=True)
    ) == {rita.pk}


def test_approved_figures_go_in_approved_by_the_person_importing(client, admin):
    organisation_services.organisation_settings_update(
        name="Testshire", financial_year_start_month=4, allow_self_approval=True
    )
    job = upload(client, csv_of([["K1", "Calls answered", "ASC", "%", 80, 85]]))
    assert match(client, job, **MATCHED, approved="on").status_code == 302
    confirm(client, job)
    value = Measurement.objects.get(indicator__code="K1")
    assert (value.state, value.value, value.reviewed_by, value.self_approved) == (
        "approved",
        Decimal("80"),
        admin,
        True,
    )


def test_when_nobody_approves_their_own_figures_they_go_in_submitted(client, admin):
    other = organisation_services.person_create(
        username="pat", password=None, first_name="Pat", last_name="Lee"
    )
    organisation_services.membership_create(person=other, role=Role.ADMINISTRATOR)
    job = upload(client, csv_of([["K1", "Calls answered", "ASC", "%", 80, 85]]))
    assert match(client, job, **MATCHED, approved="on").status_code == 302
    preview = page_text(client.get(reverse("interchange:job", kwargs={"pk": job.pk})))
    assert "so you cannot also approve them: they go in as submitted" in preview
    assert "(Pat Lee, or an indicator's owner)" in preview
    confirm(client, job)
    value = Measurement.objects.get(indicator__code="K1")
    assert (value.state, value.submitted_by, value.reviewed_by) == ("submitted", admin, None)


def test_a_remembered_matching_asks_the_period_of_each_file(client, admin):
    first = upload(client, csv_of([["K1", "Calls answered", "ASC", "%", 80, 85]]), "q1.csv")
    assert match(client, first, **MATCHED).status_code == 302  # checked, not yet confirmed
    second = upload(client, csv_of([["K1", "Calls answered", "ASC", "%", 82, 85]]), "q2.csv")
    page = page_text(client.get(reverse("interchange:mapping", kwargs={"pk": second.pk})))
    assert "as you matched them for q1.csv" in page
    assert 'value="2017/18-Q1"' not in page  # the last file's period is not carried
    response = match(client, second, **{**MATCHED, "fixed_period": ""})
    assert "Choose the column that holds the period, or give one value for every row" in (
        page_text(response)
    )
    assert match(client, second, **{**MATCHED, "fixed_period": "2017/18-Q2"}).status_code == 302
    # The first file, confirmed after the second was matched, keeps its own period.
    confirm(client, first)
    confirm(client, second)
    assert dict(Measurement.objects.values_list("period", "value")) == {
        "2017/18-Q1": Decimal("80"),
        "2017/18-Q2": Decimal("82"),
    }


def test_the_preview_shows_old_and_new_figures_as_written(client, admin):
    job = upload(client, csv_of([["K1", "Homes built", "ASC", "", 100, 20]]))
    match(client, job, **MATCHED)
    preview = page_text(client.get(reverse("interchange:job", kwargs={"pk": job.pk})))
    assert "K1 2017/18-Q1: 20 – new" in preview  # the target, not 2E+1
    assert "K1 2017/18-Q1: 100 – new" in preview  # the value, not 1E+2
    assert "E+" not in preview
    confirm(client, job)
    again = upload(client, csv_of([["K1", "Homes built", "ASC", "", 120, 30]]))
    match(client, again, **MATCHED)
    preview = page_text(client.get(reverse("interchange:job", kwargs={"pk": again.pk})))
    assert "K1 2017/18-Q1: 20 → 30 – changed" in preview
    assert "K1 2017/18-Q1: 100 → 120 – changed" in preview


def test_thousands_separators_and_percent_signs_are_read_exactly(client, admin):
    rows = [
        ["K1", "Visitors", "ASC", "", "1,234", "1,000"],
        ["K2", "Calls answered", "ASC", "%", "45.5%", "50%"],
    ]
    job = upload(client, csv_of(rows))
    assert match(client, job, **MATCHED, col_unit="unit").status_code == 302
    confirm(client, job)
    assert dict(Measurement.objects.values_list("indicator__code", "value")) == {
        "K1": Decimal("1234"),
        "K2": Decimal("45.5"),
    }
    assert dict(Target.objects.values_list("indicator__code", "value")) == {
        "K1": Decimal("1000"),
        "K2": Decimal("50"),
    }


def test_the_indicators_go_on_a_chosen_scorecard_until_its_first_quarter_is_locked(client, admin):
    scorecard = performance_services.scorecard_add(
        name="Council Plan", tier="corporate", directorate=None, is_published=True,
        live_from="2017/18-Q1", corporate_plan=None,
    )  # fmt: skip
    rows = [["K1", "Calls answered", "ASC", "%", 80, 85], ["K2", "Visitors", "ASC", "", 9, 10]]
    job = upload(client, csv_of(rows))
    assert match(client, job, **MATCHED, scorecard=str(scorecard.pk)).status_code == 302
    preview = page_text(client.get(reverse("interchange:job", kwargs={"pk": job.pk})))
    assert "The file's indicators go on the scorecard Council Plan." in preview
    confirm(client, job)
    version = scorecard.versions.get()  # the first version filled, not a new one
    assert list(version.entries.values_list("indicator__code", flat=True)) == ["K1", "K2"]

    performance_services.reporting_period_set_state(
        period="2017/18-Q1", state=PeriodState.LOCKED, by=admin
    )
    again = upload(client, csv_of([["K3", "Compliments", "ASC", "", 4, 5]]))
    response = match(client, again, **MATCHED, scorecard=str(scorecard.pk))
    assert response.status_code == 400
    assert "Council Plan's current version started in 2017/18-Q1, which is locked" in (
        page_text(response)
    )


def test_a_scorecard_without_a_version_starts_with_the_files_period(client, admin):
    scorecard = performance_services.scorecard_create(name="Hart KPIs")
    job = upload(client, csv_of([["K1", "Calls answered", "ASC", "%", 80, 85]]))
    match(client, job, **{**MATCHED, "fixed_period": "2017/18-Q2"}, scorecard=str(scorecard.pk))
    confirm(client, job)
    version = scorecard.versions.get()
    assert (version.live_from, [e.indicator.code for e in version.entries.all()]) == (
        "2017/18-Q2",
        ["K1"],
    )
