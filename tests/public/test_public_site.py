"""The public performance site: each published quarter as pages anyone reads without signing
in, from its snapshot, cached, and with nothing confidential on any page or file."""

import csv
import io
import re
import subprocess

import pytest
from django.urls import reverse
from docx import Document

from scorecard.core.periods import parse
from scorecard.organisation.models import OrganisationSettings
from scorecard.performance.choices import WorkflowState
from scorecard.performance.models import Measurement
from scorecard.performance.services import measurement_restate
from scorecard.public.models import PublicSite
from scorecard.public.views import pages_forget
from scorecard.reporting import documents, summary
from scorecard.reporting.models import IndicatorSnapshot, RiskSnapshot, Snapshot, StoredDocument
from scorecard.reporting.selectors import report_data
from scorecard.risks.models import Risk

pytestmark = pytest.mark.django_db

Q2 = "2017-18-Q2"
# The demo's commentary marked internal: RC02 Performance Reviews completed (its two sentences,
# as the demo loads them).
INTERNAL = [
    "had a completed Performance Review by 30 September",
    "Completion is lowest in frontline services with high vacancy rates",
]
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def public_urls(client) -> list[str]:
    """Every public page and file of the demo's published quarter, found by following links."""
    seen, queue = [], ["/public/"]
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.append(url)
        response = client.get(url)
        assert response.status_code == 200, url
        if response["Content-Type"].startswith("text/html"):
            for href in re.findall(
                r'href="(/(?:public|open-data)/[^"#]*)"', response.content.decode()
            ):
                if href not in seen and (href.startswith("/public/") or href.count("/") > 2):
                    queue.append(href)
    return seen


def test_the_quarter_page_shows_the_published_figures(
    client, demo_council, django_assert_max_num_queries
):
    snapshot = Snapshot.objects.get()
    with django_assert_max_num_queries(10):
        response = client.get(f"/public/{Q2}/")
    assert response.status_code == 200
    with django_assert_max_num_queries(4):  # kept: the site, the quarter, the confidential risks
        assert client.get(f"/public/{Q2}/").content == response.content
    html = response.content.decode()
    rows = list(IndicatorSnapshot.objects.filter(snapshot=snapshot))
    counts = summary.rating_counts(rows)
    for key, count in counts.items():
        assert f'data-count="{key}"><strong>{count}</strong>' in html
    for row in rows:
        block = html.split(f'data-code="{row.code}"', 1)[1].split("</tr>", 1)[0]
        value = re.search(r'data-field="value">(.*?)</td>', block).group(1)
        target = re.search(r'data-field="target">(.*?)</td>', block).group(1)
        assert value == summary.display(row.value, row.unit, row.decimals), row.code
        assert target.replace("&amp;", "&") == summary.target_cell(row).replace("&amp;", "&")
        assert summary.status_text(row) in block
    assert "Quarter Two 2017/18" in html


def test_the_indicator_and_risk_pages_read_the_snapshot(
    client, demo_council, django_assert_max_num_queries
):
    snapshot = Snapshot.objects.get()
    line = (
        IndicatorSnapshot.objects.filter(snapshot=snapshot, commentary_is_internal=False)
        .exclude(commentary="")
        .first()
    )
    # The site, the quarter (two), the line, its restatements, its history (three), the risks.
    with django_assert_max_num_queries(9):
        page = client.get(f"/public/{Q2}/indicators/{line.code}/")
    html = page.content.decode()
    assert line.title in html and _text(line.commentary) in _text(html).replace("&#39;", "'")
    with django_assert_max_num_queries(10):
        risks = client.get(f"/public/{Q2}/risks/").content.decode()
    total = RiskSnapshot.objects.filter(snapshot=snapshot, is_open=True).count()
    assert f'data-band="total"><strong>{total}</strong>' in risks


