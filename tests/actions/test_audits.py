"""Internal audit's recommendations: verified by someone other than who marked them implemented,
extended only by someone other than who asked (the old date kept in history), and the audit
pages: the plan, an audit, adding audits and recommendations, marking implemented, verifying."""

import datetime as dt
import re

import lxml.html
import pytest
from django.core.exceptions import ValidationError

from scorecard.actions import services
from scorecard.actions.choices import ActionStatus
from scorecard.actions.models import Action, Audit
from scorecard.organisation.services import organisation_clock_set

pytestmark = pytest.mark.django_db
D = dt.date
NOV30 = D(2017, 11, 30)  # four days before the demo clock's 4 December 2017


def text(response) -> str:
    return re.sub(r"\s+", " ", lxml.html.fromstring(response.content).text_content())


def recommend(audit, owner, due=NOV30, priority="high", text="Check overtime claims"):
    return services.action_create(
        subject=audit, description=text, owner=owner, due_on=due, priority=priority,
        management_response="Payroll will hold such claims.",
    )  # fmt: skip


# Services


def test_verification_is_refused_to_whoever_marked_it_implemented(auditors, audit):
    ines = auditors["ines"]
    action = recommend(audit, owner=ines)
    services.action_update(action=action, status=ActionStatus.IMPLEMENTED, evidence="Rota", by=ines)
    with pytest.raises(ValidationError) as refused:
        services.recommendation_verify(action=action, by=ines)
    assert refused.value.message_dict == {
        "verified_by": ["You marked it implemented: someone else verifies it."]
    }
    action.refresh_from_db()
    assert (action.status, action.verified_by) == (ActionStatus.IMPLEMENTED, None)

    services.recommendation_verify(action=action, by=auditors["omar"])
    action.refresh_from_db()
    # The demo's clock (4 December 2017) stamps the day.
    assert (action.status, action.verified_by, action.verified_on) == (
        ActionStatus.VERIFIED, auditors["omar"], D(2017, 12, 4),
    )  # fmt: skip


def test_an_extension_approved_by_someone_else_moves_the_date_and_history_keeps_the_old(
    auditors, audit
):
    action = recommend(audit, owner=auditors["editor"], due=D(2017, 11, 30))
    extension = services.extension_request(
        action=action, requested_by=auditors["editor"], new_due_on=D(2018, 1, 31), reason="Winter"
    )
    with pytest.raises(ValidationError):  # the requester cannot decide their own
        services.extension_decide(extension=extension, decided_by=auditors["editor"], approve=True)
    action.refresh_from_db()
    assert action.revised_due_on is None

    services.extension_decide(extension=extension, decided_by=auditors["ines"], approve=True)
    action.refresh_from_db()
    assert (action.due_on, action.current_due_on) == (D(2017, 11, 30), D(2018, 1, 31))
    # History: created with no revised date, then revised to 31 January.
    revised = list(action.history.order_by("history_id").values_list("revised_due_on", flat=True))
    assert revised == [None, D(2018, 1, 31)]


# Pages


def test_the_plan_counts_recommendations_by_status_and_overdue(
    client, auditors, audit, django_assert_max_num_queries
):
    recommend(audit, owner=auditors["editor"], due=D(2017, 11, 30))  # 4 days late on 4 December
    recommend(audit, owner=auditors["editor"], due=D(2017, 12, 4))  # due today: not overdue
    done = recommend(audit, owner=auditors["editor"], due=D(2017, 11, 1))
    services.action_update(
        action=done, status=ActionStatus.IMPLEMENTED, evidence="x", by=done.owner
    )
    client.force_login(auditors["reader"])
    with django_assert_max_num_queries(12):
        page = client.get("/audits/")
    row = lxml.html.fromstring(page.content).xpath("//tbody/tr")[0]
    cells = [re.sub(r"\s+", " ", c.text_content()).strip() for c in row.xpath("td")]
    # Reference, title, directorate, issued, opinion; not started, in progress, implemented,
    # verified, cancelled; overdue.
    assert cells == [
        "IA 2017-09", "Payroll", "Adult Services", "2 October 2017", "Limited",
        "2", "0", "1", "0", "0", "1",
    ]  # fmt: skip
    assert "Add an audit" not in text(page)  # readers keep no audits


