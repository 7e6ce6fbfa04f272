"""Actions as records everywhere: an indicator's improvement action and a project's action added
from their pages, the council-wide list, progress, and extensions decided by someone else."""

import datetime as dt
import re

import lxml.html
import pytest

from scorecard.actions import services
from scorecard.actions.models import Action
from scorecard.home import home_for
from scorecard.organisation.models import Directorate
from scorecard.reminders import reminders_compose
from tests.performance.factories import IndicatorFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2017, 12, 4)  # the demo council's clock (the `people` fixture sets it)


def text(response) -> str:
    return re.sub(r"\s+", " ", lxml.html.fromstring(response.content).text_content())


@pytest.fixture
def indicator(people):
    return IndicatorFactory(
        code="ASC07",
        title="Delayed transfers of care",
        directorate=Directorate.objects.get(code="ASC"),
    )


def add_action(client, field, pk, **data):
    return client.post(f"/actions/new/{field}/{pk}/", data)


def test_an_indicator_gets_an_improvement_action_from_its_page(client, people, indicator):
    client.force_login(people["editor"])
    page = client.get(f"/scorecard/indicators/{indicator.pk}/")
    assert f"/actions/new/indicator/{indicator.pk}/" in page.content.decode()

    # Bad input: each field named, nothing written.
    refused = add_action(
        client, "indicator", indicator.pk, description="", owner="", due_on="31/13/2017"
    )
    assert refused.status_code == 200
    message = text(refused)
    assert "Describe the action." in message
    assert "Every action needs an owner: choose who will do it." in message
    assert "Enter the due date as day/month/year, like 31/3/2018." in message
    assert not Action.objects.exists()

    saved = add_action(
        client, "indicator", indicator.pk,
        description="Weekly discharge huddle with the hospital trust",
        owner=people["reader"].pk, due_on="31/1/2018",
    )  # fmt: skip
    assert saved.status_code == 302
    action = Action.objects.get()
    assert (action.indicator, action.owner, action.due_on) == (
        indicator,
        people["reader"],
        dt.date(2018, 1, 31),
    )
    page = text(client.get(f"/scorecard/indicators/{indicator.pk}/"))
    assert "Actions (1)" in page
    assert "Weekly discharge huddle with the hospital trust" in page
    assert "31 January 2018" in page

    # A reader may see the indicator and its actions, but adds none.
    client.force_login(people["sam"])
    assert (
        f"/actions/new/indicator/{indicator.pk}/"
        not in client.get(f"/scorecard/indicators/{indicator.pk}/").content.decode()
    )
    assert add_action(client, "indicator", indicator.pk, description="x").status_code == 403


def test_a_project_gets_an_action_from_its_page(client, people, project):
    client.force_login(people["editor"])  # the project's manager
    saved = add_action(
        client, "project", project.pk,
        description="Agree the go-live date with the contact centre",
        owner=people["editor"].pk, due_on="15/12/2017",
    )  # fmt: skip
    assert saved.status_code == 302
    assert saved["Location"] == f"/projects/{project.pk}/#actions"  # opens on the Actions tab
    page = text(client.get(f"/projects/{project.pk}/"))
    assert "Actions (1)" in page
    assert "Agree the go-live date with the contact centre" in page
    assert Action.objects.get().project == project


def test_a_new_action_due_before_today_is_refused_naming_the_date(client, people, project):
    client.force_login(people["editor"])
    form = client.get(f"/actions/new/project/{project.pk}/").content.decode()
    assert '<option value="" selected>Choose one</option>' in form and "---------" not in form
    refused = add_action(
        client, "project", project.pk, description="Agree the go-live date",
        owner=people["editor"].pk, due_on="1/12/2017",
    )  # fmt: skip
    assert refused.status_code == 200
    assert (
        "The due date 1 December 2017 has passed: a new action is due today (4 December 2017) "
        "or later." in text(refused)
    )
    assert not Action.objects.exists()
    # Due today is accepted.
    assert add_action(
        client, "project", project.pk, description="Agree the go-live date",
        owner=people["editor"].pk, due_on="4/12/2017",
    ).status_code == 302  # fmt: skip


def test_an_action_agreed_before_today_is_recorded_by_an_import_with_its_date(people, indicator):
    """A register brought in from a spreadsheet has overdue actions: they are kept as they are."""
    action = services.action_create(
        subject=indicator, description="Reablement review", owner=people["reader"],
        due_on=dt.date(2017, 10, 31), already_agreed=True,
    )  # fmt: skip
    assert action.due_on == dt.date(2017, 10, 31)