def test_pages_are_cached_with_a_strong_etag(client, demo_council):
    first = client.get(f"/public/{Q2}/")
    assert first["Cache-Control"].startswith("public, max-age=")
    assert re.fullmatch(r'"[0-9a-f]{64}"', first["ETag"])
    again = client.get(f"/public/{Q2}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"]
    assert client.get(f"/public/{Q2}/")["ETag"] == first["ETag"]  # the same page every time
    assert "Set-Cookie" not in first and "Cookie" not in first.get("Vary", "")


def test_how_we_measure_explains_each_part_until_the_council_writes_its_own(client, demo_council):
    """The default text covers indicators, risks, projects and publishing, and says who
    approves a figure as the council's self-approval setting has it."""
    PublicSite.objects.update(how_we_measure="")
    page = re.sub(r"\s+", " ", client.get("/public/how-we-measure/").content.decode())
    for heading in ("Performance indicators", "Risks", "Major projects", "Publishing the report"):
        assert f">{heading}</h2>" in page
    assert "another officer checks and approves it before it counts" in page
    OrganisationSettings.objects.update(allow_self_approval=True)
    pages_forget()  # a public page is kept for a minute
    page = re.sub(r"\s+", " ", client.get("/public/how-we-measure/").content.decode())
    assert "another officer checks" not in page
    assert "where the council allows an officer to approve their own figure" in page


def test_the_site_is_off_until_the_council_turns_it_on(client, demo_council):
    PublicSite.objects.update(is_enabled=False)
    for url in ("/public/", f"/public/{Q2}/", "/public/accessibility/"):
        assert client.get(url).status_code == 404
    client.force_login(demo_council["admin"])
    response = client.post(
        "/administration/public-site/",
        {"is_enabled": "on", "how_we_measure": "First paragraph.\n\n<b>Second</b> one."},
    )
    assert response.status_code == 302
    client.logout()
    html = client.get("/public/how-we-measure/").content.decode()
    assert '<p class="govuk-body">First paragraph.</p>' in html
    assert "&lt;b&gt;Second&lt;/b&gt; one." in html  # rendered as text, never as markup


def test_nothing_confidential_draft_or_unpublished_reaches_the_public(
    client, demo_council, tmp_path
):
    snapshot = Snapshot.objects.get()
    secret = RiskSnapshot.objects.filter(snapshot=snapshot, is_open=True).order_by("-score")[0]
    Risk.objects.filter(pk=secret.risk_id).update(is_confidential=True)
    draft = Measurement.objects.filter(state=WorkflowState.DRAFT).first()
    Measurement.objects.filter(pk=draft.pk).update(commentary="Draft words not yet approved")
    everything = []
    for url in public_urls(client):
        response = client.get(url)
        if response["Content-Type"].startswith(("text/", "application/json", "application/csvm")):
            everything.append((url, response.content.decode("utf-8-sig")))
        elif url.endswith(".pdf"):
            pdf = tmp_path / "pack.pdf"
            pdf.write_bytes(response.content)
            text = subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
            everything.append((url, re.sub(r"\s+", " ", text)))
        elif url.endswith(".docx"):
            document = Document(io.BytesIO(response.content))
            everything.append((url, "\n".join(p.text for p in document.paragraphs)))
    urls = [url for url, _ in everything]
    assert f"/public/{Q2}/risks/" in urls and f"/open-data/{Q2}/risks.csv" in urls
    assert "/open-data/all/indicators.csv" in urls
    assert f"/public/{Q2}/pack.pdf" in urls and f"/public/{Q2}/report.docx" in urls
    # The demo's own confidential risks (identified in Quarter Three, on no public page either).
    hidden = [
        secret.title,
        *Risk.objects.filter(is_confidential=True).values_list("title", flat=True),
    ]
    assert len(hidden) >= 4
    files = dict(everything)
    assert "Quarter Two 2017/18" in files[f"/public/{Q2}/pack.pdf"]  # the text was read
    assert "Quarter Two 2017/18" in files[f"/public/{Q2}/report.docx"]
    # The demo's internal commentary (RC02, red this quarter) is in the snapshot, not in the
    # public pack, which says so in its exception report.
    internal = IndicatorSnapshot.objects.get(snapshot=snapshot, code="RC02")
    assert internal.commentary_is_internal and INTERNAL[0] in internal.commentary
    assert "Performance Reviews completed" in files[f"/public/{Q2}/pack.pdf"]
    assert "Commentary: Not published." in files[f"/public/{Q2}/pack.pdf"]
    assert f"/public/{Q2}/indicators/RC02/" in urls
    for url, text in everything:
        assert not [title for title in hidden if title in text], url
        assert f"{secret.reference} " not in text and f"{secret.reference}," not in text, url
        assert "Draft words not yet approved" not in text, url
        assert not [words for words in INTERNAL if words in text], url
        assert "2017-18-Q3" not in text, url
        assert EMAIL.search(text) is None, url
    assert client.get("/public/2017-18-Q3/").status_code == 404


