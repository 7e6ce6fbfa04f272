"""Readiness before locking a quarter, on the demo council: the lock page's counts by
directorate, a lock with gaps refused without a reason, and the acknowledgement printed in the
pack and the Cabinet report once locked."""

import io
import json
import re
from collections import Counter
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document

from scorecard.core.periods import parse
from scorecard.performance.choices import PeriodState
from scorecard.performance.models import Measurement, ReportingPeriod, ScorecardEntry
from scorecard.performance.selectors import scorecard_version_live
from scorecard.projects.models import Project
from scorecard.reporting import documents, services
from scorecard.reporting.models import Snapshot
from scorecard.reporting.selectors import corporate_scorecard, report_data
from scorecard.risks.models import Risk

pytestmark = pytest.mark.django_db

Q3 = parse("2017/18-Q3")
LOCK_Q3 = reverse("reporting:period_lock", kwargs={"period": Q3.key})
REASON = "Cabinet meets on 18 January 2018; the late updates follow next quarter."


def _due_in_q3(indicator) -> bool:
    """Written out for the test: monthly and quarterly indicators are due every quarter, annual
    ones in their due quarter, two-yearly ones in their due quarter every other year."""
    if indicator.frequency in ("monthly", "quarterly"):
        return True
    if indicator.due_quarter != 3:
        return False
    return indicator.frequency == "annual" or (2017 - (indicator.first_due_year or 2000)) % 2 == 0


def _hand_count() -> dict[str, Counter]:
    """Each directorate's figures for Quarter Three, listed from the models one by one."""
    version = scorecard_version_live(scorecard=corporate_scorecard(), period=Q3)
    counts: dict[str, Counter] = {}
    q3_periods = {"2017/18-Q3", "2017/18-M10", "2017/18-M11", "2017/18-M12", "2017/18"}
    for entry in ScorecardEntry.objects.filter(version=version):
        indicator = entry.indicator
        if not _due_in_q3(indicator):
            continue
        row = counts.setdefault(indicator.directorate.name, Counter())
        row["due"] += 1
        states = [
            m.state
            for m in Measurement.objects.filter(indicator=indicator, period__in=q3_periods)
            if m.period != "2017/18" or indicator.frequency in ("annual", "biennial")
        ]
        expected = 3 if indicator.frequency == "monthly" else 1
        if "returned" in states:
            row["returned"] += 1
        elif len(states) < expected or "draft" in states:
            row["missing"] += 1
        elif "submitted" in states:
            row["submitted"] += 1
        else:
            row["approved"] += 1
    for risk in Risk.objects.exclude(status="closed"):
        reviewed = risk.assessments.filter(period=Q3.key).exists()
        if risk.identified_on <= Q3.end and risk.next_review_on <= Q3.end and not reviewed:
            name = risk.register.directorate.name if risk.register.directorate else "Whole council"
            counts.setdefault(name, Counter())["risks"] += 1
    for project in Project.objects.filter(is_archived=False):
        running = project.start_date <= Q3.end and project.end_date >= Q3.start
        if running and not project.updates.filter(period=Q3.key, state="approved").exists():
            counts.setdefault(project.directorate.name, Counter())["projects"] += 1
    return counts


