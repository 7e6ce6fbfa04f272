"""What the project manager, the sponsor and the performance team see of a quarterly update: the
quarter open now offered, never a locked one; no form that could only be refused, but why; the
milestone dates an update changes; every problem of a form at once."""

import datetime as dt
import html as html_lib
import re

import pytest
from django.urls import reverse

from scorecard.organisation.models import User
from scorecard.performance.choices import PeriodState
from scorecard.performance.services import reporting_period_open, reporting_period_set_state
from scorecard.projects import services
from scorecard.projects.choices import UpdateState
from scorecard.projects.models import Project, ProjectUpdate

from .conftest import QUARTER

pytestmark = pytest.mark.django_db

Q3 = "2017/18-Q3"


def text(response) -> str:
    """The page's text as a person reads it: tags gone, entities decoded, spaces collapsed."""
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html_lib.unescape(body).split())


def offered(response) -> list[str]:
    select = re.search(r'<select[^>]*name="period".*?</select>', response.content.decode(), re.S)
    return re.findall(r'<option value="([^"]*)"', select.group(0)) if select else []


def submitted(project, by, **fields):
    update = services.project_update_save(
        project=project, by=by, period=QUARTER, progress="Forms built.", **fields
    )
    return services.project_update_submit(update=update, by=by, expected_version=update.version)


# --- 1. the quarter open now, never a locked one --------------------------------------------


def test_the_demo_s_update_form_offers_quarter_three_not_locked_quarter_two(client, demo_council):
    project = Project.objects.get(name="Digital by default")
    client.force_login(project.owner)
    url = reverse("projects:update_edit", args=[project.pk])
    assert offered(client.get(url)) == [Q3]
    # A link naming Quarter Two (locked and published) opens Quarter Three's form, not Quarter
    # Two's approved update as if it could be changed.
    page = client.get(url, {"period": "2017/18-Q2"})
    assert offered(page) == [Q3]
    assert "Website live three weeks late" not in text(page)


def test_with_no_quarter_open_and_today_s_locked_it_says_so_instead_of_a_form(
    client, project, people
):
    reporting_period_set_state(period=QUARTER, state=PeriodState.LOCKED, by=people["admin"])
    reporting_period_set_state(period=Q3, state=PeriodState.LOCKED, by=people["admin"])
    client.force_login(people["editor"])
    page = client.get(reverse("projects:update_edit", args=[project.pk]))
    assert "No quarter is open for updates: Quarter Three 2017/18 is locked." in text(page)
    assert "Submit for approval" not in text(page)


def test_a_form_sent_for_a_quarter_locked_since_keeps_what_was_typed(client, project, people):
    reporting_period_open(period=Q3, by=people["admin"])
    client.force_login(people["editor"])
    url = reverse("projects:update_edit", args=[project.pk])
    assert offered(client.get(url)) == [Q3, QUARTER]  # the quarter open now first
    reporting_period_set_state(period=QUARTER, state=PeriodState.LOCKED, by=people["admin"])
    page = client.post(
        url, {"period": QUARTER, "progress": "Typed before the lock.", "version": ""}
    )
    assert "That quarter is no longer open for updates: choose one that is." in text(page)
    assert "Typed before the lock." in text(page)
    assert offered(page) == [Q3]
    assert not ProjectUpdate.objects.exists()


# --- 2. no form that could only be refused ----------------------------------------------------


def test_the_author_of_an_update_is_told_why_they_cannot_approve_it(client, project, people):
    update = submitted(project, people["admin"])  # the performance team wrote it
    client.force_login(people["admin"])
    page = text(client.get(reverse("projects:project", args=[project.pk])))
    assert "Approve or return the Quarter Two 2017/18 update" not in page
    assert "You entered it, so someone else approves or returns it" in page
    review = client.get(reverse("projects:update_review", args=[update.pk]))
    assert review.status_code == 200
    assert (
        "You entered this update, so someone else must approve or return it: the project's "
        "sponsor, its programme's owner or the performance team." in text(review)
    )
    assert "Forms built." in text(review) and "Confirm" not in text(review)
    # The sponsor is offered the decision.
    client.force_login(people["sam"])
    page = text(client.get(reverse("projects:project", args=[project.pk])))
    assert "Approve or return the Quarter Two 2017/18 update" in page
    assert "Confirm" in text(client.get(reverse("projects:update_review", args=[update.pk])))


def test_who_may_read_the_project_but_not_approve_is_told_why_with_403(client, project, people):
    update = submitted(project, people["editor"])
    url = reverse("projects:update_review", args=[update.pk])
    for name in ("editor", "reader"):
        client.force_login(people[name])
        response = client.get(url)
        assert response.status_code == 403
        assert (
            "Only the project's sponsor, its programme's owner or the performance team can "
            "approve or return this update." in text(response)
        )
        assert "Forms built." not in text(response)  # a reader does not read a submitted update
    client.force_login(User.objects.create_user("norole", password="not-used"))
    assert client.get(url).status_code == 404  # no role: the project is not theirs to know of
    # Nor is writing its update offered to the reader: why, not a missing page.
    client.force_login(people["reader"])
    response = client.get(reverse("projects:update_edit", args=[project.pk]))
    assert response.status_code == 403
    assert "Only the project's manager and its directorate's editors write" in text(response)