def test_open_data_is_described_by_csv_on_the_web_metadata(client, demo_council):
    metadata = client.get(f"/open-data/{Q2}/csv-metadata.json")
    assert metadata["Content-Type"] == "application/csvm+json"
    body = metadata.json()
    assert body["dc:license"]["@id"].endswith("open-government-licence/version/3/")
    for table in body["tables"]:
        header = client.get(f"/open-data/{Q2}/{table['url']}").content.decode().splitlines()[0]
        assert header.split(",") == [c["name"] for c in table["tableSchema"]["columns"]]
    value = next(c for c in body["tables"][0]["tableSchema"]["columns"] if c["name"] == "value")
    assert value["datatype"] == "decimal" and "unit" in value["dc:description"]

    every = client.get("/open-data/all/csv-metadata.json").json()
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/open-data/all/indicators.csv").content.decode("utf-8-sig"))
        )
    )
    columns = [c["name"] for c in every["tables"][0]["tableSchema"]["columns"]]
    assert list(rows[0]) == columns and columns[0] == "period"
    quarter = client.get(f"/open-data/{Q2}/indicators.json").json()["rows"]
    assert [r["code"] for r in rows if r["period"] == "2017/18-Q2"] == [r["code"] for r in quarter]
    index = client.get("/open-data/index.json").json()
    assert [q["period"] for q in index["quarters"]] == ["2017/18-Q2"]


