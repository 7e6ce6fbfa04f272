"""The API reads projects through the same access function as the pages, with their RAG."""

import pytest

from tests.api.clients import client_for

from .conftest import QUARTER

pytestmark = pytest.mark.django_db


def test_the_api_lists_projects_with_their_rating_and_milestones(project, people):
    rows = client_for(people["reader"]).get("/api/v1/projects/").json()
    assert [r["name"] for r in rows] == ["Digital front door"]
    row = rows[0]
    assert row["rag"]["schedule"] == "red" and "94 days late" in row["rag"]["reason"]
    assert [m["state"] for m in row["milestones"]] == ["missed", "on track"]
    assert row["finances"][0]["budget"] == "400000.00"


def test_an_archived_project_is_not_read_by_a_reader(project, people):
    from scorecard.projects import services

    services.project_edit(project=project, is_archived=True)
    assert client_for(people["reader"]).get(f"/api/v1/projects/{project.pk}/").status_code == 404
    assert client_for(people["admin"]).get(f"/api/v1/projects/{project.pk}/").status_code == 200


def approved(project, people):
    """The editor's Quarter Two update, approved by Sam: the online forms went live on 20
    September, 19 days after the planned 1 September."""
    from scorecard.projects import services

    forms = project.milestones.get(name="Online forms live")
    update = services.project_update_save(
        project=project, by=people["editor"], period=QUARTER, progress="Forms live.",
        spend="150000", forecast_spend="410000", savings_achieved="400000",
        milestone_dates={str(forms.pk): {"actual": "2017-09-20"}},
    )  # fmt: skip
    update = services.project_update_submit(
        update=update, by=people["editor"], expected_version=update.version
    )
    return services.project_update_approve(
        update=update, by=people["sam"], expected_version=update.version
    )


def test_the_detail_has_milestones_finances_by_year_and_the_approved_updates_rag(
    project, people, django_assert_max_num_queries
):
    from scorecard.projects import services

    services.project_edit(project=project, reference="TP07")
    services.project_finance_set(project=project, year="2018/19", budget="50000")
    approved(project, people)
    client = client_for(people["reader"])
    with django_assert_max_num_queries(10):
        body = client.get(f"/api/v1/projects/{project.pk}/").json()
    assert (body["reference"], body["name"]) == ("TP07", "Digital front door")
    assert [(m["name"], m["actual_date"]) for m in body["milestones"]] == [
        ("Online forms live", "2017-09-20"),
        ("Phone line closed", None),
    ]
    # Each financial year, in order: 2017/18 with the approved update's figures, then 2018/19.
    assert [(f["year"], f["budget"], f["spend"]) for f in body["finances"]] == [
        ("2017/18", "400000.00", "150000.00"),
        ("2018/19", "50000.00", None),
    ]
    update = body["latest_approved_update"]
    assert (update["period"], update["approved_by"]) == ("2017/18-Q2", "sam")
    # As at 30 September 2017: 19 days late is amber (amber from 14 days, red from 42);
    # £410,000 expected against a £400,000 budget is 2.5% over, green (amber from 5%);
    # £400,000 saved against the £500,000 profile (half the £1,000,000 target) is 20% short,
    # red (red from 15%); overall the worst, red.
    rag = update["rag"]
    assert (rag["schedule"], rag["budget"], rag["savings"], rag["overall"]) == (
        "amber", "green", "red", "red"
    )  # fmt: skip


def test_a_project_without_an_approved_update_has_none_and_a_bad_id_is_not_found(project, people):
    client = client_for(people["reader"])
    assert client.get(f"/api/v1/projects/{project.pk}/").json()["latest_approved_update"] is None
    assert client.get("/api/v1/projects/abc/").status_code == 404
    assert client.get("/api/v1/projects/99999999999999999999/").status_code == 404


def test_the_list_reads_in_a_bounded_number_of_queries(
    project, people, django_assert_max_num_queries
):
    from scorecard.projects import services

    approved(project, people)
    for n in range(5):
        other = services.project_create(
            name=f"Project {n}", owner=people["editor"], directorate=project.directorate,
            start_date=project.start_date, end_date=project.end_date,
        )  # fmt: skip
        services.milestone_create(project=other, name="Start", planned_date=project.start_date)
    client = client_for(people["reader"])
    with django_assert_max_num_queries(10):
        rows = client.get("/api/v1/projects/").json()
    assert len(rows) == 6
    assert [r["latest_approved_update"] is not None for r in rows].count(True) == 1