def test_an_extension_approved_by_someone_else_moves_the_due_date_and_keeps_the_old_one(
    client, people, indicator
):
    action = Action.objects.create(
        indicator=indicator, description="Recruit two discharge coordinators",
        owner=people["reader"], due_on=dt.date(2017, 11, 30),
    )  # fmt: skip
    # The owner asks for more time; a date before the current one, or no reason, is refused.
    client.force_login(people["reader"])
    refused = client.post(
        f"/actions/{action.pk}/extension/", {"new_due_on": "1/11/2017", "reason": "Short staffed."}
    )
    assert "Enter a date after the current due date, 30 November 2017." in text(refused)
    refused = client.post(f"/actions/{action.pk}/extension/", {"new_due_on": "1/3/2018"})
    assert "Say why more time is needed." in text(refused)
    assert not action.extensions.exists()
    asked = client.post(
        f"/actions/{action.pk}/extension/",
        {"new_due_on": "28/2/2018", "reason": "Second round of recruitment needed."},
    )
    assert asked.status_code == 302
    # A second request while this one waits is not offered.
    again = client.get(f"/actions/{action.pk}/extension/")
    assert "An extension is already waiting for a decision" in text(again)
    assert 'name="new_due_on"' not in again.content.decode()
    extension = action.extensions.get()
    action.refresh_from_db()
    assert action.current_due_on == dt.date(2017, 11, 30)  # unchanged until decided

    # The owner may not decide their own request (the reader may not change the indicator).
    assert client.get(f"/actions/extensions/{extension.pk}/").status_code == 403

    # Someone who may change the indicator, and did not ask, approves it.
    client.force_login(people["editor"])
    page = text(client.get(f"/actions/{action.pk}/"))
    assert "Waiting for a decision" in page
    decided = client.post(
        f"/actions/extensions/{extension.pk}/", {"decision": "approve", "note": "Agreed."}
    )
    assert decided.status_code == 302
    action.refresh_from_db()
    assert (action.due_on, action.revised_due_on) == (dt.date(2017, 11, 30), dt.date(2018, 2, 28))
    # The history keeps the old date: the record before the approval had no revised date.
    revised = [h.revised_due_on for h in action.history.order_by("history_date", "history_id")]
    assert revised == [None, dt.date(2018, 2, 28)]
    page = text(client.get(f"/actions/{action.pk}/"))
    assert "28 February 2018 (first agreed 30 November 2017)" in page
    assert "Approved by" in page
    # No longer overdue: the revised date is after the council's today.
    assert action.pk not in {a.pk for a in home_for(people["reader"], today=TODAY).actions}


def test_an_extension_to_a_date_already_past_is_refused(client, people, indicator):
    """Due 30 November, overdue on 4 December: more time means a date from today on."""
    action = Action.objects.create(
        indicator=indicator, description="Review the hospital discharge protocol",
        owner=people["editor"], due_on=dt.date(2017, 11, 30),
    )  # fmt: skip
    client.force_login(people["editor"])
    refused = client.post(
        f"/actions/{action.pk}/extension/", {"new_due_on": "1/12/2017", "reason": "Late papers."}
    )
    assert (
        "The new due date 1 December 2017 has passed: ask for today (4 December 2017) or later."
        in text(refused)
    )
    assert not action.extensions.exists()


def test_the_requester_cannot_decide_their_own_extension(client, people, indicator):
    """The editor may change the indicator, so may decide extensions: not their own."""
    action = Action.objects.create(
        indicator=indicator, description="Review the hospital discharge protocol",
        owner=people["editor"], due_on=dt.date(2017, 12, 20),
    )  # fmt: skip
    client.force_login(people["editor"])
    client.post(
        f"/actions/{action.pk}/extension/",
        {"new_due_on": "31/1/2018", "reason": "Trust board meets in January."},
    )
    extension = action.extensions.get()
    # No form that could only be refused: why, whether the page is opened or sent to.
    why = "You asked for this extension, so someone else decides it"
    opened = client.get(f"/actions/extensions/{extension.pk}/")
    assert why in text(opened) and 'name="decision"' not in opened.content.decode()
    refused = client.post(f"/actions/extensions/{extension.pk}/", {"decision": "approve"})
    assert why in text(refused)
    extension.refresh_from_db()
    assert extension.decision == "pending"
    action.refresh_from_db()
    assert action.revised_due_on is None
    # The administrator refuses it: the date stays.
    client.force_login(people["admin"])
    asked = client.get(f"/actions/extensions/{extension.pk}/")
    assert "Note (needed when you refuse)" in text(asked)
    bare = client.post(f"/actions/extensions/{extension.pk}/", {"decision": "refuse", "note": " "})
    assert "Say why the extension is refused." in text(bare)
    extension.refresh_from_db()
    assert extension.decision == "pending"
    client.post(f"/actions/extensions/{extension.pk}/", {"decision": "refuse", "note": "Keep it."})
    decided = client.get(f"/actions/extensions/{extension.pk}/")
    admin = people["admin"].get_full_name()
    assert f"This extension was refused by {admin} on 4 December 2017." in text(decided)
    assert 'name="decision"' not in decided.content.decode()  # no form that would be refused
    action.refresh_from_db()
    extension.refresh_from_db()
    assert (extension.decision, action.revised_due_on) == ("refused", None)


