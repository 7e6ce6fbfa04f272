"""A service's refusal reaches an API caller through one exception handler: a 400 with each
message under the field it names, as a serializer's own refusals are, whichever endpoint wrote."""

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIRequestFactory

from scorecard.api.exceptions import api_exception_handler
from scorecard.performance.models import Measurement
from scorecard.risks.models import Assessment, RiskMatrix

from .clients import client_for
from .records import api_records

pytestmark = pytest.mark.django_db

STALE = (
    "Someone else changed API01 2017/18-Q2 since you opened it: reload the page and check their "
    "change before saving yours."
)


@pytest.fixture
def records(council):
    return api_records(council["admin"])


def test_a_stale_value_is_a_400_naming_the_version(council, records):
    response = client_for(council["admin"]).post(
        "/api/v1/measurements/",
        {"indicator": "API01", "period": "2017/18-Q2", "value": 90, "expected_version": 99},
        format="json",
    )
    assert (response.status_code, response.json()) == (400, {"version": [STALE]})
    assert Measurement.objects.get(period="2017/18-Q2").value == 81


def test_a_stale_approval_is_a_400_naming_the_version(council, records):
    measurement = Measurement.objects.get(period="2017/18-Q2")
    response = client_for(council["admin"]).post(
        f"/api/v1/measurements/{measurement.pk}/submit/", {"expected_version": 99}, format="json"
    )
    assert (response.status_code, response.json()) == (400, {"version": [STALE]})


def test_a_review_without_commentary_is_a_400_naming_the_commentary(council, records):
    before = Assessment.objects.count()
    response = client_for(council["admin"]).post(
        "/api/v1/assessments/",
        {"risk": "API-R1", "likelihood": 3, "impact": 4, "commentary": " "},
        format="json",
    )
    assert (response.status_code, response.json()) == (
        400,
        {"commentary": ["Say what has changed since the last review, and why."]},
    )
    assert Assessment.objects.count() == before


def test_a_review_with_no_matrix_in_use_is_a_400_naming_the_matrix(council, records):
    RiskMatrix.objects.update(is_current=False)
    response = client_for(council["admin"]).post(
        "/api/v1/assessments/",
        {"risk": "API-R1", "likelihood": 3, "impact": 4, "commentary": "Better."},
        format="json",
    )
    assert (response.status_code, response.json()) == (
        400,
        {"matrix": ["No risk matrix is in use yet: an administrator must set one up first."]},
    )


def test_a_refusal_naming_no_field_comes_back_as_non_field_errors():
    request = APIRequestFactory().post("/api/v1/measurements/")
    response = api_exception_handler(
        ValidationError("This quarter is being published: try again in a minute."),
        {"request": request, "view": None},
    )
    assert (response.status_code, response.data) == (
        400,
        {"non_field_errors": ["This quarter is being published: try again in a minute."]},
    )