def test_an_update_no_longer_waiting_shows_without_a_form(client, project, people):
    update = submitted(project, people["editor"])
    services.project_update_approve(update=update, by=people["sam"], expected_version=2)
    client.force_login(people["sam"])
    page = text(client.get(reverse("projects:update_review", args=[update.pk])))
    assert "This update is approved: it is not waiting for approval." in page
    assert "Confirm" not in page


def test_a_submitted_then_approved_update_is_shown_read_only_with_the_rule(client, project, people):
    milestone = project.milestones.get(name="Phone line closed")
    update = submitted(
        project, people["editor"], milestone_dates={str(milestone.pk): {"forecast": "2018-03-01"}}
    )
    client.force_login(people["editor"])
    url = reverse("projects:update_edit", args=[project.pk])
    page = text(client.get(url))
    assert (
        "This quarter's update is submitted for approval: it can be changed only if the "
        "project's sponsor, its programme's owner or the performance team return it to you."
    ) in page
    assert "Forms built." in page and "1 March 2018" in page
    assert "Submit for approval" not in page and "Save as a draft" not in page

    services.project_update_approve(update=update, by=people["sam"], expected_version=2)
    page = text(client.get(url))
    assert (
        "This quarter's update is approved by Sam Patel on 4 December 2017: its dates and "
        "figures are now the project's, and an approved update is not changed. A change goes "
        "in the next quarter's update."
    ) in page
    assert "Forms built." in page
    assert "Submit for approval" not in page


def test_an_update_still_submitted_when_its_quarter_locks_leaves_the_approvals(
    client, project, people
):
    update = submitted(project, people["editor"])
    client.force_login(people["sam"])
    assert "Digital front door, Quarter Two 2017/18" in text(client.get("/projects/"))
    assert "Digital front door, Quarter Two 2017/18" in text(client.get("/"))
    reporting_period_set_state(period=QUARTER, state=PeriodState.LOCKED, by=people["admin"])
    # Nobody can approve it now: it is not offered on the projects list, home or its project.
    assert "Updates waiting for your approval" not in text(client.get("/projects/"))
    assert "Project updates waiting for your approval" not in text(client.get("/"))
    page = text(client.get(reverse("projects:project", args=[project.pk])))
    assert "Approve or return the Quarter Two 2017/18 update" not in page
    review = text(client.get(reverse("projects:update_review", args=[update.pk])))
    assert (
        "Quarter Two 2017/18 was locked before this update was approved: it is frozen, and the "
        "quarter's report shows the project's last approved update instead." in review
    )
    assert "Confirm" not in review


# --- 3. the milestone dates the update changes ------------------------------------------------


def test_the_review_shows_each_milestone_s_planned_current_and_proposed_dates(
    client, project, people
):
    forms_live = project.milestones.get(name="Online forms live")
    phone = project.milestones.get(name="Phone line closed")
    services.milestone_edit(milestone=phone, forecast_date=dt.date(2018, 2, 15))
    update = submitted(
        project,
        people["editor"],
        milestone_dates={
            str(forms_live.pk): {"forecast": "2017-11-20", "actual": "2017-11-27"},
            str(phone.pk): {"forecast": "2018-03-31"},
        },
    )
    client.force_login(people["sam"])
    page = client.get(reverse("projects:update_review", args=[update.pk])).content.decode()
    rows = {
        row[0]: row[1:]
        for row in (
            [
                re.sub(r"<[^>]+>", "", cell).strip()
                for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr)
            ]
            for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", page, re.S)
        )
    }
    assert rows["Milestone"] == [
        "Planned", "Current forecast", "Forecast in this update", "Done in this update"
    ]  # fmt: skip
    assert rows["Online forms live"] == [
        "1 September 2017",
        "–",
        "20 November 2017",
        "27 November 2017",
    ]
    assert rows["Phone line closed"] == [
        "1 February 2018",
        "15 February 2018",
        "31 March 2018",
        "–",
    ]


# --- 4. a milestone not due yet is forecast late, not late -----------------------------------


def test_a_milestone_not_due_yet_is_called_forecast_late_on_the_page_and_in_the_pack(
    client, demo_council
):
    # Digital by default: "Customer accounts for all residents", planned 31 January 2018, is
    # forecast for 15 March 2018: 43 days after its planned date, and not due yet.
    reason = "Milestone “Customer accounts for all residents” forecast 43 days late."
    project = Project.objects.get(name="Digital by default")
    client.force_login(demo_council["reader"])
    page = text(client.get(reverse("projects:project", args=[project.pk])))
    assert reason in page
    assert "“Customer accounts for all residents” 43 days late" not in page
    # The published Quarter Two pack says the same (as at 30 September 2017, not due either).
    client.force_login(demo_council["admin"])
    pack = text(client.get("/reports/2017-18-Q2/appendix/"))
    section = pack[pack.index("Major projects") :]
    assert reason in section