def test_an_indicators_overdue_action_is_on_its_owners_home_page_and_reminder(
    client, people, indicator
):
    reader = people["reader"]
    reader.email = "reader@example.org"
    reader.save()
    action = Action.objects.create(
        indicator=indicator, description="Publish the discharge dashboard weekly",
        owner=reader, due_on=TODAY - dt.timedelta(days=4),
    )  # fmt: skip
    (mine,) = home_for(reader, today=TODAY).actions
    assert (mine.pk, mine.days_overdue, mine.about.kind) == (action.pk, 4, "Indicator")
    client.force_login(reader)
    home = text(client.get("/"))
    assert "Indicator: ASC07 Delayed transfers of care" in home
    assert "4 days late" in home

    from scorecard.core.periods import Period

    quarter = Period.containing(TODAY, "quarter", 4)
    lines = [line for r in reminders_compose(quarter=quarter, today=TODAY) for line in r.lines]
    assert (
        "Action on indicator ASC07 Delayed transfers of care: Publish the discharge dashboard "
        "weekly: OVERDUE since 30 November 2017"
    ) in lines


def test_the_actions_list_shows_every_kind_and_filters(
    client, people, indicator, project, django_assert_max_num_queries
):
    from tests.risks.factories import ActionFactory, RegisterFactory, RiskFactory

    register = RegisterFactory(directorate=Directorate.objects.get(code="ASC"))
    ActionFactory(
        risk=RiskFactory(register=register, reference="ASC-R1"), owner=people["editor"],
        description="Risk action", due_on=TODAY - dt.timedelta(days=1),
    )  # fmt: skip
    Action.objects.create(
        indicator=indicator, description="Indicator action", owner=people["reader"],
        due_on=TODAY + dt.timedelta(days=10),
    )  # fmt: skip
    Action.objects.create(
        project=project, description="Project action", owner=people["editor"],
        due_on=TODAY + dt.timedelta(days=20), status="completed",
    )  # fmt: skip
    client.force_login(people["reader"])

    def listed(query: str) -> list[str]:
        with django_assert_max_num_queries(16):
            response = client.get("/actions/" + query)
        page = lxml.html.fromstring(response.content)
        return [a.text_content().strip() for a in page.xpath("//tbody//td[1]/a")]

    assert listed("?status=all") == ["Risk action", "Indicator action", "Project action"]
    assert listed("") == ["Risk action", "Indicator action"]  # open by default
    assert listed("?status=overdue") == ["Risk action"]
    assert listed("?status=done") == ["Project action"]
    assert listed("?status=all&kind=indicator") == ["Indicator action"]
    assert listed("?status=all&mine=1") == ["Indicator action"]
    assert "1 overdue" in text(client.get("/actions/"))


def test_a_manager_lists_the_extensions_waiting_and_opens_each_decision(
    client, people, indicator, project, django_assert_max_num_queries
):
    """The editor may change the indicator and the project, so decides their extensions, but
    never the one they asked for themselves; a reader sees the requests and decides none."""
    asked = Action.objects.create(
        indicator=indicator, description="Recruit two discharge coordinators",
        owner=people["reader"], due_on=TODAY + dt.timedelta(days=10),
    )  # fmt: skip
    theirs = services.extension_request(
        action=asked, requested_by=people["reader"], new_due_on=dt.date(2018, 2, 28),
        reason="Second round of recruitment needed.",
    )  # fmt: skip
    own = Action.objects.create(
        project=project, description="Agree the go-live date", owner=people["editor"],
        due_on=TODAY + dt.timedelta(days=20),
    )  # fmt: skip
    services.extension_request(
        action=own, requested_by=people["editor"], new_due_on=dt.date(2018, 3, 30),
        reason="The contact centre moves in March.",
    )  # fmt: skip
    Action.objects.create(
        indicator=indicator, description="Audit discharge letters", owner=people["reader"],
        due_on=TODAY + dt.timedelta(days=30),
    )  # fmt: skip

    def rows(response) -> dict[str, str]:
        page = lxml.html.fromstring(response.content)
        return {
            row.xpath("td[1]")[0].text_content().strip(): re.sub(
                r"\s+", " ", row.xpath("td[4]")[0].text_content()
            ).strip()
            for row in page.xpath("//tbody/tr")
        }

    def decide_links(response) -> list[str]:
        page = lxml.html.fromstring(response.content)
        return page.xpath("//tbody//a[contains(@href, '/actions/extensions/')]/@href")

    client.force_login(people["editor"])
    everything = client.get("/actions/")
    waiting = lxml.html.fromstring(everything.content).xpath(
        "//a[normalize-space()='2 extensions waiting for a decision']/@href"
    )
    assert waiting == ["/actions/?status=extension"]
    assert "Extension waiting" in text(everything)  # the filter, among the statuses
    with django_assert_max_num_queries(16):
        listed = client.get("/actions/?status=extension")
    assert rows(listed) == {
        "Recruit two discharge coordinators": "14 December 2017 Extension to 28 February 2018 "
        "waiting for a decision: decide the extension to 28 February 2018",
        "Agree the go-live date": "24 December 2017 Extension to 30 March 2018 waiting for a "
        "decision",  # the editor asked for it: someone else decides
    }
    assert decide_links(listed) == [f"/actions/extensions/{theirs.pk}/"]
    form = client.get(decide_links(listed)[0])
    asker = people["reader"].get_full_name()
    assert f"{asker} asks to move the due date" in text(form)
    assert 'name="decision"' in form.content.decode()

    # A reader sees what waits, with no link to a decision they may not take.
    client.force_login(people["reader"])
    listed = client.get("/actions/?status=extension")
    assert list(rows(listed)) == ["Recruit two discharge coordinators", "Agree the go-live date"]
    assert decide_links(listed) == []


