"""The home page of each demo account lists that person's own work, counted against the
database, and offers no link to a page their role cannot use."""

import datetime as dt
import re

import lxml.html
import pytest
from django.db.models import Q
from django.urls import reverse

from scorecard.home import home_for
from scorecard.organisation import services as organisation_services
from scorecard.organisation.choices import Role
from scorecard.performance import services
from scorecard.performance.choices import WorkflowState
from scorecard.performance.models import Indicator, Measurement
from scorecard.reporting.models import IndicatorSnapshot, RiskSnapshot
from scorecard.risks.choices import RiskStatus
from scorecard.risks.models import Risk

pytestmark = pytest.mark.django_db

# The demo council lives on 4 December 2017, with Quarter Three 2017/18 open for updates.
TODAY = dt.date(2017, 12, 4)
# The quarter and its months (October to December); no annual value falls due in it.
Q3_PERIODS = ["2017/18-Q3", "2017/18-M10", "2017/18-M11", "2017/18-M12"]
HOME_QUERIES = 33  # the decisions waiting (two) and the projects without an update (readiness)


def home(client, person, django_assert_max_num_queries):
    client.force_login(person)
    with django_assert_max_num_queries(HOME_QUERIES):
        response = client.get("/")
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def words(node) -> str:
    return re.sub(r"\s+", " ", node.text_content()).strip()


def section(page, heading_id: str):
    found = page.xpath(f"//section[@aria-labelledby='{heading_id}']")
    return found[0] if found else None


def links(page) -> set[str]:
    return {a.get("href").split("?")[0] for a in page.xpath("//a[@href]")}


def test_the_editor_sees_their_updates_and_their_risks_due_for_review(
    client, demo_council, django_assert_max_num_queries
):
    editor = demo_council["editor"]
    page = home(client, editor, django_assert_max_num_queries)

    updates = section(page, "home-updates")
    rows = updates.xpath(".//tbody/tr")
    # Hand-worked from the demo: 14 Adult Services values are due in Quarter Three (HW02 is
    # monthly: three of them); HW07's is submitted, so 13 are still to do, HW05's a draft.
    assert len(rows) == 13
    assert "13 values still to do, none late. Due by 30 January 2018." in words(updates)
    listed = {words(row.xpath("./td")[0]).split()[0] for row in rows}
    assert "HW07" not in listed and {"HW02", "HW05"} <= listed
    # Against the database: of the values the editor may key in for the quarter, one is
    # submitted or approved, one a draft, and the others are not started.
    in_quarter = Measurement.objects.filter(
        indicator__directorate__code="ASC", period__in=Q3_PERIODS
    )
    assert (
        in_quarter.filter(state__in=[WorkflowState.SUBMITTED, WorkflowState.APPROVED]).count() == 1
    )
    drafts = [words(r).split()[0] for r in rows if "Draft, not submitted" in words(r)]
    assert drafts == ["HW05"] and in_quarter.get(state=WorkflowState.DRAFT).indicator.code == "HW05"

    reviews = section(page, "home-risks")
    due = Risk.objects.filter(
        Q(register__directorate__code="ASC") | Q(owner=editor),
        next_review_on__lte=TODAY + dt.timedelta(days=14),
    ).exclude(status=RiskStatus.CLOSED)
    assert len(reviews.xpath(".//tbody/tr")) == due.count() == 8
    late = due.filter(next_review_on__lt=TODAY).count()
    assert words(reviews).count("Late") == late == 4

    # The editor owns indicators, so approves; nothing of anyone else's waits, and their own
    # submitted HW07 is not theirs to approve.
    approvals = section(page, "home-approvals")
    assert "Nothing is waiting for your approval." in words(approvals)
    assert {reverse("performance:my_updates"), reverse("performance:approvals")} <= links(page)


