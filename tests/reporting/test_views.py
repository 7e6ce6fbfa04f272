"""The report pages for the demo council: dashboards with bounded queries (at demo size and ten
times it), lock and publish, restatements after publication, and the editable wording."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scorecard.core.periods import parse
from scorecard.performance import services as performance_services
from scorecard.performance.choices import PeriodState
from scorecard.performance.models import Measurement
from scorecard.reporting.models import Snapshot
from scorecard.reporting.selectors import report_data

from .scale import scale_up

pytestmark = pytest.mark.django_db

PERFORMANCE = reverse("reporting:performance_dashboard")
RISKS = reverse("reporting:risk_dashboard")


def _queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def test_dashboards_run_in_bounded_queries_at_demo_size_and_ten_times(client, demo_council):
    client.force_login(demo_council["reader"])
    urls = {
        "performance published": f"{PERFORMANCE}?period=2017/18-Q2",
        "risks published": f"{RISKS}?period=2017/18-Q2",
        "performance live": f"{PERFORMANCE}?period=2017/18-Q1",
        "risks live": f"{RISKS}?period=2017/18-Q1",
    }
    before = {}
    for name, url in urls.items():
        before[name], html = _queries(client, url)
        print(f"demo size, {name}: {before[name]} queries")
        assert before[name] <= 25, (name, before[name])
    _, html = _queries(client, urls["performance published"])
    assert "Older People Funded in Permanent Care Home placements" in html
    assert "Locked and published" in html
    _, html = _queries(client, urls["risks published"])
    assert "Children&#39;s Social Care: 5 red" in html and "Adult Social Care: 4 red" in html

    scale_up(times=10)
    live = report_data(parse("2017/18-Q1"))
    assert len(live.indicators) == 670 and len(live.risks) >= 1580
    for name in ("performance live", "risks live"):
        count, _ = _queries(client, urls[name])
        print(f"ten times, {name}: {count} queries")
        assert count == before[name], name
    performance_services.reporting_period_set_state(
        period="2017/18-Q1", state=PeriodState.LOCKED, by=demo_council["admin"]
    )
    client.force_login(demo_council["admin"])
    # The copies have gaps of their own: locking acknowledges them.
    response = client.post(
        reverse("reporting:period_lock", kwargs={"period": "2017/18-Q1"}),
        {"confirm": "on", "acknowledge_gaps": "on", "gaps_reason": "Large council test."},
    )
    assert response.status_code == 302
    client.force_login(demo_council["reader"])
    for name, url in (("performance published", urls["performance live"]),
                      ("risks published", urls["risks live"])):  # fmt: skip
        count, _ = _queries(client, url)
        print(f"ten times, {name}: {count} queries")
        assert count == before[name], name


def test_publish_restate_and_reword(client, demo_council):
    admin, editor, reader = demo_council["admin"], demo_council["editor"], demo_council["reader"]
    lock_q1 = reverse("reporting:period_lock", kwargs={"period": "2017/18-Q1"})
    client.force_login(editor)
    assert client.post(lock_q1, {"confirm": "on"}).status_code == 403
    client.force_login(reader)
    assert (
        client.get(reverse("reporting:appendix", kwargs={"period": "2017/18-Q1"})).status_code
        == 403
    )

    # Publishing needs the confirmation, then locks and freezes the quarter in one go.
    client.force_login(admin)
    response = client.post(lock_q1, {})
    assert "Confirm that you have checked the figures." in response.content.decode()
    # Locking acknowledges whatever the quarter still lacks (red values without commentary).
    acknowledged = {"confirm": "on", "acknowledge_gaps": "on", "gaps_reason": "Cabinet deadline."}
    assert client.post(lock_q1, acknowledged).status_code == 302
    snapshot = Snapshot.objects.get(period="2017/18-Q1")
    assert snapshot.indicators.count() == 67 and snapshot.risks.count() > 150
    assert "was published on" in client.get(lock_q1).content.decode()
    client.force_login(reader)
    page = client.get(reverse("reporting:appendix", kwargs={"period": "2017/18-Q1"}))
    assert page.status_code == 200

    # A correction after publication is a restatement: the report keeps the published value.
    published = Measurement.objects.get(indicator__code="HW01", period="2017/18-Q2")
    performance_services.measurement_restate(
        measurement=published,
        by=admin,
        reason="The provider resubmitted its September return.",
        value="1288",
        expected_version=published.version,
    )
    data = report_data(parse("2017/18-Q2"))
    hw01 = next(line for line in data.indicators if line.code == "HW01")
    assert hw01.value == 1299
    assert [(r.code, r.published_value, r.current_value) for r in data.restatements] == [
        ("HW01", 1299, 1288)
    ]
    html = client.get(f"{PERFORMANCE}?period=2017/18-Q2").content.decode()
    assert "restated since publication" in html
    out = json.loads(__import__("scorecard.reporting.documents", fromlist=["x"]).report_json(data))
    assert out["restatements"][0]["current_value"] == 1288.0

    # The wording is a template an administrator edits; a broken one is refused.
    client.force_login(admin)
    url = reverse("reporting:wording_edit")
    response = client.post(url, {"text": "# Report\n\n{{ no_such_figure }}"})
    assert "cannot be filled in" in response.content.decode()
    text = "# Cabinet update\n\nThere are {{ indicator_total }} indicators, {{ green }} green."
    assert client.post(url, {"text": text}).status_code == 302
    cover = client.get(reverse("reporting:cover", kwargs={"period": "2017/18-Q2"})).content
    assert "There are 73 indicators, 25 green." in cover.decode()
