"""The API reads projects through the same access function as the pages, with their RAG."""

import pytest

from tests.api.clients import client_for

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