def test_the_administrator_sees_the_approvals_waiting_and_the_quarters_progress(
    client, demo_council, django_assert_max_num_queries
):
    admin = demo_council["admin"]
    page = home(client, admin, django_assert_max_num_queries)

    approvals = section(page, "home-approvals")
    waiting = Measurement.objects.filter(state=WorkflowState.SUBMITTED).exclude(
        Q(entered_by=admin) | Q(submitted_by=admin)
    )
    assert waiting.count() == 1
    assert f"{waiting.count()} value submitted and waiting for you" in words(approvals)
    assert words(approvals.xpath(".//li")[0]).startswith("HW07 ")

    progress = section(page, "home-progress")
    rows = progress.xpath(".//tbody/tr")
    figures = [[int(words(td)) for td in row.xpath("./td")] for row in rows]
    due, approved, submitted, returned, missing = (sum(col) for col in zip(*figures, strict=True))
    assert due == approved + submitted + returned + missing
    assert (approved, submitted) == (0, 1)  # hand-worked: only HW07 is in, waiting
    assert (approved, submitted) == (
        Measurement.objects.filter(period__in=Q3_PERIODS, state=WorkflowState.APPROVED).count(),
        Measurement.objects.filter(period__in=Q3_PERIODS, state=WorkflowState.SUBMITTED).count(),
    )
    assert f"{approved + submitted} of {due} updates in" in words(progress)

    # The team may edit every indicator: their own updates are those they own or update.
    updates = section(page, "home-updates")
    assert updates is not None
    codes = {words(r.xpath("./td")[0]).split()[0] for r in updates.xpath(".//tbody/tr")}
    assert codes <= set(Indicator.objects.filter(owner=admin).values_list("code", flat=True))


def test_the_reader_sees_the_latest_published_quarter_and_no_link_to_updates_or_approvals(
    client, demo_council, django_assert_max_num_queries
):
    reader = demo_council["reader"]
    page = home(client, reader, django_assert_max_num_queries)

    for heading in ("home-updates", "home-approvals", "home-progress", "home-risks"):
        assert section(page, heading) is None
    published = section(page, "home-published")
    assert "Latest report: Quarter Two 2017/18" in words(published)
    rows = IndicatorSnapshot.objects.filter(snapshot__period="2017/18-Q2")
    counts = {r: rows.filter(rating=r).count() for r in ("green", "amber", "red")}
    assert (
        f"{rows.count()} indicators: {counts['green']} green, {counts['amber']} amber, "
        f"{counts['red']} red, {rows.count() - sum(counts.values())} not rated" in words(published)
    )
    risks = RiskSnapshot.objects.filter(
        snapshot__period="2017/18-Q2", is_open=True, is_confidential=False
    )
    assert f"{risks.count()} open risks" in words(published)
    assert {
        reverse("reporting:performance_dashboard"),
        reverse("reporting:risk_dashboard"),
        reverse("reporting:appendix", kwargs={"period": "2017/18-Q2"}),
    } <= links(published)

    offered = links(page)
    assert reverse("performance:my_updates") not in offered
    assert reverse("performance:approvals") not in offered
    # Every link the reader is offered opens for them.
    for href in offered:
        if href.startswith("/") and not href.startswith("/static/"):
            assert client.get(href).status_code == 200, href
    index = lxml.html.fromstring(client.get(reverse("performance:index")).content)
    assert reverse("performance:my_updates") not in links(index)
    assert reverse("performance:approvals") not in links(index)


def test_values_returned_show_on_the_updaters_home_with_the_reason(client, demo_council):
    editor, admin = demo_council["editor"], demo_council["admin"]
    value = Measurement.objects.get(indicator__code="HW07", period="2017/18-Q3")
    services.measurement_return(
        measurement=value, by=admin, reason="Check the denominator.", expected_version=value.version
    )
    client.force_login(editor)
    page = lxml.html.fromstring(client.get("/").content)
    updates = section(page, "home-updates")
    assert "Values returned to you (1)" in words(updates)
    assert "HW07 2017/18-Q3: returned by Alex Morgan, “Check the denominator.”" in words(updates)
    # A returned value is to do again: 14 now.
    assert "14 values still to do" in words(updates)


