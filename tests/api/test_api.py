"""The REST API: the OpenAPI schema validates, every endpoint answers each role as the web does,
and writes go through the services (their refusals come back as 400 with the field named)."""

import datetime as dt

import pytest
import yaml
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from scorecard.organisation.services import organisation_clock_set
from scorecard.performance.choices import PeriodState
from scorecard.performance.models import Measurement
from scorecard.performance.services import reporting_period_set_state
from scorecard.risks.models import Risk

from .clients import client_for
from .records import api_records

pytestmark = pytest.mark.django_db
ROLES = ["admin", "editor", "reader"]
LISTS = ["indicators", "measurements", "risks", "assessments", "risk-areas", "actions"]


@pytest.fixture
def records(council):
    found = api_records(council["admin"])
    Risk.objects.filter(pk=found["risk"].pk).update(is_confidential=True)
    return found


def test_the_openapi_schema_validates(tmp_path):
    path = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    schema = yaml.safe_load(path.read_text())
    paths = set(schema["paths"])
    for name in LISTS + ["statuses"]:
        assert f"/api/v1/{name}/" in paths
    assert "post" in schema["paths"]["/api/v1/measurements/"]
    assert "post" in schema["paths"]["/api/v1/assessments/"]


def test_the_docs_page_loads_nothing_from_a_cdn(client):
    html = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in html and "cdn" not in html.lower()
    assert "/static/drf_spectacular_sidecar/" in html


@pytest.mark.parametrize("name", LISTS)
def test_anonymous_callers_are_refused(client, records, name):
    assert APIClient().get(f"/api/v1/{name}/").status_code == 401


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", LISTS)
def test_every_list_answers_every_role_in_a_bounded_number_of_queries(
    council,
    records,
    role,
    name,
    django_assert_max_num_queries,
):
    client = client_for(council[role])
    with django_assert_max_num_queries(8):
        response = client.get(f"/api/v1/{name}/")
    assert response.status_code == 200
    body = response.json()
    assert {"count", "results", "next"} <= body.keys()
    references = [r.get("reference") for r in body["results"]]
    if (
        name == "risks"
    ):  # the confidential risk: the team, and members of its register's directorate
        assert (records["risk"].reference in references) == (role == "admin")


@pytest.mark.parametrize("role", ROLES)
def test_details_follow_the_same_rules(council, records, role):
    client = client_for(council[role])
    assert client.get(f"/api/v1/indicators/{records['indicator'].code}/").status_code == 200
    # A value not yet approved is read by those who may edit it, not by a reader.
    readable = 404 if role == "reader" else 200
    assert client.get(f"/api/v1/measurements/{records['measurement'].pk}/").status_code == readable
    expected = 200 if role == "admin" else 404
    assert client.get(f"/api/v1/risks/{records['risk'].reference}/").status_code == expected
    assert client.get(f"/api/v1/assessments/{records['assessment'].pk}/").status_code == expected


def test_filters_and_pagination(council, records):
    client = client_for(council["admin"])
    assert client.get("/api/v1/indicators/?directorate=ASC").json()["count"] == 1
    assert client.get("/api/v1/indicators/?directorate=EI").json()["count"] == 0
    assert (
        client.get("/api/v1/measurements/?indicator=API01&period=2017/18-Q2").json()["count"] == 1
    )


@pytest.mark.parametrize(("role", "status"), [("admin", 201), ("editor", 201), ("reader", 403)])
def test_recording_a_value_follows_the_web_rules(council, records, role, status):
    client = client_for(council[role])
    response = client.post(
        "/api/v1/measurements/",
        {"indicator": "API01", "period": "2017/18-Q3", "value": "82.5", "commentary": "Up"},
        format="json",
    )
    assert response.status_code == status, response.content
    assert Measurement.objects.filter(period="2017/18-Q3").exists() == (status == 201)