def test_the_audit_page_shows_recommendations_and_why_a_verify_button_is_absent(
    client, auditors, audit, django_assert_max_num_queries
):
    late = recommend(audit, owner=auditors["editor"], due=D(2017, 11, 30))
    organisation_clock_set(clock_date=D(2017, 11, 20))  # extended in November, to 1 December
    extension = services.extension_request(
        action=late, requested_by=auditors["editor"], new_due_on=D(2017, 12, 1), reason="Leave"
    )
    services.extension_decide(extension=extension, decided_by=auditors["ines"], approve=True)
    organisation_clock_set(clock_date=D(2017, 12, 4))
    for n in range(5):
        done = recommend(audit, owner=auditors["editor"], text=f"Done {n}")
        services.action_update(
            action=done, status=ActionStatus.IMPLEMENTED, evidence="x", by=auditors["ines"]
        )
    client.force_login(auditors["ines"])
    with django_assert_max_num_queries(14):  # the same with one recommendation or six
        page = client.get(f"/audits/{audit.pk}/")
    content = text(page)
    # Revised 1 December, first agreed 30 November: 3 days late on 4 December.
    assert "1 December 2017 (first agreed 30 November 2017) 3 days late" in content
    assert f'href="/actions/{late.pk}/"' in page.content.decode()
    # Ines marked the five implemented: no button, and the page says why.
    assert (
        content.count("You marked it implemented: someone else in internal audit verifies it.") == 5
    )
    assert f"/audits/recommendations/{done.pk}/verify/" not in page.content.decode()

    client.force_login(auditors["omar"])
    assert (
        f"/audits/recommendations/{done.pk}/verify/"
        in client.get(f"/audits/{audit.pk}/").content.decode()
    )
    # And Ines going to the address herself is told why, and nothing is written.
    client.force_login(auditors["ines"])
    refused = client.post(f"/audits/recommendations/{done.pk}/verify/")
    assert "You marked it implemented" in text(refused)
    done.refresh_from_db()
    assert done.status == ActionStatus.IMPLEMENTED


def test_an_auditor_adds_an_audit_and_a_recommendation_with_errors_named(client, auditors):
    client.force_login(auditors["ines"])
    refused = client.post(
        "/audits/new/", {"reference": "", "title": "Cash", "financial_year": "2017/19"}
    )
    assert "Enter the audit's reference, like IA 2017-04." in text(refused)
    assert "Write the audit plan's year like 2017/18." in text(refused)
    assert not Audit.objects.exists()

    saved = client.post(
        "/audits/new/",
        {"reference": "IA 2017-10", "title": "Cash", "financial_year": "2017/18", "opinion": ""},
    )
    audit = Audit.objects.get()
    assert saved["Location"] == f"/audits/{audit.pk}/"
    again = client.post(
        "/audits/new/",
        {"reference": "ia 2017-10", "title": "Cash again", "financial_year": "2017/18"},
    )
    assert "There is already an audit ia 2017-10: give this one another reference." in text(again)
    assert Audit.objects.count() == 1
    # Issued after the council's today (4 December 2017): refused, on the page and by the service.
    future = {"reference": "IA 2017-11", "title": "Fleet", "financial_year": "2017/18"}
    ahead = client.post("/audits/new/", {**future, "issued_on": "5/12/2017"})
    assert "The date the final report was issued must be today or earlier." in text(ahead)
    assert Audit.objects.count() == 1
    with pytest.raises(ValidationError) as error:
        services.audit_update(audit=audit, issued_on=D(2017, 12, 5))
    assert "issued_on" in error.value.message_dict
    audit.refresh_from_db()
    assert audit.issued_on is None

    refused = client.post(
        f"/audits/{audit.pk}/recommendations/new/",
        {"priority": "", "description": "Bank cash daily", "management_response": "",
         "owner": auditors["editor"].pk, "due_on": "31/2/2018"},
    )  # fmt: skip
    message = text(refused)
    assert "Choose the recommendation's priority." in message
    assert "Enter the management response agreed with the service." in message
    assert "Enter the agreed due date as day/month/year, like 31/3/2018." in message
    assert not Action.objects.exists()
    client.post(
        f"/audits/{audit.pk}/recommendations/new/",
        {"priority": "medium", "description": "Bank cash daily", "management_response": "Agreed.",
         "owner": auditors["editor"].pk, "due_on": "28/2/2018"},
    )  # fmt: skip
    action = Action.objects.get()
    assert (action.audit, action.priority, action.due_on) == (audit, "medium", D(2018, 2, 28))


