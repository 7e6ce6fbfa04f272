"""Both dashboards as the council grows: queries that do not grow with it, counts that match a
reference computation, edits that show at once, and the scorecard a page at a time."""

import re
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scorecard.ops.generator import generate, last_years
from scorecard.performance import services as performance_services
from scorecard.performance.models import Measurement
from scorecard.reporting import kept
from scorecard.reporting.selectors import (
    corporate_scorecard,
    indicator_lines,
    indicator_lines_kept,
)
from scorecard.risks import services as risk_services
from scorecard.risks.models import Assessment, Risk

pytestmark = pytest.mark.django_db

QUARTER = last_years(1)[-1].quarters()[-1]
PERFORMANCE = f"{reverse('reporting:performance_dashboard')}?period={QUARTER.key}"
RISKS = f"{reverse('reporting:risk_dashboard')}?period={QUARTER.key}"


def _get(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def _counts(client) -> dict[str, int]:
    """Each dashboard's queries on a first read (every line built) and on a second (kept)."""
    counts = {}
    for name, url in (("performance", PERFORMANCE), ("risks", RISKS)):
        kept.forget()
        counts[f"{name}, first read"], _ = _get(client, url)
        counts[f"{name}, read again"], _ = _get(client, url)
    return counts


def _summary_row(html: str) -> list[int]:
    """The "All N" row of the performance dashboard's counts: green, amber, red, not rated."""
    row = re.search(r"All \d+</th>(.*?)</tr>", html, re.S).group(1)
    return [int(n) for n in re.findall(r"<strong>(\d+)</strong>", row)]


def _band_counts(html: str) -> dict[str, int]:
    table = html.split("Risks by band", 1)[1].split("Heat map", 1)[0]
    found = re.findall(r'header">([\w ]+)</th><td[^>]*>(?:<strong>)?(\d+)', table)
    return {label: int(n) for label, n in found}


def test_the_dashboards_queries_do_not_grow_with_the_council(client, demo):
    client.force_login(demo["admin"])
    generate(indicators=20, risks=20, years=2, seed=1)
    small = _counts(client)
    generate(indicators=180, risks=180, years=2, seed=2)
    large = _counts(client)
    print(small, large)
    assert large == small
    assert small["performance, read again"] < small["performance, first read"]


def test_the_counts_shown_are_those_of_a_reference_computation(client, demo):
    client.force_login(demo["admin"])
    generate(indicators=120, risks=150, years=2, seed=3)
    _, html = _get(client, PERFORMANCE)
    reference = Counter(
        line.rating if line.rating in ("green", "amber", "red") else "not_rated"
        for line in indicator_lines(scorecard=corporate_scorecard(), period=QUARTER)
    )
    shown = _summary_row(html)
    assert shown == [reference[k] for k in ("green", "amber", "red", "not_rated")]
    assert sum(shown) == 120

    # Risks: each open risk's latest review up to the end of the quarter, counted by band.
    latest = {}
    for a in Assessment.objects.filter(assessed_on__lte=QUARTER.end).order_by("assessed_on", "pk"):
        latest[a.risk_id] = a.band_label
    open_ids = Risk.objects.filter(identified_on__lte=QUARTER.end, closed_on__isnull=True)
    expected = Counter(latest[pk] for pk in open_ids.values_list("pk", flat=True))
    _, html = _get(client, RISKS)
    bands = _band_counts(html)
    assert {k: v for k, v in bands.items() if k != "All registers"} == {
        label: expected.get(label, 0) for label in ("Red", "Amber", "Green")
    }
    assert sum(expected.values()) == 150


def test_an_edit_shows_on_the_dashboards_at_once(client, demo):
    admin = demo["admin"]
    client.force_login(admin)
    generate(indicators=30, risks=30, years=2, seed=4)
    _, before = _get(client, PERFORMANCE)
    _get(client, PERFORMANCE)  # the lines are now kept

    # A green indicator's value keyed as 0, submitted and approved through the services.
    lines = indicator_lines(scorecard=corporate_scorecard(), period=QUARTER)
    green = next(x for x in lines if x.rating == "green" and x.polarity == "higher")
    indicator = green.indicator
    month = QUARTER.months()[-1].key
    value = Measurement.objects.get(indicator=indicator, period=month)
    value = performance_services.measurement_record(
        indicator=indicator, period=month, by=demo["editor"], value="0",
        commentary="Collapsed.", improvement_actions="Recovery plan.",
        expected_version=value.version,
    )  # fmt: skip
    value = performance_services.measurement_submit(
        measurement=value, by=demo["editor"], expected_version=value.version
    )
    performance_services.measurement_approve(
        measurement=value, by=admin, expected_version=value.version
    )
    _, after = _get(client, PERFORMANCE)
    reference = Counter(
        line.rating for line in indicator_lines(scorecard=corporate_scorecard(), period=QUARTER)
    )
    assert _summary_row(after)[2] == reference["red"] == _summary_row(before)[2] + 1
    assert _summary_row(after)[0] == _summary_row(before)[0] - 1
    card = after.split('id="exceptions"', 1)[1].split("Red ratings carried", 1)[0]
    assert f"{indicator.code} {indicator.title}" in card

    # A review recorded by the risk service moves the risk between bands at once.
    risk = Risk.objects.filter(closed_on__isnull=True).order_by("pk").first()
    _, html = _get(client, RISKS)
    counts_before = _band_counts(html)
    now = risk.assessments.order_by("assessed_on", "pk").last().band_label
    band = "Red" if now != "Red" else "Green"
    lk, im = (5, 5) if band == "Red" else (1, 1)
    risk_services.assessment_record(
        risk=risk,
        likelihood=lk,
        impact=im,
        assessor=admin,
        assessed_on=QUARTER.end,
        commentary="Reviewed at the quarter's end.",
    )
    _, html = _get(client, RISKS)
    counts_after = _band_counts(html)
    assert counts_after[band] == counts_before[band] + 1
    assert counts_after["All registers"] == counts_before["All registers"]


def _table_codes(html: str) -> list[str]:
    table = html.split('id="scorecard"', 1)[1]
    return re.findall(r'<td class="govuk-table__cell">(S5-\d+) ', table)


def test_the_scorecard_is_shown_a_page_at_a_time_without_javascript(client, demo):
    client.force_login(demo["reader"])
    generate(indicators=120, risks=0, years=1, seed=5)
    _, html = _get(client, PERFORMANCE)
    assert "120 of 120 indicators, 1 to 50 shown" in html
    seen = _table_codes(html)
    assert len(seen) == 50
    # The pagination is plain links that keep the quarter (and any filter): follow "Next".
    for expected in ("51 to 100 shown", "101 to 120 shown"):
        after_next = html.split('rel="next"', 1)[0].rsplit('href="', 1)[1].split('"', 1)[0]
        assert f"period={QUARTER.key}".replace("/", "%2F") in after_next
        _, html = _get(
            client, reverse("reporting:performance_dashboard") + after_next.replace("&amp;", "&")
        )
        assert expected in html
        assert sum(_summary_row(html)) == 120  # the counts stay those of the whole scorecard
        seen += _table_codes(html)
    assert sorted(seen) == [f"S5-{n:05d}" for n in range(1, 121)]

    _, filtered = _get(client, f"{PERFORMANCE}&status=red")
    red = _summary_row(filtered)[2]
    assert f"{red} of 120 indicators" in filtered
    for href in re.findall(r'href="(\?[^"]*page=\d+[^"]*)"', filtered):
        assert "status=red" in href


def test_after_an_edit_only_the_edited_indicators_line_is_built_again(demo):
    admin = demo["admin"]
    generate(indicators=10, risks=0, years=2, seed=6)
    scorecard = corporate_scorecard()
    before = {x.indicator_id: x for x in indicator_lines_kept(scorecard=scorecard, period=QUARTER)}
    edited = next(iter(before.values())).indicator
    month = QUARTER.months()[-1].key
    value = Measurement.objects.get(indicator=edited, period=month)
    performance_services.measurement_record(
        indicator=edited, period=month, by=admin, value="1", expected_version=value.version
    )
    after = {x.indicator_id: x for x in indicator_lines_kept(scorecard=scorecard, period=QUARTER)}
    assert list(after) == list(before)
    assert [pk for pk in after if after[pk] is not before[pk]] == [edited.pk]
    assert [x.order for x in after.values()] == [x.order for x in before.values()]


def test_kept_lines_are_kept_on_a_new_day(demo, monkeypatch):
    # No line moves with the date alone (test_warm_start.py): a new day keeps them, so that a
    # server warmed yesterday is still warm.
    import datetime as dt

    from django.utils import timezone

    generate(indicators=3, risks=0, years=1, seed=8)
    scorecard = corporate_scorecard()
    today = dt.date(2026, 11, 26)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today)
    first = indicator_lines_kept(scorecard=scorecard, period=QUARTER)
    assert indicator_lines_kept(scorecard=scorecard, period=QUARTER) is first
    today = dt.date(2026, 11, 27)
    assert indicator_lines_kept(scorecard=scorecard, period=QUARTER) is first
