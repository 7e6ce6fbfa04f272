"""The demo council's actions beyond its risks: improvement actions on red indicators and its
projects' actions, overdue, extended and waiting for a decision, as a new user would see them."""

import re

import lxml.html
import pytest

from scorecard.actions.models import Action, ExtensionRequest

pytestmark = pytest.mark.django_db


def test_the_demo_has_indicator_and_project_actions_in_every_state(client, demo_council):
    beyond_risks = Action.objects.filter(risk__isnull=True, audit__isnull=True)
    assert {a.subject_field for a in beyond_risks} == {"indicator", "project"}
    assert {"not_started", "in_progress", "completed"} <= {a.status for a in beyond_risks}
    assert set(ExtensionRequest.objects.values_list("decision", flat=True)) >= {
        "approved",
        "pending",
    }

    # The editor (Adult Services) sees HW01's reablement action on their home page: due
    # 30 November 2017, four days before the demo's 4 December.
    client.force_login(demo_council["editor"])
    home = re.sub(r"\s+", " ", lxml.html.fromstring(client.get("/").content).text_content())
    assert "Indicator: HW01 Older People Funded in Permanent Care Home placements" in home
    assert "4 days late" in home

    # RC03's recovery plans were extended by the sponsor, not their owner.
    extended = Action.objects.get(indicator__code="RC03")
    extension = extended.extensions.get()
    assert (extension.requested_by.username, extension.decided_by.username) == (
        "admin",
        "director.coach",
    )
    assert extended.current_due_on.isoformat() == "2018-01-31"
