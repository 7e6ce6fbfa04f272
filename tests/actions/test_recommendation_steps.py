"""A recommendation's status moves only through internal audit's steps, whoever saves it: marked
implemented with evidence, verified or sent back by someone else, cancelled by internal audit;
once verified it stays verified. Progress notes never undo a step, and work taken up again is no
longer "done"."""

import datetime as dt

import lxml.html
import pytest
from django.core.exceptions import ValidationError

from scorecard.actions import services
from scorecard.actions.choices import ActionStatus
from tests.actions.test_audits import recommend, text

pytestmark = pytest.mark.django_db
DEC4 = dt.date(2017, 12, 4)  # the demo clock's today


def implemented(action, by):
    return services.action_update(
        action=action, status=ActionStatus.IMPLEMENTED, evidence="Overtime report, October", by=by
    )


def progress_form(client, action) -> dict:
    """The progress form's fields as the page fills them."""
    page = lxml.html.fromstring(client.get(f"/actions/{action.pk}/progress/").content)
    form = page.xpath("//form[.//*[@name='percent_complete']]")[0]
    return {
        "fields": set(form.xpath(".//*[@name]/@name")),
        "statuses": form.xpath(".//select[@name='status']/option/@value"),
        "version": form.xpath(".//input[@name='version']/@value")[0],
    }


def test_a_progress_note_on_a_verified_recommendation_keeps_it_verified(client, auditors, audit):
    action = recommend(audit, owner=auditors["editor"])
    implemented(action, auditors["editor"])
    services.recommendation_verify(action=action, by=auditors["omar"])
    client.force_login(auditors["editor"])
    form = progress_form(client, action)
    assert "status" not in form["fields"]
    assert "It is verified: the status stays as it is." in text(
        client.get(f"/actions/{action.pk}/progress/")
    )
    saved = client.post(
        f"/actions/{action.pk}/progress/",
        {"percent_complete": "100", "progress": "Checked again in November",
         "evidence": "Overtime report, October", "version": form["version"]},
    )  # fmt: skip
    assert saved.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.verified_by, action.progress) == (
        ActionStatus.VERIFIED, auditors["omar"], "Checked again in November",
    )  # fmt: skip
    with pytest.raises(ValidationError, match="verified: its status no longer changes"):
        services.action_update(action=action, status=ActionStatus.IN_PROGRESS, by=auditors["ines"])


def test_the_owner_cannot_mark_implemented_or_cancel_through_the_progress_form(
    client, auditors, audit
):
    action = recommend(audit, owner=auditors["editor"])
    client.force_login(auditors["editor"])
    form = progress_form(client, action)
    assert form["statuses"] == ["not_started", "in_progress"]
    assert "use “Mark implemented” on the audit's page" in text(
        client.get(f"/actions/{action.pk}/progress/")
    )
    for status in ["implemented", "cancelled", "verified"]:
        refused = client.post(
            f"/actions/{action.pk}/progress/",
            {"status": status, "percent_complete": "100", "version": form["version"]},
        )
        assert refused.status_code == 200, status
        assert "Select a valid choice" in text(refused)
    action.refresh_from_db()
    assert action.status == ActionStatus.NOT_STARTED

    # The service says the same to an import or any other caller.
    with pytest.raises(ValidationError) as no_evidence:
        services.action_update(
            action=action, status=ActionStatus.IMPLEMENTED, by=auditors["editor"]
        )
    assert no_evidence.value.message_dict == {
        "evidence": ["Say what shows the recommendation is implemented."]
    }
    with pytest.raises(ValidationError) as not_audit:
        services.action_update(action=action, status=ActionStatus.CANCELLED, by=auditors["editor"])
    assert not_audit.value.message_dict == {
        "status": ["Only internal audit cancels a recommendation."]
    }
    action.refresh_from_db()
    assert action.status == ActionStatus.NOT_STARTED

    # Internal audit may cancel one (the recommendation was withdrawn or superseded).
    client.force_login(auditors["ines"])
    form = progress_form(client, action)
    assert form["statuses"] == ["not_started", "in_progress", "cancelled"]
    client.post(
        f"/actions/{action.pk}/progress/",
        {"status": "cancelled", "percent_complete": "0", "progress": "Superseded by IA 2018-02",
         "version": form["version"]},
    )  # fmt: skip
    action.refresh_from_db()
    assert action.status == ActionStatus.CANCELLED


def test_internal_audit_sends_weak_evidence_back_to_the_owner(client, auditors, audit):
    action = recommend(audit, owner=auditors["editor"])
    implemented(action, auditors["editor"])
    url = f"/audits/recommendations/{action.pk}/verify/"
    client.force_login(auditors["omar"])
    page = text(client.get(url))
    assert "Yes: verify it" in page and "No: send it back to its owner, in progress" in page

    refused = client.post(url, {"decision": "send_back", "note": " "})
    assert "Say what the evidence lacks, so the owner can act on it." in text(refused)
    action.refresh_from_db()
    assert action.status == ActionStatus.IMPLEMENTED

    assert client.post(
        url, {"decision": "send_back", "note": "The report covers one ward of six."}
    ).status_code == 302  # fmt: skip
    action.refresh_from_db()
    assert (action.status, action.completed_on, action.implemented_by) == (
        ActionStatus.IN_PROGRESS, None, None,
    )  # fmt: skip
    assert action.progress == (
        "Sent back by Omar Auditor on 4 December 2017: The report covers one ward of six."
    )
    # The owner sees it on the action's page, no longer "done", and can mark it implemented again.
    client.force_login(auditors["editor"])
    shown = text(client.get(f"/actions/{action.pk}/"))
    assert "The report covers one ward of six." in shown and "Done on" not in shown
    assert action.history.count() == 3  # created, implemented, sent back: each kept

    # Whoever marked it implemented does not judge their own evidence.
    implemented(action, auditors["ines"])
    with pytest.raises(ValidationError, match="someone else in internal audit checks it"):
        services.recommendation_send_back(action=action, by=auditors["ines"], note="Fine")


def test_an_action_taken_up_again_is_no_longer_done(auditors, project):
    action = services.action_create(
        subject=project, description="Review the reablement rota", owner=auditors["editor"],
        due_on=dt.date(2018, 1, 31),
    )  # fmt: skip
    services.action_update(action=action, status=ActionStatus.COMPLETED, by=auditors["editor"])
    action.refresh_from_db()
    assert action.completed_on == DEC4
    services.action_update(action=action, status=ActionStatus.IN_PROGRESS, by=auditors["editor"])
    action.refresh_from_db()
    assert (action.status, action.completed_on) == (ActionStatus.IN_PROGRESS, None)
