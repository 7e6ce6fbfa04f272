"""Every filter of every list page, web and API, given malformed values: never a server error.

A filter answers with the list (the value ignored or matching nothing) or a 4xx; a 5xx means a
value reached the database that it cannot hold (a number too large, a NUL character).
"""

import pytest
from django.urls import reverse

from scorecard.organisation.models import User

pytestmark = pytest.mark.django_db

MALFORMED = [
    "99999999999999999999",  # beyond any integer column
    "9223372036854775808",  # one beyond a 64-bit integer
    "2147483648",  # one beyond a 32-bit integer
    "-1",
    "-99999999999999999999",
    "abc",
    "1e309",
    "²",  # a digit to str.isdigit, not to int()
    "\x00",  # %00
    "1\x00",
    "x" * 5000,
    "2017/18-Q9",
    "9999/00-Q1",
]

# List page -> its filters (every query parameter the page reads).
WEB_LISTS = {
    "performance:index": ["q", "period", "status", "directorate", "priority", "sort", "page"],
    "performance:my_updates": ["period", "show", "sort"],
    "performance:approvals": ["directorate", "sort"],
    "risks:index": ["register", "directorate", "area", "band", "owner", "sort", "overdue", "page"],
    "reporting:performance_dashboard": ["period", "priority", "directorate", "status", "page"],
    "reporting:risk_dashboard": ["period"],
    "search": ["q"],
    "interchange:index": ["kind"],
}
API_LISTS = {
    "api:indicator-list": ["directorate", "frequency", "polarity", "is_retired", "page"],
    "api:measurement-list": ["indicator", "period", "state", "page"],
    "api:status-list": ["scorecard", "period"],
    "api:risk-list": ["register", "area", "category", "status", "page"],
    "api:assessment-list": ["risk", "period", "page"],
    "api:risk-area-list": ["page"],
}
CASES = [
    (name, key) for lists in (WEB_LISTS, API_LISTS) for name, keys in lists.items() for key in keys
]


@pytest.fixture
def signed_in_admin(client, demo):
    """The administrator, with a matrix, a risk, an indicator and an open quarter to list."""
    from scorecard.organisation.models import Directorate
    from scorecard.risks.services import risk_matrix_create_default
    from tests.performance.factories import IndicatorFactory, MeasurementFactory
    from tests.risks.factories import RegisterFactory, RiskFactory

    asc = Directorate.objects.get(code="ASC")
    risk_matrix_create_default()
    RiskFactory(register=RegisterFactory(directorate=asc), owner=demo["admin"])
    MeasurementFactory(indicator=IndicatorFactory(directorate=asc))
    client.force_login(User.objects.get(username="admin"))
    return client


@pytest.mark.parametrize(("name", "key"), CASES)
def test_a_malformed_filter_never_causes_a_server_error(signed_in_admin, name, key):
    url = reverse(name)
    for value in MALFORMED:
        params = {key: value}
        if name == "api:status-list":  # both are needed: give the other a good value
            params = {"scorecard": "1", "period": "2017/18-Q2", **params}
        response = signed_in_admin.get(url, params)
        assert response.status_code < 500, f"{url}?{key}={value[:30]!r}: {response.status_code}"