# --- 5. every problem of the form at once -------------------------------------------------------


def test_the_update_form_shows_every_problem_at_once_each_on_its_field(client, project, people):
    forms_live = project.milestones.get(name="Online forms live")
    phone = project.milestones.get(name="Phone line closed")
    client.force_login(people["editor"])
    response = client.post(reverse("projects:update_edit", args=[project.pk]), {
        "period": QUARTER, "progress": "Kept progress", "spend": "lots", "forecast_spend": "",
        "savings_achieved": "", "rag_judgement": "red", "rag_judgement_reason": "",
        f"forecast_{forms_live.pk}": "31/02/2018", f"actual_{phone.pk}": "1/1/2018",
        "version": "", "submit": "1",
    })  # fmt: skip
    html = response.content.decode()
    summary = html[
        html.index("govuk-error-summary") : html.index("</ul>", html.index("govuk-error-summary"))
    ]
    links = {
        href: html_lib.unescape(message)
        for href, message in re.findall(r'<a href="#([^"]+)">([^<]*)</a>', summary)
    }
    assert links == {
        "id_spend": "Enter the spend to date this year in pounds, like 250000, not “lots”.",
        "id_rag_judgement_reason": "Give the reason for your judgement of the project's rating.",
        f"id_forecast_{forms_live.pk}": "Enter the forecast date of “Online forms live” as "
        "day/month/year, like 31/3/2018.",
        f"id_actual_{phone.pk}": "The date done of “Phone line closed” is still to come: give "
        "it as the forecast date until it is done.",
    }
    assert "Kept progress" in html and 'value="lots"' in html and 'value="31/02/2018"' in html
    assert not ProjectUpdate.objects.exists()
    # Put right, it is saved and submitted.
    response = client.post(reverse("projects:update_edit", args=[project.pk]), {
        "period": QUARTER, "progress": "Kept progress", "spend": "150000",
        "rag_judgement": "red", "rag_judgement_reason": "Supplier late.",
        f"forecast_{forms_live.pk}": "28/02/2018", "version": "", "submit": "1",
    })  # fmt: skip
    assert response.status_code == 302
    assert ProjectUpdate.objects.get().state == UpdateState.SUBMITTED


def test_a_saved_draft_shows_its_amounts_and_dates_as_they_are_typed(client, project, people):
    forms_live = project.milestones.get(name="Online forms live")
    services.project_update_save(
        project=project, by=people["editor"], period=QUARTER, progress="Forms built.",
        spend="300000", savings_achieved="1234.5",
        milestone_dates={str(forms_live.pk): {"forecast": "2018-02-28"}},
    )  # fmt: skip
    client.force_login(people["editor"])
    html = client.get(reverse("projects:update_edit", args=[project.pk])).content.decode()
    assert 'value="300000"' in html and 'value="1234.50"' in html
    assert 'value="28/02/2018"' in html
    assert "300000.00" not in html and "2018-02-28" not in html


def test_the_project_page_s_update_link_says_what_it_opens(client, project, people):
    client.force_login(people["editor"])
    url = reverse("projects:project", args=[project.pk])

    def link() -> list[str]:
        html = client.get(url).content.decode()
        target = reverse("projects:update_edit", args=[project.pk])
        return re.findall(rf'<a class="govuk-link" href="{target}">([^<]*)</a>', html)

    assert link() == ["Write the Quarter Two 2017/18 update"]
    draft = services.project_update_save(
        project=project, by=people["editor"], period=QUARTER, progress="Forms built."
    )
    assert link() == ["Finish the Quarter Two 2017/18 update (a draft)"]
    services.project_update_submit(update=draft, by=people["editor"], expected_version=1)
    assert link() == ["Read the Quarter Two 2017/18 update (submitted for approval)"]
    reporting_period_set_state(period=QUARTER, state=PeriodState.LOCKED, by=people["admin"])
    assert link() == ["Write the Quarter Three 2017/18 update"]  # today's quarter, not locked
    reporting_period_set_state(period=Q3, state=PeriodState.LOCKED, by=people["admin"])
    assert link() == []  # no quarter open: the form would only say so


def test_the_history_writes_dates_moments_and_quarters_as_people_read_them(project, people):
    from scorecard.history import history_entries

    milestone = project.milestones.get(name="Online forms live")
    services.milestone_edit(milestone=milestone, forecast_date=dt.date(2017, 11, 20))
    update = submitted(project, people["editor"])
    entries = history_entries([milestone.history.all(), update.history.all()])
    changes = [(c.field, c.old, c.new) for e in entries for c in e.changes]
    assert ("forecast date", "(empty)", "20 November 2017") in changes
    assert ("period", "", "Quarter Two 2017/18") in changes
    submitted_at = next(new for name, _, new in changes if name == "submitted at")
    assert re.fullmatch(r"4 December 2017 \d\d:\d\d", submitted_at)
