"""The project pages: read by everyone with a role, the update form for the manager, the review
for the sponsor; the indicator page names the projects that move it."""

import pytest
from django.urls import reverse

from scorecard.organisation.models import Directorate
from scorecard.performance import services as performance_services
from scorecard.performance.choices import Unit
from scorecard.projects import services
from scorecard.projects.choices import UpdateState
from scorecard.projects.models import ProjectUpdate

from .conftest import QUARTER

pytestmark = pytest.mark.django_db


def test_the_project_page_shows_its_rating_with_the_reason(
    client, project, people, django_assert_max_num_queries
):
    client.force_login(people["reader"])
    with django_assert_max_num_queries(30):
        html = client.get(reverse("projects:project", args=[project.pk])).content.decode()
    # The demo lives on 4 December 2017: "Online forms live", planned 1 September, is missed.
    assert "Milestone “Online forms live” 94 days late." in html
    assert "Write this quarter" not in html  # a reader does not write updates


def test_the_project_list_is_bounded_in_queries(
    client, project, people, django_assert_max_num_queries
):
    client.force_login(people["reader"])
    with django_assert_max_num_queries(20):
        response = client.get(reverse("projects:index"))
    assert "Digital front door" in response.content.decode()


def test_the_manager_submits_and_the_sponsor_approves_through_the_pages(client, project, people):
    client.force_login(people["editor"])
    url = reverse("projects:update_edit", args=[project.pk])
    response = client.post(url, {
        "period": QUARTER, "progress": "Forms live for two services.", "spend": "150,000",
        "forecast_spend": "", "savings_achieved": "400000", "rag_judgement": "", "version": "",
        "submit": "1",
    })  # fmt: skip
    assert response.status_code == 302
    update = ProjectUpdate.objects.get(project=project)
    assert update.state == UpdateState.SUBMITTED
    client.force_login(people["sam"])
    review = reverse("projects:update_review", args=[update.pk])
    response = client.post(review, {"decision": "return", "reason": "", "version": update.version})
    assert "Say why the update is returned" in response.content.decode()
    response = client.post(review, {"decision": "approve", "reason": "", "version": update.version})
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.state == UpdateState.APPROVED


def test_a_refused_judgement_keeps_what_was_typed(client, project, people):
    client.force_login(people["editor"])
    response = client.post(reverse("projects:update_edit", args=[project.pk]), {
        "period": QUARTER, "progress": "Kept text", "rag_judgement": "green", "version": "",
    })  # fmt: skip
    html = response.content.decode()
    assert "Give the reason for your judgement" in html
    assert "Kept text" in html
    assert not ProjectUpdate.objects.exists()


def test_the_indicator_page_names_the_projects_that_move_it(client, project, people):
    indicator = performance_services.indicator_create(
        code="CS01", title="Online transactions", directorate=Directorate.objects.get(code="ASC"),
        unit=Unit.NUMBER, owner=people["admin"],
    )  # fmt: skip
    services.project_edit(project=project, indicators=[indicator])
    client.force_login(people["reader"])
    html = client.get(reverse("performance:indicator", args=[indicator.pk])).content.decode()
    assert "Projects that move this indicator" in html
    assert "Digital front door" in html
    html = client.get(reverse("projects:project", args=[project.pk])).content.decode()
    assert "CS01 Online transactions" in html


def test_the_administrator_adds_a_project_and_an_unknown_code_is_refused(client, people):
    from scorecard.projects.models import Project

    client.force_login(people["admin"])
    fields = {
        "name": "Care home rebuild", "owner": people["editor"].pk,
        "directorate": Directorate.objects.get(code="ASC").pk, "start_date": "2017-04-01",
        "end_date": "2019-03-31", "indicators": "XX99", "priorities": "",
    }  # fmt: skip
    response = client.post(reverse("projects:project_create"), fields)
    assert "No such code: XX99." in response.content.decode()
    assert not Project.objects.exists()
    response = client.post(reverse("projects:project_create"), {**fields, "indicators": ""})
    project = Project.objects.get()
    assert response["Location"] == reverse("projects:project", args=[project.pk])
    assert project.owner == people["editor"]


def test_a_reference_is_kept_and_another_projects_reference_refused_on_the_form(
    client, project, people
):
    from scorecard.projects.models import Project

    client.force_login(people["admin"])
    fields = {
        "reference": "cp01", "name": "Care home rebuild", "owner": people["editor"].pk,
        "directorate": Directorate.objects.get(code="ASC").pk, "start_date": "2017-04-01",
        "end_date": "2019-03-31", "indicators": "", "priorities": "",
    }  # fmt: skip
    client.post(reverse("projects:project_create"), fields)
    assert Project.objects.get(name="Care home rebuild").reference == "cp01"
    # The same reference in other capitals is another project's: refused on the field.
    response = client.post(
        reverse("projects:project_create"), {**fields, "reference": "CP01", "name": "Depot"}
    )
    assert "Another project has the reference CP01." in response.content.decode()
    assert not Project.objects.filter(name="Depot").exists()
    page = client.get(reverse("projects:project", args=[project.pk])).content.decode()
    assert "Reference" in page


def test_the_project_list_offers_for_approval_only_updates_someone_else_submitted(
    client, project, people
):
    update = services.project_update_save(
        project=project, by=people["admin"], period=QUARTER, progress="Forms live."
    )
    services.project_update_submit(
        update=update, by=people["admin"], expected_version=update.version
    )
    waiting = "Updates waiting for your approval"

    client.force_login(people["admin"])  # the performance team wrote it: not theirs to approve
    assert waiting not in client.get(reverse("projects:index")).content.decode()
    client.force_login(people["sam"])
    html = client.get(reverse("projects:index")).content.decode()
    assert waiting in html
    assert (
        "Digital front door, 2017/18-Q2" in html or "Digital front door" in html.split(waiting)[1]
    )