def _table_rows(html: str) -> dict[str, list[int]]:
    """The lock page's readiness table: each row's name and its numbers."""
    table = html.split("by directorate</caption>", 1)[1].split("</table>", 1)[0]
    rows = {}
    for row in re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", table, re.S):
        cells = [unescape(c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        if cells and cells[0] != "Directorate":
            rows[cells[0]] = [int(c.replace(",", "")) for c in cells[1:]]
    return rows


def test_the_lock_page_counts_match_a_hand_count_by_directorate(
    client, demo_council, django_assert_max_num_queries
):
    client.force_login(demo_council["admin"])
    with django_assert_max_num_queries(35):
        html = client.get(LOCK_Q3).content.decode()
    shown = _table_rows(html)
    expected = _hand_count()
    for name, row in expected.items():
        due, approved, submitted, returned, missing, risks, _red, projects = shown[name]
        assert (due, approved, submitted, returned, missing, risks, projects) == (
            row["due"],
            row["approved"],
            row["submitted"],
            row["returned"],
            row["missing"],
            row["risks"],
            row["projects"],
        ), name
    total = sum(expected.values(), Counter())
    assert shown["All directorates"][0] == total["due"]
    assert shown["All directorates"][5] == total["risks"]
    # The demo's projects report each quarter; none of Quarter Three's is approved yet.
    assert shown["All directorates"][7] == total["projects"] > 0
    assert f"{total['projects']} projects without an approved update" in unescape(html)
    # The editor's one value awaiting approval is the quarter's only submitted update.
    assert total["submitted"] == 1 and shown["Adult Services"][2] == 1
    not_received = total["due"] - total["approved"]
    assert f"Quarter Three 2017/18 has {not_received} of {total['due']} updates not approved" in (
        unescape(html)
    )


def test_locking_with_gaps_and_no_reason_is_refused_and_nothing_is_locked(client, demo_council):
    admin = demo_council["admin"]
    with pytest.raises(ValidationError) as refused:
        services.period_lock_and_publish(period=Q3, by=admin, gaps_reason="  ")
    assert (
        "give the reason for locking it without them"
        in refused.value.message_dict["gaps_reason"][0]
    )
    client.force_login(admin)
    page = unescape(client.post(LOCK_Q3, {"confirm": "on"}).content.decode())
    assert "Acknowledge the missing updates and reviews to lock now." in page
    assert "Enter why the quarter is locked with updates missing." in page
    page = unescape(
        client.post(LOCK_Q3, {"confirm": "on", "acknowledge_gaps": "on"}).content.decode()
    )
    assert "Enter why the quarter is locked with updates missing." in page
    assert ReportingPeriod.objects.get(period=Q3.key).state == PeriodState.OPEN
    assert not Snapshot.objects.filter(period=Q3.key).exists()


def _acknowledged_lock(client, admin) -> Snapshot:
    client.force_login(admin)
    response = client.post(
        LOCK_Q3, {"confirm": "on", "acknowledge_gaps": "on", "gaps_reason": REASON}
    )
    assert response.status_code == 302
    return Snapshot.objects.get(period=Q3.key)


def test_a_quarter_locked_with_gaps_prints_its_acknowledgement_in_the_pack_and_the_docx(
    client, demo_council
):
    expected = sum(_hand_count().values(), Counter())
    snapshot = _acknowledged_lock(client, demo_council["admin"])
    assert ReportingPeriod.objects.get(period=Q3.key).state == PeriodState.LOCKED
    assert snapshot.gaps_reason == REASON and snapshot.gaps_acknowledged_by.username == "admin"
    not_received = expected["due"] - expected["approved"]
    sentence = (
        f"{not_received} of {expected['due']} updates were not received; their last rating "
        "is shown, marked as carried."
    )
    who = f"acknowledged by {demo_council['admin']}"

    client.force_login(demo_council["reader"])
    pack = unescape(client.get(reverse("reporting:appendix", args=[Q3.key])).content.decode())
    assert sentence in pack and REASON in pack and who in pack
    assert (
        f"{expected['projects']} projects have no approved update for the quarter; the report "
        "shows each one's last approved update." in pack
    )
    docx = client.get(reverse("reporting:cover_docx", args=[Q3.key]))
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert sentence in text and REASON in text and who in text
    # HW02, red in Quarter Two and missing all three months of Quarter Three, says so.
    row = next(row for row in _scorecard_rows(pack) if "HW02 " in row)
    # Locked on the demo's 4 December 2017, before Quarter Three's deadline: due, not yet late.
    assert "Red, carried from Quarter Two 2017/18" in row and "Awaiting data for Q3 2017/18" in row

    # The JSON and the open data say the same, row by row and in their counts.
    report = json.loads(documents.report_json(report_data(Q3)))
    performance = report["performance"]
    assert performance["gaps"]["reason"] == REASON
    flagged = [i for i in performance["indicators"] if i["rating_carried_from"]]
    assert performance["carried_from_earlier_periods"] == len(flagged) > 0
    assert performance["rated_this_period"] == 0  # nothing was approved in Quarter Three
    opened = client.get("/open-data/2017-18-Q3/indicators.json").json()
    hw02 = next(r for r in opened["rows"] if r["code"] == "HW02")
    assert hw02["rating_carried"] and not hw02["update_late"]  # not late on 4 December 2017
    assert opened["ratings"]["carried_from_earlier_quarters"] == sum(
        1 for r in opened["rows"] if r["rating_carried"]
    )
    assert opened["ratings"]["updates_late"] == sum(1 for r in opened["rows"] if r["update_late"])


def _scorecard_rows(pack: str) -> list[str]:
    """The rows of the pack's full scorecard table."""
    table = pack.split('id="scorecard-title"', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]


def test_the_packs_headline_counts_equal_its_rows_with_carried_rows_flagged(client, demo_council):
    client.force_login(demo_council["admin"])  # Quarter Three's pack is a draft
    for key in ("2017/18-Q2", "2017/18-Q3"):
        pack = unescape(client.get(reverse("reporting:appendix", args=[key])).content.decode())
        rows = _scorecard_rows(pack)
        carried = sum(1 for row in rows if ", carried from " in row)
        rated = sum(1 for row in rows if re.search(r'class="tag tag-(green|amber|red)"', row))
        headline = re.search(
            r"Of the (\d+) ratings, (\d+) (?:was|were) given in [^.]+ and (\d+) (?:is|are) carried",
            pack,
        )
        assert headline, key
        assert (int(headline[1]), int(headline[3])) == (rated, carried), key
        assert int(headline[2]) == rated - carried, key