def test_a_stale_or_locked_value_is_refused_with_the_field_named(council, records):
    client = client_for(council["admin"])
    stale = client.post(
        "/api/v1/measurements/",
        {"indicator": "API01", "period": "2017/18-Q2", "value": 90, "expected_version": 99},
        format="json",
    )
    assert stale.status_code == 400 and "version" in stale.json()
    reporting_period_set_state(period="2017/18-Q4", state=PeriodState.LOCKED, by=council["admin"])
    locked = client.post(
        "/api/v1/measurements/",
        {"indicator": "API01", "period": "2017/18-Q4", "value": 90},
        format="json",
    )
    assert locked.status_code == 400
    assert "is locked" in locked.json()["period"][0]


@pytest.mark.parametrize(("role", "status"), [("admin", 201), ("editor", 404), ("reader", 404)])
def test_assessing_a_risk_follows_the_web_rules(council, records, role, status):
    client = client_for(council[role])
    response = client.post(
        "/api/v1/assessments/",
        {
            "risk": records["risk"].reference,
            "likelihood": 3,
            "impact": 4,
            "assessed_on": timezone.localdate().isoformat(),
            "commentary": "New supplier contracts in place.",
        },
        format="json",
    )
    # The confidential risk is not even visible to the editor and reader: "no such risk".
    assert response.status_code == (400 if status == 404 else status)
    if status == 201:
        assert response.json()["score"] == 12
        assert Risk.objects.get(pk=records["risk"].pk).current_score == 12


def test_an_out_of_range_assessment_is_refused(council, records):
    response = client_for(council["admin"]).post(
        "/api/v1/assessments/",
        {"risk": records["risk"].reference, "likelihood": 9, "impact": 4, "commentary": "Up."},
        format="json",
    )
    assert response.status_code == 400 and "likelihood" in response.json()


def test_session_authentication_works_too(client, council, records):
    client.force_login(council["reader"])
    assert client.get("/api/v1/indicators/").status_code == 200


def test_statuses_need_a_scorecard_and_period(council, records):
    client = client_for(council["reader"])
    assert client.get("/api/v1/statuses/").status_code == 400
    assert client.get("/api/v1/statuses/?scorecard=999999&period=2017/18-Q2").status_code == 404


def test_a_confidential_risks_owner_reads_and_assesses_it(council, records):
    """risk_access, the project's rule: a confidential risk is seen by its owner too (not only by
    the team, auditors and members of its register's directorate), and its owner may change it."""
    Risk.objects.filter(pk=records["risk"].pk).update(owner=council["reader"])
    client = client_for(council["reader"])
    assert client.get(f"/api/v1/risks/{records['risk'].reference}/").status_code == 200
    response = client.post(
        "/api/v1/assessments/",
        {"risk": records["risk"].reference, "likelihood": 2, "impact": 4, "commentary": "Down."},
        format="json",
    )
    assert response.status_code == 201, response.content


def test_an_assessment_without_a_period_counts_in_the_open_quarter(council):
    """A review keyed on 10 April 2018 while Quarter Four 2017/18 is open counts in Quarter Four;
    one for a locked quarter is refused, naming it."""
    organisation_clock_set(clock_date=dt.date(2018, 4, 10))
    found = api_records(council["admin"])
    reporting_period_set_state(period="2017/18-Q3", state=PeriodState.LOCKED, by=council["admin"])
    reporting_period_set_state(period="2017/18-Q4", state=PeriodState.OPEN, by=council["admin"])
    client = client_for(council["admin"])
    reference = found["risk"].reference
    response = client.post(
        "/api/v1/assessments/",
        {"risk": reference, "likelihood": 2, "impact": 4, "commentary": "Reviewed."},
        format="json",
    )
    assert response.status_code == 201
    assert (response.json()["period"], response.json()["assessed_on"]) == (
        "2017/18-Q4",
        "2018-04-10",
    )
    locked = client.post(
        "/api/v1/assessments/",
        {
            "risk": reference,
            "likelihood": 2,
            "impact": 3,
            "period": "2017/18-Q3",
            "commentary": "Late.",
        },
        format="json",
    )
    assert locked.status_code == 400
    assert locked.json()["period"] == [
        "Quarter Three 2017/18 is locked: its report is published, so nothing more can be "
        "filed to it. Choose an open quarter."
    ]