def test_progress_is_reported_on_the_actions_page_and_a_stale_form_is_refused(
    client, people, indicator
):
    action = Action.objects.create(
        indicator=indicator, description="Audit discharge letters", owner=people["reader"],
        due_on=TODAY + dt.timedelta(days=30),
    )  # fmt: skip
    client.force_login(people["reader"])
    form = lxml.html.fromstring(client.get(f"/actions/{action.pk}/progress/").content)
    offered = form.xpath("//select[@name='status']/option/@value")
    assert offered == ["not_started", "in_progress", "completed", "cancelled"]
    version = form.xpath("//input[@name='version']/@value")[0]
    data = {"status": "in_progress", "percent_complete": "40", "progress": "Half the wards done.",
            "on_track": "on", "evidence": "", "version": version}  # fmt: skip
    assert client.post(f"/actions/{action.pk}/progress/", data).status_code == 302
    action.refresh_from_db()
    assert (action.status, action.percent_complete) == ("in_progress", 40)
    # The same form again, opened before that save: refused, nothing written.
    stale = client.post(f"/actions/{action.pk}/progress/", {**data, "percent_complete": "90"})
    assert "Someone else changed this action since you opened it" in text(stale)
    action.refresh_from_db()
    assert action.percent_complete == 40


def test_the_api_lists_actions_with_what_they_belong_to_and_lateness(people, indicator):
    from tests.api.clients import client_for

    Action.objects.create(
        indicator=indicator, description="Publish the discharge dashboard weekly",
        owner=people["reader"], due_on=TODAY - dt.timedelta(days=4),
    )  # fmt: skip
    body = client_for(people["reader"]).get("/api/v1/actions/?kind=indicator").json()
    (found,) = body["results"]
    assert (found["kind"], found["belongs_to"], found["owner"]) == (
        "indicator",
        "ASC07 Delayed transfers of care",
        "reader",
    )
    assert (found["current_due_on"], found["days_overdue"]) == ("2017-11-30", 4)
    assert client_for(people["reader"]).get("/api/v1/actions/?kind=project").json()["count"] == 0


def test_the_list_downloads_as_csv_with_the_same_filters(client, people, indicator, project):
    import csv
    import io

    owner = people["reader"]
    owner.first_name, owner.last_name = "Zoë", "Ó Briain"
    owner.save()
    Action.objects.create(
        indicator=indicator, description="Publish the discharge dashboard weekly",
        owner=owner, due_on=TODAY - dt.timedelta(days=4),
        progress="=2+3 wards report; £500 of overtime agreed.",
    )  # fmt: skip
    Action.objects.create(
        project=project, description="Agree the go-live date", owner=people["editor"],
        due_on=TODAY + dt.timedelta(days=9),
    )  # fmt: skip
    client.force_login(owner)
    response = client.get("/actions/?status=overdue&format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the mark by which Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["Belongs to"], r["Action"], r["Days overdue"]) for r in rows] == [
        ("ASC07 Delayed transfers of care", "Publish the discharge dashboard weekly", "4")
    ]
    # The owner by name, not their username; text a spreadsheet would run is kept as text.
    assert rows[0]["Owner"] == "Zoë Ó Briain"
    assert rows[0]["Progress"] == "'=2+3 wards report; £500 of overtime agreed."
