"""A quarter's documents are built once, in a task, and then served as stored: the published
PDF keeps its checksum and is never rendered again, answers 304 to its ETag, and a draft is
served from its last build until something it is made from changes (decision 0034)."""

import hashlib

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from scorecard.ops.generator import generate, last_years
from scorecard.performance import services as performance_services
from scorecard.performance.models import Measurement
from scorecard.reporting import services, stored
from scorecard.reporting.models import StoredDocument
from tests.queue.conftest import run_worker

Q2 = "2017-18-Q2"
PDF = reverse("reporting:appendix_pdf", args=[Q2])
DOCX = reverse("reporting:cover_docx", args=[Q2])
PAGE = reverse("reporting:appendix", args=[Q2])


@pytest.fixture
def never_rendered(monkeypatch):
    """Any render from here on fails the test."""

    def refuse(data):
        raise AssertionError("a document was rendered")

    for kind in stored.RENDER:
        monkeypatch.setitem(stored.RENDER, kind, refuse)


@pytest.fixture
def rendered(monkeypatch) -> list[str]:
    """The kinds rendered, in order."""
    calls = []
    for kind, render in list(stored.RENDER.items()):

        def counted(data, kind=kind, render=render):
            calls.append(str(kind))
            return render(data)

        monkeypatch.setitem(stored.RENDER, kind, counted)
    return calls


def _checksum(response) -> str:
    return hashlib.sha256(response.content).hexdigest()


@pytest.mark.django_db
def test_the_published_pdf_is_built_once_then_served_unchanged(
    client, demo_council, request, django_assert_max_num_queries
):
    client.force_login(demo_council["reader"])
    first = client.get(PDF)  # tests run a queued task at once: built, then served
    assert first.status_code == 200 and first.content.startswith(b"%PDF")
    assert first["ETag"] == f'"{_checksum(first)}"' and first["Last-Modified"]
    assert first["Content-Disposition"] == 'attachment; filename="cabinet-pack-2017-18-Q2.pdf"'

    request.getfixturevalue("never_rendered")
    with django_assert_max_num_queries(12):
        again = client.get(PDF)
    assert again.status_code == 200 and again.content == first.content
    assert again["ETag"] == first["ETag"]
    document = StoredDocument.objects.get(kind="pdf")
    assert document.sha256 == _checksum(again)

    # Another reader who sees the same risks gets the same stored file.
    client.force_login(demo_council["editor"])
    assert client.get(PDF).content == first.content
    assert StoredDocument.objects.filter(kind="pdf").count() == 1

    unchanged = client.get(PDF, headers={"If-None-Match": first["ETag"]})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged["ETag"] == first["ETag"]
    assert client.get(PDF, headers={"If-None-Match": '"other"'}).status_code == 200


@pytest.mark.django_db
def test_while_a_build_waits_the_page_says_so_and_renders_nothing(
    client, demo_council, settings, never_rendered
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(demo_council["reader"])
    for url in (PDF, DOCX, PAGE):
        page = client.get(url)
        assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
        html = page.content.decode()
        assert '<meta http-equiv="refresh"' in html and "<progress" in html
        assert "Waiting to start" in html and "opens at once from then on" in html
    assert client.get(PDF).status_code == 200  # asked again: still one build queued
    assert DBTaskResult.objects.count() == StoredDocument.objects.count() == 3


@pytest.mark.django_db(transaction=True)  # the worker runs outside the test's transaction
def test_publishing_queues_each_document_once_for_the_worker(client, demo, settings, rendered):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    generate(indicators=6, risks=6, years=2, seed=5)
    quarter = last_years(1)[-1].quarters()[-1]
    services.period_lock_and_publish(period=quarter, by=demo["admin"], gaps_reason="Test.")
    # The public's documents and every risk's: PDF, DOCX and the page, once each.
    assert StoredDocument.objects.filter(state="waiting").count() == DBTaskResult.objects.count()
    assert {d.kind for d in StoredDocument.objects.all()} == {"pdf", "docx", "html"}
    assert rendered == []  # nothing built in the request
    run_worker()
    assert set(StoredDocument.objects.values_list("state", flat=True)) == {"done"}
    built = len(rendered)
    client.force_login(demo["admin"])
    slug = quarter.key.replace("/", "-")
    for name in ("appendix_pdf", "cover_docx", "appendix"):
        assert client.get(reverse(f"reporting:{name}", args=[slug])).status_code == 200
    assert len(rendered) == built  # served as stored


@pytest.mark.django_db
def test_a_draft_is_served_from_its_last_build_until_its_data_changes(client, demo, rendered):
    generate(indicators=6, risks=6, years=2, seed=9)
    quarter = last_years(1)[-1].quarters()[-1]
    url = reverse("reporting:appendix", args=[quarter.key.replace("/", "-")])
    client.force_login(demo["admin"])
    first = client.get(url)
    assert first.status_code == 200 and rendered == ["html"]
    assert client.get(url).content == first.content and rendered == ["html"]

    value = Measurement.objects.filter(period=quarter.months()[-1].key).order_by("pk").first()
    value = performance_services.measurement_record(
        indicator=value.indicator, period=value.period, by=demo["editor"], value="12345",
        commentary="Keyed again.", improvement_actions="None needed.",
        expected_version=value.version,
    )  # fmt: skip
    after = client.get(url)
    assert rendered == ["html", "html"]  # a change since: built again
    assert after["ETag"] != first["ETag"]
    # Only the newest draft is kept: the first is never asked for again.
    assert list(StoredDocument.objects.values_list("sha256", flat=True)) == [
        after["ETag"].strip('"')
    ]


@pytest.mark.django_db
def test_a_value_restated_after_publication_builds_the_pack_again_with_its_dated_note(
    client, demo_council, rendered
):
    client.force_login(demo_council["admin"])
    first = client.get(PAGE)
    assert first.status_code == 200 and rendered == ["html"]
    reason = "Two discharges were counted twice."
    assert reason not in first.content.decode()

    value = Measurement.objects.filter(period="2017/18-Q2", state="approved").order_by("pk")[0]
    performance_services.measurement_restate(
        measurement=value, by=demo_council["admin"], reason=reason,
        value=value.value + 1, expected_version=value.version,
    )  # fmt: skip
    after = client.get(PAGE)
    assert rendered == ["html", "html"]  # built again, from the same snapshot
    assert f"Restated on 4 December 2017: {reason}" in after.content.decode()
    assert after["ETag"] != first["ETag"]
    assert client.get(PAGE).content == after.content and len(rendered) == 2  # then kept
    assert StoredDocument.objects.filter(kind="html").count() == 2  # the first is kept too
