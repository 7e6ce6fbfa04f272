"""Restating a locked quarter; Corporate Plans, priorities and scorecard versions (administrators)."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.organisation.models import Directorate
from scorecard.performance import services
from scorecard.performance.choices import PeriodState, WorkflowState
from scorecard.performance.models import CorporatePlan, Measurement, Scorecard

from .factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def indicator(demo):
    return IndicatorFactory(code="ASC-T1", directorate=Directorate.objects.get(code="ASC"))


@pytest.fixture
def locked_value(demo, indicator):
    value = MeasurementFactory(indicator=indicator, value=95, state=WorkflowState.APPROVED)
    services.reporting_period_set_state(
        period="2017/18-Q2", state=PeriodState.LOCKED, by=demo["admin"]
    )
    return value


def test_a_locked_quarter_refuses_every_change_but_a_restatement(demo, indicator, locked_value):
    with pytest.raises(Exception, match="locked"):
        services.measurement_record(
            indicator=indicator, period="2017/18-Q2", by=demo["admin"], value=90,
            expected_version=locked_value.version,
        )  # fmt: skip
    services.measurement_restate(
        measurement=locked_value, by=demo["admin"], reason="Late returns from two homes.",
        value="92.5", expected_version=locked_value.version,
    )  # fmt: skip
    locked_value.refresh_from_db()
    assert locked_value.value == Decimal("92.5") and locked_value.data_quality == "restated"
    assert locked_value.restated_by == demo["admin"]
    assert locked_value.history.earliest().value == Decimal("95")  # the old value is kept


def test_an_open_quarter_is_not_restated(demo, indicator):
    value = MeasurementFactory(indicator=indicator, value=95)
    with pytest.raises(Exception, match="not locked"):
        services.measurement_restate(
            measurement=value, by=demo["admin"], reason="x", value=90,
            expected_version=value.version,
        )  # fmt: skip


def test_the_admin_restates_with_a_reason_and_the_indicator_page_shows_it(
    client, demo, indicator, locked_value
):
    client.force_login(demo["admin"])
    page = text(client.get(reverse("performance:indicator", args=[indicator.pk])))
    url = reverse("performance:measurement_restate", args=[locked_value.pk])
    assert url in page
    page = text(client.post(url, {"value": "92.5", "reason": "", "version": locked_value.version}))
    assert 'href="#id_reason"' in page and 'value="92.5"' in page
    assert Measurement.objects.get(pk=locked_value.pk).value == Decimal("95")
    data = {"value": "92.5", "reason": "Late returns from two homes.",
            "version": locked_value.version}  # fmt: skip
    assert client.post(url, data).status_code == 302
    page = text(client.get(reverse("performance:indicator", args=[indicator.pk])))
    assert "Restatements" in page and "Late returns from two homes." in page
    assert ">95<" in page.replace(" ", "") and "92.5" in page
    client.force_login(demo["editor"])
    assert client.post(url, data).status_code == 403


def test_plans_and_priorities_are_added_and_changed(client, demo):
    client.force_login(demo["admin"])
    url = reverse("performance:plan_create")
    page = text(client.post(url, {"title": "Corporate Plan 2017-2022", "adopted_on": "soon"}))
    assert 'href="#id_adopted_on"' in page and "Corporate Plan 2017-2022" in page
    client.post(url, {"title": "Corporate Plan 2017-2022", "adopted_on": "20/7/2017"})
    plan = CorporatePlan.objects.get()
    assert plan.adopted_on == dt.date(2017, 7, 20)
    url = reverse("performance:priority_create", args=[plan.pk])
    client.post(url, {"code": "OFB", "title": "Open for business", "order": 1})
    assert 'href="#id_code"' in text(
        client.post(url, {"code": "OFB", "title": "Twice", "order": 2})
    )
    priority = plan.priorities.get()
    edit = reverse("performance:priority_edit", args=[priority.pk])
    client.post(edit, {"code": "OFB", "title": "Open for Business", "order": 1})
    assert "Open for Business" in text(client.get(reverse("performance:plans")))


def test_the_scorecard_is_refreshed_into_a_new_version(client, demo):
    asc = Directorate.objects.get(code="ASC")
    old, moved, new = (IndicatorFactory(code=c, directorate=asc) for c in ["OLD", "MOVED", "NEW"])
    plan = services.corporate_plan_create(
        title="Plan", adopted_on=dt.date(2017, 4, 1), priorities=[("A", "First"), ("B", "Second")]
    )
    first, second = plan.priorities.order_by("order")
    scorecard = services.scorecard_create(name="Corporate scorecard")
    services.scorecard_version_create(
        scorecard=scorecard, live_from="2017/18-Q1", corporate_plan=plan,
        entries=[(old, first), (moved, first)],
    )  # fmt: skip
    client.force_login(demo["admin"])
    url = reverse("performance:scorecard_refresh", args=[scorecard.pk])
    data = {"live_from": "2017/18-Q1", "corporate_plan": "", "notes": "New plan",
            f"entry_{old.pk}": "retire", f"entry_{moved.pk}": second.pk,
            "add": [new.pk], "add_priority": first.pk}  # fmt: skip
    page = text(client.post(url, data))
    assert 'href="#id_live_from"' in page and "must start after 2017/18-Q1" in page
    response = client.post(url, {**data, "live_from": "2018/19-Q1"})
    assert response.status_code == 302
    page = text(client.get(response["Location"]))
    assert "Version 2, live from 2018/19-Q1 (current)" in page
    version = scorecard.versions.get(number=2)
    assert {(e.indicator.code, e.priority.code) for e in version.entries.all()} == {
        ("MOVED", "B"), ("NEW", "A"),
    }  # fmt: skip
    assert scorecard.versions.get(number=1).entries.count() == 2  # history kept


def test_the_scorecard_list_is_paginated_keeping_the_filters(client, demo):
    asc = Directorate.objects.get(code="ASC")
    for n in range(55):
        IndicatorFactory(code=f"P{n:03d}", directorate=asc)
    client.force_login(demo["reader"])
    url = reverse("performance:index") + "?directorate=ASC&sort=code"
    page = text(client.get(url))
    assert re.search(r"55 indicators in Quarter \w+ \d{4}/\d\d, 1 to 50 shown", page)
    assert "P049" in page and "P050" not in page
    assert "page=2" in page and "sort=code" in page
    page = text(client.get(url + "&page=2"))
    assert "P054" in page and "P049" not in page


def test_a_new_directorate_scorecard_is_added_then_filled_by_a_refresh(client, demo):
    asc = Directorate.objects.get(code="ASC")
    indicator = IndicatorFactory(code="ASC-DS1", directorate=asc)
    client.force_login(demo["admin"])
    url = reverse("performance:scorecard_create")
    data = {"name": "Adult Services scorecard", "tier": "directorate", "live_from": "2017/18-Q5"}
    refused = text(client.post(url, data))
    assert 'href="#id_directorate"' in refused and "Adult Services scorecard" in refused
    refused = text(client.post(url, {**data, "directorate": asc.pk}))
    assert 'href="#id_live_from"' in refused  # the scorecard and its version: both or neither
    assert not Scorecard.objects.filter(name="Adult Services scorecard").exists()

    response = client.post(
        url,
        {"name": "Adult Services scorecard", "tier": "directorate", "directorate": asc.pk,
         "live_from": "2017/18-Q3"},
    )  # fmt: skip
    scorecard = Scorecard.objects.get(name="Adult Services scorecard")
    assert response["Location"] == reverse("performance:scorecard_refresh", args=[scorecard.pk])
    assert (scorecard.directorate, scorecard.versions.get().entries.count()) == (asc, 0)
    response = client.post(
        response["Location"], {"live_from": "2017/18-Q4", "add": [indicator.pk], "add_priority": ""}
    )
    assert response.status_code == 302
    assert [e.indicator.code for e in scorecard.versions.get(number=2).entries.all()] == ["ASC-DS1"]