def test_a_person_with_no_role_is_offered_only_what_they_may_open(client, demo):
    nobody = organisation_services.person_create(username="nobody", password=None)
    client.force_login(nobody)
    page = lxml.html.fromstring(client.get("/").content)
    assert "You have no role yet" in words(page)
    for href in links(page):
        if href.startswith("/") and not href.startswith("/static/"):
            assert client.get(href).status_code in (200, 405), href  # sign out is a POST
    navigation = page.xpath("//nav[@aria-label='Main']//a")
    assert "Reports" not in [words(a) for a in navigation]


def test_an_updater_named_on_one_indicator_sees_just_that_one(client, demo_council):
    updater = organisation_services.person_create(
        username="dana", password=None, first_name="Dana", last_name="Hill"
    )
    organisation_services.membership_create(person=updater, role=Role.INDICATOR_UPDATER)
    indicator = Indicator.objects.get(code="HW01")
    indicator.updaters.add(updater)
    client.force_login(updater)
    page = lxml.html.fromstring(client.get("/").content)
    rows = section(page, "home-updates").xpath(".//tbody/tr")
    assert [words(r.xpath("./td")[0]) for r in rows] == [f"HW01 {indicator.title}"]
    assert section(page, "home-approvals") is None


def test_after_the_deadline_the_editors_values_still_to_do_are_late(demo_council):
    on_time = home_for(demo_council["editor"], today=dt.date(2018, 1, 30))
    late = home_for(demo_council["editor"], today=dt.date(2018, 1, 31))
    # Due by 30 January 2018, 30 days after the quarter: late from the day after.
    assert (len(on_time.updates.outstanding), len(on_time.updates.late)) == (13, 0)
    assert (len(late.updates.outstanding), len(late.updates.late)) == (13, 13)
    assert (
        len(late.risks)
        == Risk.objects.filter(
            Q(register__directorate__code="ASC") | Q(owner=demo_council["editor"]),
            next_review_on__lte=dt.date(2018, 2, 14),
        )
        .exclude(status=RiskStatus.CLOSED)
        .count()
    )


def test_a_project_manager_sees_their_projects_updates_owed_for_the_open_quarter(
    client, demo_council, django_assert_max_num_queries
):
    from scorecard.organisation.models import User

    director = User.objects.get(username="director.coach")
    page = home(client, director, django_assert_max_num_queries)
    owed = section(page, "home-project-updates")
    # The demo's Commercial and Change director manages the Transformation Programme's four
    # projects, each with its Quarter Two update approved and none yet for Quarter Three (open
    # on 4 December 2017; due 30 days after it ends on 31 December, by 30 January 2018).
    assert words(owed.xpath(".//p")[0]) == (
        "4 project updates still to submit, none late. Due by 30 January 2018."
    )
    assert [words(r.xpath("./td")[0]) for r in owed.xpath(".//tbody/tr")] == [
        "Adult social care demand management",
        "Digital by default",
        "Procurement savings",
        "Property rationalisation",
    ]
    # Their programme's updates would wait for them, as its owner: none are submitted yet.
    assert section(page, "home-project-approvals") is None


def test_the_decisions_waiting_are_on_the_home_page_of_whoever_may_make_them(
    client, demo_council, django_assert_max_num_queries
):
    """Extensions of due dates to decide and recommendations to verify, never one's own."""
    from scorecard.actions.choices import ActionStatus, ExtensionDecision
    from scorecard.actions.models import Action, ExtensionRequest

    admin = demo_council["admin"]
    pending = ExtensionRequest.objects.filter(decision=ExtensionDecision.PENDING).exclude(
        requested_by=admin
    )
    implemented = Action.objects.filter(status=ActionStatus.IMPLEMENTED).exclude(
        implemented_by=admin
    )
    assert pending.exists() and implemented.exists()
    decisions = section(home(client, admin, django_assert_max_num_queries), "home-decisions")
    shown = {a.get("href") for a in decisions.xpath(".//a")}
    assert shown == {f"/actions/extensions/{e.pk}/" for e in pending} | {
        f"/audits/recommendations/{a.pk}/verify/" for a in implemented
    }
    assert "asked by" in words(decisions) and "marked implemented by" in words(decisions)
    # The reader decides nothing: no such section.
    assert (
        section(
            home(client, demo_council["reader"], django_assert_max_num_queries), "home-decisions"
        )
        is None
    )