def test_a_recommendation_is_recorded_after_its_audit_but_never_due_before_it(auditors, audit):
    """Recommendations of an audit issued on 2 October are entered on 4 December: one due
    31 October has passed and is recorded (overdue); one due before the audit was issued is a
    mistake."""
    late = services.action_create(
        subject=audit, description="Reconcile payroll monthly", owner=auditors["editor"],
        due_on=D(2017, 10, 31), priority="high", management_response="Agreed.",
    )  # fmt: skip
    assert late.due_on == D(2017, 10, 31)
    with pytest.raises(ValidationError) as refused:
        services.action_create(
            subject=audit, description="Check starters", owner=auditors["editor"],
            due_on=D(2017, 9, 30), priority="high", management_response="Agreed.",
        )  # fmt: skip
    assert refused.value.message_dict == {
        "due_on": [
            "A recommendation cannot be due before its audit was issued (2 October 2017): check "
            "the due date."
        ]
    }
    assert list(audit.recommendations.all()) == [late]


def test_archiving_an_audit_keeps_it_and_its_history(client, auditors, audit):
    client.force_login(auditors["ines"])
    form = client.get(f"/audits/{audit.pk}/edit/")
    version = lxml.html.fromstring(form.content).xpath("//input[@name='version']/@value")[0]
    data = {"reference": audit.reference, "title": audit.title, "financial_year": "2017/18",
            "opinion": "limited", "is_archived": "on", "version": version}  # fmt: skip
    ahead = client.post(
        f"/audits/{audit.pk}/edit/", {**data, "reference": "IA 2017-99", "issued_on": "5/12/2017"}
    )
    assert "The date the final report was issued must be today or earlier." in text(ahead)
    assert "Change IA 2017-09" in text(ahead)  # the saved reference, not the refused one
    assert client.post(f"/audits/{audit.pk}/edit/", data).status_code == 302
    audit.refresh_from_db()
    assert audit.is_archived and audit.history.count() == 2
    assert "No audits on this plan." in text(client.get("/audits/"))
    assert "1 audit archived" in text(client.get("/audits/?archived=1"))


def test_the_owner_marks_implemented_with_evidence_and_a_reader_cannot(client, auditors, audit):
    action = recommend(audit, owner=auditors["editor"])
    url = f"/audits/recommendations/{action.pk}/implemented/"
    client.force_login(auditors["reader"])
    assert client.post(url, {"evidence": "x"}).status_code == 403
    client.force_login(auditors["editor"])
    refused = client.post(url, {"evidence": " "})
    assert "Say what shows the recommendation is implemented." in text(refused)
    assert client.post(url, {"evidence": "Rota checks for October"}).status_code == 302
    action.refresh_from_db()
    assert (action.status, action.implemented_by, action.evidence) == (
        ActionStatus.IMPLEMENTED, auditors["editor"], "Rota checks for October",
    )  # fmt: skip
    # The editor decides nothing for internal audit: verifying is refused outright.
    assert client.get(f"/audits/recommendations/{action.pk}/verify/").status_code == 403
    client.force_login(auditors["omar"])
    assert (
        client.post(
            f"/audits/recommendations/{action.pk}/verify/", {"decision": "verify"}
        ).status_code
        == 302
    )
    action.refresh_from_db()
    assert (action.status, action.verified_by) == (ActionStatus.VERIFIED, auditors["omar"])
