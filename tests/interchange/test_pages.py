"""The import and export pages: access, bounded queries, upload to preview to confirm (a
large import queued for the worker: tests/queue)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from scorecard.performance.models import Measurement

from .conftest import INDICATORS, MEASUREMENTS, TARGETS, xlsx

pytestmark = pytest.mark.django_db


def upload(client, data, name="q2.xlsx"):
    return client.post("/import-export/", {"file": SimpleUploadedFile(name, data)})


def test_readers_export_but_do_not_import(client, council, performance_workbook):
    client.force_login(council["reader"])
    page = client.get("/import-export/").content.decode()
    assert "Export" in page and "Upload a file" not in page
    assert upload(client, performance_workbook).status_code == 403


def test_upload_preview_then_confirm(
    client, council, performance_workbook, django_assert_max_num_queries
):
    client.force_login(council["admin"])
    response = upload(client, performance_workbook)
    assert response.status_code == 302
    job_url = response["Location"]
    with django_assert_max_num_queries(8):
        page = client.get(job_url).content.decode()
    assert "What the import would do" in page and "Confirm and import" in page
    assert not Measurement.objects.exists()
    client.post(job_url + "confirm/")
    assert "Import complete" in client.get(job_url).content.decode()
    assert Measurement.objects.count() == 3
    client.force_login(council["editor"])
    assert client.get(job_url).status_code == 404  # someone else's import


def test_problems_are_listed_with_sheet_row_and_column(client, council):
    client.force_login(council["admin"])
    rows = [row[:] for row in MEASUREMENTS]
    rows[2][2] = "n/a"
    response = upload(client, xlsx({"Indicators": INDICATORS, "Measurements": rows}))
    page = client.get(response["Location"]).content.decode()
    assert "<title>Error: " in page
    assert "Measurements, row 3, column Value: &#39;n/a&#39; is not a number." in page
    assert "Confirm and import" not in page


def test_a_wrong_kind_of_file_is_refused_on_the_form(client, council):
    client.force_login(council["admin"])
    response = upload(client, b"%PDF-1.4", name="report.pdf")
    assert response.status_code == 400
    assert (
        "must be an Excel (.xlsx) file, a CSV (.csv) file or a .zip of CSV files"
        in response.content.decode()
    )


@pytest.mark.parametrize("size", [10, 400])
def test_the_index_page_queries_do_not_grow(client, council, size, django_assert_max_num_queries):
    client.force_login(council["admin"])
    for n in range(size // 10):
        upload(client, xlsx({"Targets": TARGETS}), name=f"t{n}.xlsx")
    with django_assert_max_num_queries(6):
        assert client.get("/import-export/").status_code == 200
