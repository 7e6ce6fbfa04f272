"""No red, amber or green is printed without what it was rated against, and the reports read in
GOV.UK style: dates as "31 March 2018", one name per state of a quarter, no action offered that
cannot be done. On the demo council, whose Quarter Two 2017/18 is locked and published."""

import io
import re

import pytest
from django.urls import reverse
from docx import Document

from scorecard.reporting.models import IndicatorSnapshot

pytestmark = pytest.mark.django_db

RC02_BASIS = "against a green threshold of 95.0% (amber 90.0%)"
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
LONG_DATE = re.compile(r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b")  # fmt: skip


def text(response) -> str:
    body = response.content.decode()
    body = re.sub(r"<(style|script)\b.*?</\1>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_rc02_prints_its_threshold_beside_red_in_the_dashboard_pack_and_word_cover(
    client, demo_council
):
    rc02 = IndicatorSnapshot.objects.get(code="RC02", snapshot__period="2017/18-Q2")
    assert rc02.rating == "red" and rc02.target is None  # rated by a threshold rule
    shown = f"{rc02.value:.1f}% {RC02_BASIS}"
    client.force_login(demo_council["reader"])

    dashboard = text(
        client.get(reverse("reporting:performance_dashboard"), {"period": "2017/18-Q2"})
    )
    assert f"Red {shown}" in dashboard
    assert "against –" not in dashboard

    pack = text(client.get(reverse("reporting:appendix", kwargs={"period": "2017/18-Q2"})))
    assert f"Red {shown}" in pack
    assert "Against a green threshold of 95.0% (amber 90.0%)" in pack  # the full scorecard

    word = client.get(reverse("reporting:cover_docx", kwargs={"period": "2017/18-Q2"}))
    paragraphs = [p.text for p in Document(io.BytesIO(word.content)).paragraphs]
    assert f"{rc02.title}: {shown}" in paragraphs
    assert "Cabinet report – Quarter Two 2017/18" in paragraphs  # published: not a draft

    statuses = client.get(
        "/api/v1/statuses/",
        {"scorecard": rc02.snapshot.scorecard_id, "period": "2017/18-Q2"},
    ).json()
    rows = statuses["results"] if isinstance(statuses, dict) else statuses
    api_rc02 = next(row for row in rows if row["indicator"] == "RC02")
    assert (api_rc02["state"], api_rc02["rated_against"]) == ("red", RC02_BASIS)


def test_a_locked_quarter_offers_no_lock_and_its_pack_is_not_a_draft_and_dates_read_in_full(
    client, demo_council
):
    client.force_login(demo_council["admin"])
    index = client.get(reverse("reporting:index")).content.decode()
    rows = {
        label: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row))
        for label, row in re.findall(
            r'<th scope="row" class="govuk-table__header">([^<]+)</th>(.*?)</tr>', index, re.S
        )
    }
    published, open_quarter = rows["Quarter Two 2017/18"], rows["Quarter Three 2017/18"]
    assert "Locked and published" in published
    assert "Lock Quarter Two 2017/18 and publish" not in published
    assert "(draft)" not in published
    assert "Open for updates" in open_quarter
    assert "Lock Quarter Three 2017/18 and publish" in open_quarter
    assert "(draft)" in open_quarter

    lock_page = text(client.get(reverse("reporting:period_lock", kwargs={"period": "2017/18-Q2"})))
    assert "Quarter Two 2017/18 is locked and published" in lock_page
    assert "Lock and publish" not in lock_page

    pack = text(client.get(reverse("reporting:appendix", kwargs={"period": "2017/18-Q2"})))
    assert "Draft:" not in pack
    assert LONG_DATE.search(pack), "the pack says when it was published"
    assert not ISO_DATE.search(pack), ISO_DATE.search(pack)
    risks = text(client.get(reverse("reporting:risk_dashboard"), {"period": "2017/18-Q2"}))
    assert re.search(r"due " + LONG_DATE.pattern, risks), "mitigating actions give their date"
    assert not ISO_DATE.search(risks), ISO_DATE.search(risks)
