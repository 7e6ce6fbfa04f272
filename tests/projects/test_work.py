"""A project's quarterly update on its manager's home page and in the reminders until it is
submitted; a submitted update waiting on the home page of those who may approve it, never of
the person who entered or submitted it. Quarter Two 2017/18 is the quarter open for updates and
the council's clock reads 4 December 2017 (tests/projects/conftest.py)."""

import datetime as dt
import re

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scorecard.core import periods
from scorecard.home import home_for
from scorecard.organisation.models import Directorate
from scorecard.projects import services
from scorecard.reminders import reminders_compose

from .conftest import QUARTER

pytestmark = pytest.mark.django_db

HOME_QUERIES = 30  # as tests/test_home.py bounds every home page
Q2 = periods.parse(QUARTER, 4)


def page_of(client, person, django_assert_max_num_queries):
    client.force_login(person)
    with django_assert_max_num_queries(HOME_QUERIES):
        response = client.get("/")
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def section(page, heading_id: str):
    found = page.xpath(f"//section[@aria-labelledby='{heading_id}']")
    return found[0] if found else None


def words(node) -> str:
    return re.sub(r"\s+", " ", node.text_content()).strip()


def saved(project, by):
    return services.project_update_save(
        project=project, by=by, period=QUARTER, progress="Forms built.", spend="100000"
    )


def test_the_manager_sees_the_update_owed_until_it_is_submitted(
    client, project, people, django_assert_max_num_queries
):
    editor = people["editor"]
    page = page_of(client, editor, django_assert_max_num_queries)
    owed = section(page, "home-project-updates")
    # Quarter Two ends on 30 September 2017; due 30 days later, 30 October, so late on 4 December.
    assert words(owed.xpath(".//p")[0]) == (
        "1 project update still to submit, 1 late. Due by 30 October 2017."
    )
    cells = [words(td) for td in owed.xpath(".//tbody/tr/td")]
    assert cells[:2] == ["Digital front door", "Not started Late"]
    assert owed.xpath(".//a/@href")[-1] == f"/projects/{project.pk}/update/?period=2017/18-Q2"

    update = saved(project, editor)
    page = page_of(client, editor, django_assert_max_num_queries)
    assert words(section(page, "home-project-updates").xpath(".//tbody/tr/td")[1]) == "Draft Late"

    services.project_update_submit(update=update, by=editor, expected_version=update.version)
    page = page_of(client, editor, django_assert_max_num_queries)
    assert section(page, "home-project-updates") is None


def test_an_archived_project_or_one_not_yet_started_owes_nothing(project, people):
    services.project_create(
        name="Library refit", owner=people["editor"], directorate=project.directorate,
        start_date=dt.date(2018, 1, 8), end_date=dt.date(2018, 9, 30),
    )  # fmt: skip  # starts in Quarter Four
    assert [u.project.name for u in home_for(people["editor"]).project_updates] == [
        "Digital front door"
    ]
    services.project_edit(project=project, is_archived=True)
    assert home_for(people["editor"]).project_updates == []


def test_the_sponsor_sees_the_submitted_update_waiting_and_who_submitted_it_does_not(
    client, project, people, django_assert_max_num_queries
):
    admin = people["admin"]
    update = saved(project, admin)  # the administrator writes and submits it for the manager
    update = services.project_update_submit(update=update, by=admin, expected_version=1)
    sponsor_page = page_of(client, people["sam"], django_assert_max_num_queries)
    waiting = section(sponsor_page, "home-project-approvals")
    assert [words(li) for li in waiting.xpath(".//li")] == [
        f"Digital front door, Quarter Two 2017/18, from {admin.get_full_name()}"
    ]
    assert waiting.xpath(".//a/@href") == [f"/projects/updates/{update.pk}/review/"]
    # The administrator may approve any project's update, but not one they entered.
    admin_page = page_of(client, admin, django_assert_max_num_queries)
    assert section(admin_page, "home-project-approvals") is None
    # The reader approves nothing and manages nothing.
    reader_page = page_of(client, people["reader"], django_assert_max_num_queries)
    assert section(reader_page, "home-project-approvals") is None
    assert section(reader_page, "home-project-updates") is None


def test_the_home_pages_queries_do_not_grow_with_the_projects(project, people):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            home_for(people["editor"])
            home_for(people["sam"])
        return len(captured)

    queries()  # the first call reads what is then kept for the process
    one = queries()
    asc = Directorate.objects.get(code="ASC")
    for n in range(5):
        other = services.project_create(
            name=f"Project {n}", owner=people["editor"], sponsor=people["sam"], directorate=asc,
            start_date=dt.date(2017, 4, 1), end_date=dt.date(2018, 3, 31),
        )  # fmt: skip
        update = saved(other, people["editor"])
        services.project_update_submit(update=update, by=people["editor"], expected_version=1)
    assert len(home_for(people["sam"]).project_approvals) == 5
    assert queries() == one


def test_the_reminders_include_the_project_update_owed(project, people):
    reminders = {r.person.username: r for r in reminders_compose(quarter=Q2)}
    editor = reminders["editor"]
    assert (
        "Project Digital front door, update for Quarter Two 2017/18: not started, OVERDUE since "
        "30 October 2017"
    ) in editor.lines
    # Before the deadline it is due, not overdue; once submitted it is not in the reminder.
    before = reminders_compose(quarter=Q2, today=dt.date(2017, 10, 30))
    lines = next(r.lines for r in before if r.person.username == "editor")
    assert (
        "Project Digital front door, update for Quarter Two 2017/18: not started, due by "
        "30 October 2017"
    ) in lines
    update = saved(project, people["editor"])
    services.project_update_submit(update=update, by=people["editor"], expected_version=1)
    after = reminders_compose(quarter=Q2)
    lines = [line for r in after for line in r.lines]
    assert not [line for line in lines if line.startswith("Project ")]


def test_the_schedules_late_reminder_keeps_the_overdue_project_update(project, people):
    late_only = reminders_compose(quarter=Q2, keep=lambda u: u.overdue, with_risks=False)
    lines = [line for r in late_only for line in r.lines if line.startswith("Project ")]
    assert lines == [
        "Project Digital front door, update for Quarter Two 2017/18: not started, OVERDUE since "
        "30 October 2017"
    ]
