"""The risk register pages: the ranked, filtered list; the risk page; review, action, escalation."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scorecard.history import record_version
from scorecard.organisation.models import Directorate
from scorecard.risks import services
from scorecard.risks.choices import ActionStatus, EscalationStatus

from .factories import ActionFactory, RegisterFactory, RiskFactory, corporate_register

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def matrix(db):
    return services.risk_matrix_create_default()


@pytest.fixture
def asc_register(demo, matrix):
    return RegisterFactory(
        name="Adult Services register", directorate=Directorate.objects.get(code="ASC")
    )


@pytest.fixture
def risk(demo, asc_register):
    """Likelihood 2 x impact 3 = 6, green."""
    return RiskFactory(
        reference="ASC-R1", title="Care market failure", register=asc_register, owner=demo["admin"],
        current_likelihood=2, current_impact=3, cause="Low fees", event="Providers close",
        consequence="People left without care",
    )  # fmt: skip


def test_the_register_ranks_risks_and_filters_live_in_the_url(client, demo, asc_register):
    RiskFactory(reference="LOW", register=asc_register, current_likelihood=1, current_impact=2)
    RiskFactory(reference="HIGH", register=asc_register, current_likelihood=5, current_impact=4)
    RiskFactory(reference="MID", register=asc_register, current_likelihood=3, current_impact=3)
    client.force_login(demo["reader"])
    page = text(client.get(reverse("risks:index")))
    assert page.index("HIGH") < page.index("MID") < page.index("LOW")
    assert "Red 20" in page and "Amber 9" in page
    red_only = text(client.get(reverse("risks:index") + "?band=red"))
    assert "HIGH" in red_only and "MID" not in red_only
    assert 'value="red" selected' in red_only  # the filter shows as chosen
    by_ref = text(client.get(reverse("risks:index") + "?sort=reference"))
    assert by_ref.index("HIGH") < by_ref.index("LOW") < by_ref.index("MID")


def test_overdue_and_directorate_filters(client, demo, asc_register):
    RiskFactory(reference="LATE", register=asc_register, next_review_on=dt.date(2017, 1, 1))
    RiskFactory(reference="SOON", register=asc_register, next_review_on=dt.date(2099, 1, 1))
    RiskFactory(reference="ELSEWHERE", next_review_on=dt.date(2017, 1, 1))
    client.force_login(demo["reader"])
    page = text(client.get(reverse("risks:index") + "?overdue=yes&directorate=ASC"))
    assert "LATE" in page and "SOON" not in page and "ELSEWHERE" not in page


def test_confidential_risks_are_seen_only_by_their_directorate_admins_and_owner(
    client, demo, asc_register
):
    other = RegisterFactory(name="Children's register")
    RiskFactory(reference="SECRET-ASC", register=asc_register, is_confidential=True)
    hidden = RiskFactory(reference="SECRET-CFC", register=other, is_confidential=True)
    for user, sees in [("admin", {"SECRET-ASC", "SECRET-CFC"}), ("editor", {"SECRET-ASC"}),
                       ("reader", set())]:  # fmt: skip
        client.force_login(demo[user])
        page = text(client.get(reverse("risks:index")))
        assert {ref for ref in ["SECRET-ASC", "SECRET-CFC"] if ref in page} == sees, user
    client.force_login(demo["reader"])
    assert client.get(reverse("risks:risk", args=[hidden.pk])).status_code == 404


def test_the_risk_page_shows_the_risk_its_matrix_position_and_history(client, demo, risk):
    ActionFactory(risk=risk, description="Commission new providers", owner=demo["editor"])
    client.force_login(demo["reader"])
    page = text(client.get(reverse("risks:risk", args=[risk.pk])))
    assert "Because of (cause)" in page and "Low fees" in page and "Providers close" in page
    assert "Green 6" in page  # current 2 x 3
    assert "Red 25" in page  # inherent 5 x 5
    assert "Position on the matrix" in page and "<strong>Current</strong>" in page
    assert "Commission new providers" in page
    assert "Review this risk" not in page  # readers read


def test_the_editor_reviews_a_risk_to_a_higher_score_and_its_band_changes(client, demo, risk):
    client.force_login(demo["editor"])
    url = reverse("risks:review", args=[risk.pk])
    version = record_version(risk)
    page = text(
        client.post(url, {"likelihood": 4, "impact": 4, "version": version, "action": "preview"})
    )
    assert "New score: <strong>4 × 4 = 16</strong>" in page and "govuk-tag--red" in page
    page = text(
        client.post(url, {"likelihood": 4, "impact": 4, "version": version, "commentary": ""})
    )
    assert "<title>Error: Review ASC-R1" in page and 'href="#id_commentary"' in page
    assert 'value="4" checked' in page  # the choice is kept
    response = client.post(
        url,
        {"likelihood": 4, "impact": 4, "version": version, "commentary": "Two providers closed."},
    )
    assert response.status_code == 302
    page = text(client.get(response["Location"]))
    assert "ASC-R1 reviewed: score 16, red." in page
    assert "Red 16" in page and "Two providers closed." in page
    assert "Current likelihood</strong>: 2 → 4" in page  # the History tab


def test_a_stale_review_shows_the_other_change_and_writes_nothing(client, demo, risk):
    version = record_version(risk)
    services.risk_review(
        risk=risk, likelihood=3, impact=3, commentary="Admin's review.", assessor=demo["admin"],
        seen_version=version,
    )  # fmt: skip
    client.force_login(demo["editor"])
    url = reverse("risks:review", args=[risk.pk])
    page = text(
        client.post(url, {"likelihood": 5, "impact": 5, "version": version, "commentary": "Mine."})
    )
    assert "Changed since you opened it" in page
    assert "Current likelihood</strong>: 2 → 3" in page  # what the admin changed
    assert "Mine." in page
    risk.refresh_from_db()
    assert (risk.current_likelihood, risk.current_impact) == (3, 3)


def test_the_reader_cannot_review(client, demo, risk):
    client.force_login(demo["reader"])
    url = reverse("risks:review", args=[risk.pk])
    assert client.get(url).status_code == 403
    assert (
        client.post(
            url, {"likelihood": 5, "impact": 5, "version": 0, "commentary": "x"}
        ).status_code
        == 403
    )


def test_action_update_keeps_the_original_date_and_names_bad_input(client, demo, risk):
    action = ActionFactory(risk=risk, owner=demo["editor"], due_on=dt.date(2018, 1, 31))
    client.force_login(demo["editor"])
    url = reverse("risks:action_update", args=[action.pk])
    data = {"status": "in_progress", "percent_complete": "150", "progress": "Started",
            "revised_due_on": "31/3/2018", "version": record_version(action)}  # fmt: skip
    page = text(client.post(url, data))
    assert 'href="#id_percent_complete"' in page and 'value="150"' in page
    data["percent_complete"] = "40"
    assert client.post(url, data).status_code == 302
    action.refresh_from_db()
    assert (action.status, action.percent_complete) == (ActionStatus.IN_PROGRESS, 40)
    assert (action.due_on, action.revised_due_on) == (dt.date(2018, 1, 31), dt.date(2018, 3, 31))


def test_escalation_request_and_decision(client, demo, risk):
    corporate = corporate_register()
    client.force_login(demo["editor"])
    url = reverse("risks:escalation_request", args=[risk.pk])
    assert "Give the reason" in text(client.post(url, {"to_register": corporate.pk, "reason": ""}))
    assert (
        client.post(url, {"to_register": corporate.pk, "reason": "Council-wide."}).status_code
        == 302
    )
    escalation = risk.escalations.get()
    assert client.get(reverse("risks:escalation_decide", args=[escalation.pk])).status_code == 403
    client.force_login(demo["admin"])
    assert "ASC-R1: Adult Services register to Corporate Risk Register" in text(
        client.get(reverse("risks:index"))
    )
    response = client.post(
        reverse("risks:escalation_decide", args=[escalation.pk]),
        {"decision": "accept", "note": "Agreed."},
    )
    assert response.status_code == 302
    escalation.refresh_from_db()
    risk.refresh_from_db()
    assert escalation.status == EscalationStatus.ACCEPTED and risk.escalated_to == corporate


def _risks(n, register):
    for _ in range(n):
        risk = RiskFactory(register=register)
        ActionFactory(risk=risk)


@pytest.mark.parametrize("user", ["admin", "reader"])
def test_the_register_runs_the_same_queries_for_5_and_50_risks(
    client, demo, asc_register, django_assert_num_queries, user
):
    client.force_login(demo[user])
    _risks(5, asc_register)
    client.get(reverse("risks:index"))
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("risks:index")).status_code == 200
    _risks(45, asc_register)
    with django_assert_num_queries(len(few)):
        assert client.get(reverse("risks:index")).status_code == 200
    assert len(few) <= 20


def test_the_risk_page_runs_the_same_queries_with_5_and_50_actions(
    client, demo, risk, django_assert_num_queries
):
    client.force_login(demo["admin"])
    for _ in range(5):
        ActionFactory(risk=risk)
    url = reverse("risks:risk", args=[risk.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(45):
        ActionFactory(risk=risk)
    with django_assert_num_queries(len(few)):
        assert client.get(url).status_code == 200