def test_a_kept_page_still_hides_a_risk_marked_confidential_at_once(client, demo_council):
    snapshot = Snapshot.objects.get()
    top = RiskSnapshot.objects.filter(snapshot=snapshot, is_open=True).order_by("-score")[0]
    before = client.get(f"/public/{Q2}/risks/")
    assert top.title in before.content.decode()
    Risk.objects.filter(pk=top.risk_id).update(is_confidential=True)
    after = client.get(f"/public/{Q2}/risks/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and top.title not in after.content.decode()


def test_the_quarter_page_shows_the_major_projects_as_published(client, demo_council):
    """Each project's rating and savings as the pack prints them; no project's red risks (the
    risks page decides what the public reads of risks)."""
    rows = Snapshot.objects.get(period="2017/18-Q2").projects.all()
    html = client.get(f"/public/{Q2}/").content.decode()
    section = html[html.index('id="major-projects"') :]
    assert rows.filter(savings_achieved__isnull=False).count() == 4  # the programme's four
    for row in rows:
        assert row.name in section
        if row.savings_achieved is None:
            continue
        cells = re.search(
            rf"{re.escape(row.name)}.*?savings-achieved\">([^<]*)<", section, re.DOTALL
        )
        assert cells.group(1) == f"£{row.savings_achieved:,.0f}"
        for risk in row.red_risks:
            assert risk["title"] not in section


def test_internal_commentary_is_left_out_for_the_public_and_shown_to_cabinet(client, demo_council):
    html = _text(client.get(f"/public/{Q2}/indicators/RC02/").content.decode())
    assert "The council's commentary for this quarter is not published." in html
    assert not [words for words in INTERNAL if words in html]
    # Its improvement actions are not marked internal: still published.
    assert "a shorter review form for frontline staff" in html
    assert client.get(f"/public/{Q2}/pack.pdf").status_code == 200
    public = StoredDocument.objects.get(kind="pdf", is_public=True)

    # A signed-in reader sees the public's risks (the same audience) and Cabinet's pack, with
    # the internal commentary marked as such: a build of its own.
    client.force_login(demo_council["reader"])
    pack = _text(client.get(reverse("reporting:appendix", args=[Q2])).content.decode())
    assert all(words in pack for words in INTERNAL)
    assert "Commentary (internal, not published):" in pack
    signed_in = StoredDocument.objects.get(kind="html")
    assert signed_in.audience == public.audience and not signed_in.is_public
    assert client.get(reverse("reporting:appendix_pdf", args=[Q2])).status_code == 200
    assert StoredDocument.objects.filter(kind="pdf").count() == 2  # the public's and Cabinet's


def test_a_restatement_shows_as_a_dated_note_beside_the_published_figure(client, demo_council):
    measurement = Measurement.objects.get(indicator__code="HW01", period="2017/18-Q2")
    measurement_restate(
        measurement=measurement,
        by=demo_council["admin"],
        reason="One placement was counted twice",
        expected_version=measurement.version,
        value="1298",
    )
    # The demo council's clock stands at 4 December 2017 (scorecard/demo, its fixed date).
    note = "Restated on 4 December 2017: One placement was counted twice."
    quarter = client.get(f"/public/{Q2}/").content.decode()
    row = quarter.split('data-code="HW01"', 1)[1].split("</tr>", 1)[0]
    assert re.search(r'data-field="value">1,299</td>', row)  # published as 1,299, unchanged
    assert "since restated as 1,298. " + note in _text(quarter)
    page = client.get(f"/public/{Q2}/indicators/HW01/").content.decode()
    assert "published as 1,299, since restated as 1,298. " + note in _text(page)
    assert '<dd class="govuk-summary-list__value" data-field="value">1,299</dd>' in page
    # Another indicator's page has no note.
    assert "Restated on" not in client.get(f"/public/{Q2}/indicators/HW02/").content.decode()
    # Cabinet's pack and the Markdown report print the same note.
    data = report_data(parse("2017/18-Q2"), reader=None)
    assert note in _text(documents.pack_html(data))
    assert note in documents.report_markdown(data)


def test_a_visitor_without_an_account_is_pointed_to_the_public_site_while_it_is_on(
    client, demo_council
):
    pages = ["/", reverse("login"), "/open-data/"]
    for url in pages:
        html = client.get(url).content.decode()
        assert 'href="/public/">our public performance pages</a>' in html, url
    PublicSite.objects.update(is_enabled=False)
    for url in pages:
        assert 'href="/public/"' not in client.get(url).content.decode(), url


def test_who_restates_or_reviews_is_told_what_the_public_will_read(client, demo_council):
    """The restatement's reason is published; commentary marked internal is not, and says so."""
    client.force_login(demo_council["admin"])
    locked = Measurement.objects.get(indicator__code="HW01", period="2017/18-Q2")
    form = _text(
        client.get(reverse("performance:measurement_restate", args=[locked.pk])).content.decode()
    )
    assert "The reason is published, with the date" in form
    rc02 = Measurement.objects.get(indicator__code="RC02", commentary_is_internal=True)
    page = _text(
        client.get(reverse("performance:indicator", args=[rc02.indicator_id])).content.decode()
    )
    commentary = page[page.index("Commentary: " + rc02.commentary.split()[0]) :][:2000]
    assert "Internal: not published" in commentary
    edit = reverse("performance:measurement_edit", args=[locked.indicator_id, "2017-18-Q3"])
    assert "The improvement actions below stay public." in _text(client.get(edit).content.decode())
    # The value waiting for approval (HW07), its commentary marked internal by its updater.
    waiting = Measurement.objects.get(state="submitted", indicator__code="HW07")
    Measurement.objects.filter(pk=waiting.pk).update(commentary_is_internal=True)
    review = _text(
        client.get(reverse("performance:measurement_review", args=[waiting.pk])).content.decode()
    )
    assert waiting.commentary + " Internal: not published" in review
