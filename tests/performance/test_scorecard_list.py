"""The scorecard list (/scorecard/) as a scorecard: each indicator's status, value, target,
direction and last update for a chosen quarter, filtered and sorted, through access."""

import re

import pytest
from django.urls import reverse

from scorecard.organisation.models import Directorate
from scorecard.performance import services
from scorecard.performance.choices import Unit, WorkflowState
from tests.performance.factories import (
    IndicatorFactory,
    MeasurementFactory,
    PriorityFactory,
    ScorecardEntryFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db


def percentage(code, title, directorate, q1, q2, state=WorkflowState.APPROVED):
    """Higher is better, target 90, amber within 10% (81 to 90): hand-rated below."""
    indicator = IndicatorFactory(
        code=code, title=title, directorate=directorate, unit=Unit.PERCENTAGE
    )
    TargetFactory(indicator=indicator, period="2017/18", value=90)
    if q1 is not None:
        MeasurementFactory(indicator=indicator, period="2017/18-Q1", value=q1)
    if q2 is not None:
        MeasurementFactory(indicator=indicator, period="2017/18-Q2", value=q2, state=state)
    return indicator


@pytest.fixture
def listed(demo):
    services.reporting_period_open(period="2017/18-Q2", by=demo["admin"])
    asc = Directorate.objects.get(code="ASC")
    ei = Directorate.objects.get(code="EI")
    green = percentage("A1", "Green and improving", asc, 80, 95)  # 95 >= 90
    amber = percentage("B1", "Amber and worse", ei, 92, 85)  # 81 <= 85 < 90
    red = percentage("C1", "Red", asc, 70, 70)  # below 81
    # Submitted, not approved: awaiting data, its value not shown.
    waiting = percentage("D1", "Waiting", ei, 91, 99, state=WorkflowState.SUBMITTED)
    priority = PriorityFactory(title="Healthy lives")
    entry = ScorecardEntryFactory(indicator=green, priority=priority)
    ScorecardEntryFactory(version=entry.version, indicator=red, priority=priority)
    ScorecardEntryFactory(version=entry.version, indicator=amber)
    return {"green": green, "amber": amber, "red": red, "waiting": waiting, "priority": priority}


def rows(client, **params):
    page = client.get(reverse("performance:index"), params).content.decode()
    body = page.split('<tbody class="govuk-table__body">', 1)[1].split("</tbody>", 1)[0]
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
        for row in body.split("</tr>")
        if "<td" in row
    ]


def test_the_list_shows_status_value_target_direction_and_last_update(client, demo, listed):
    client.force_login(demo["reader"])
    found = rows(client, sort="code")
    assert [row.split()[0] for row in found] == ["A1", "B1", "C1", "D1"]
    assert found[0].startswith(
        "A1 Green and improving Green 95.0% 90.0% Improving Quarter Two 2017/18"
    )
    assert found[1].startswith("B1 Amber and worse Amber 85.0% 90.0% Deteriorating")
    assert found[2].startswith("C1 Red Red 70.0% 90.0% No noticeable change")
    # D1's value waits for approval: it is awaiting data, last updated in Quarter One.
    assert found[3].startswith("D1 Waiting Awaiting data")
    assert "Quarter One 2017/18" in found[3] and "99" not in found[3]


def test_sorts_by_status_worst_first_by_default(client, demo, listed):
    client.force_login(demo["reader"])
    assert [row.split()[0] for row in rows(client)] == ["C1", "B1", "D1", "A1"]
    assert [row.split()[0] for row in rows(client, sort="title")] == ["B1", "A1", "C1", "D1"]


def test_filters_by_status_directorate_and_priority_and_keeps_them(client, demo, listed):
    client.force_login(demo["reader"])
    assert [row.split()[0] for row in rows(client, status="red")] == ["C1"]
    assert [row.split()[0] for row in rows(client, directorate="EI")] == ["B1", "D1"]
    chosen = rows(client, priority=listed["priority"].pk, sort="code")
    assert [row.split()[0] for row in chosen] == ["A1", "C1"]
    page = client.get(reverse("performance:index"), {"status": "amber", "directorate": "EI"})
    html = page.content.decode()
    assert '<option value="amber" selected>' in html and '<option value="EI" selected>' in html
    assert rows(client, status="green", directorate="EI") == ["No indicators match these filters."]


def test_another_quarter_rates_that_quarter(client, demo, listed):
    client.force_login(demo["reader"])
    found = rows(client, period="2017/18-Q1", sort="code")
    # 80 is short of 90 by more than 10% of 90 (9): red; 92 and 91 are on target: green.
    assert found[0].startswith("A1 Green and improving Red 80.0% 90.0%")
    assert found[1].startswith("B1 Amber and worse Green 92.0% 90.0%")
    assert found[3].startswith("D1 Waiting Green 91.0% 90.0%")


def test_keeps_the_filters_across_pages(client, demo, listed):
    asc = Directorate.objects.get(code="ASC")
    for n in range(50):  # two pages of 50
        percentage(f"M{n:02d}", f"More {n}", asc, None, 95)
    client.force_login(demo["reader"])
    html = client.get(reverse("performance:index"), {"directorate": "ASC", "sort": "code"})
    text = html.content.decode()
    assert "directorate=ASC" in text and "sort=code" in text and "page=2" in text


def test_opens_on_the_published_quarter_until_the_open_one_has_values(client, demo, listed):
    """A newly opened quarter would list every indicator "Awaiting data": the list opens on the
    latest published quarter instead, and the chooser still offers the open one."""
    from scorecard.core.periods import parse
    from scorecard.reporting.services import period_lock_and_publish
    from scorecard.risks.services import risk_matrix_create_default

    risk_matrix_create_default()  # the snapshot freezes the risk matrix too
    period_lock_and_publish(
        period=parse("2017/18-Q2", 4), by=demo["admin"], gaps_reason="Waiting for D1."
    )
    services.reporting_period_open(period="2017/18-Q3", by=demo["admin"])
    client.force_login(demo["reader"])
    page = client.get(reverse("performance:index")).content.decode()
    assert re.search(r'<option value="2017/18-Q2"\s+selected', page)
    assert '<option value="2017/18-Q3"' in page
    assert rows(client, sort="code")[0].startswith("A1 Green and improving Green 95.0% 90.0%")

    # The first value of the open quarter: the list opens on it.
    MeasurementFactory(indicator=listed["green"], period="2017/18-Q3", value=96)
    page = client.get(reverse("performance:index")).content.decode()
    assert re.search(r'<option value="2017/18-Q3"\s+selected', page)
