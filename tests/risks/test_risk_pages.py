"""Adding, changing and closing a risk, its controls and actions, from the risk pages."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from scorecard.history import record_version
from scorecard.organisation.models import Directorate
from scorecard.organisation.services import organisation_clock_set
from scorecard.risks import services
from scorecard.risks.choices import RiskStatus
from scorecard.risks.models import Risk

from .factories import RegisterFactory, RiskFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def asc_register(demo):
    services.risk_matrix_create_default()
    return RegisterFactory(
        name="Adult Services register", directorate=Directorate.objects.get(code="ASC")
    )


@pytest.fixture
def risk(demo, asc_register):
    return RiskFactory(
        reference="ASC-R1", title="Care market failure", register=asc_register,
        owner=demo["admin"], current_likelihood=2, current_impact=3,
    )  # fmt: skip


def new_risk(register, owner, **changes):
    data = {
        "reference": "ASC-R9", "title": "Winter pressures", "cause": "Cold weather",
        "event": "", "consequence": "", "category": "safeguarding", "owner": owner.pk,
        "register": register.pk, "area": "", "inherent_likelihood": 5, "inherent_impact": 4,
        "current_likelihood": 4, "current_impact": 4, "target_likelihood": "",
        "target_impact": "", "target_date": "", "review_months": "",
    }  # fmt: skip
    data.update(changes)
    return data


def test_the_editor_adds_a_risk_and_a_missing_title_is_named_keeping_the_rest(
    client, demo, asc_register
):
    client.force_login(demo["editor"])
    url = reverse("risks:risk_create")
    page = text(client.post(url, new_risk(asc_register, demo["editor"], title="")))
    assert "<title>Error: Add a risk" in page and 'href="#id_title"' in page
    assert "Enter the risk&#39;s title." in page and "Cold weather" in page  # typed text kept
    assert not Risk.objects.filter(reference="ASC-R9").exists()
    response = client.post(url, new_risk(asc_register, demo["editor"]))
    assert response.status_code == 302
    risk = Risk.objects.get(reference="ASC-R9")
    assert (risk.current_score, risk.owner, risk.register) == (16, demo["editor"], asc_register)
    assert "ASC-R9 added to Adult Services register." in text(client.get(response["Location"]))


def test_a_target_needs_both_halves_and_the_service_names_the_field(client, demo, asc_register):
    client.force_login(demo["admin"])
    page = text(
        client.post(
            reverse("risks:risk_create"),
            new_risk(asc_register, demo["admin"], target_likelihood=2),
        )
    )
    assert 'href="#id_target_impact"' in page and "Give the target impact as well." in page


def test_the_editor_may_add_only_to_their_directorates_registers(client, demo, asc_register):
    other = RegisterFactory(name="Children's register")
    client.force_login(demo["editor"])
    page = text(client.get(reverse("risks:risk_create")))
    assert "Adult Services register" in page and "Children&#39;s register" not in page
    page = text(client.post(reverse("risks:risk_create"), new_risk(other, demo["editor"])))
    assert 'href="#id_register"' in page
    assert not Risk.objects.filter(reference="ASC-R9").exists()
    client.force_login(demo["reader"])
    assert client.get(reverse("risks:risk_create")).status_code == 403


def _change(risk, **changes):
    data = {
        "title": risk.title, "cause": "", "event": "", "consequence": "",
        "category": risk.category_id, "owner": risk.owner_id, "register": risk.register_id,
        "area": "", "inherent_likelihood": 5, "inherent_impact": 5, "target_likelihood": 1,
        "target_impact": 2, "target_date": "31/3/2019", "review_months": 3,
        "version": record_version(risk),
    }  # fmt: skip
    data.update(changes)
    return data


def test_the_editor_changes_a_risk_and_the_history_tab_shows_it(client, demo, risk):
    client.force_login(demo["editor"])
    url = reverse("risks:risk_edit", args=[risk.pk])
    response = client.post(url, _change(risk, title="Care market collapse", is_confidential="on"))
    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.title == "Care market collapse" and risk.is_confidential
    assert (risk.target_likelihood, risk.target_impact, risk.review_months) == (1, 2, 3)
    page = text(client.get(reverse("risks:risk", args=[risk.pk])))
    assert "Title</strong>: Care market failure → Care market collapse" in page


def test_a_stale_change_shows_the_other_one_and_keeps_what_was_typed(client, demo, risk):
    stale = _change(risk, title="Editor's title")
    services.risk_update(risk=risk, title="Admin's title")
    client.force_login(demo["editor"])
    page = text(client.post(reverse("risks:risk_edit", args=[risk.pk]), stale))
    assert "Changed since you opened it" in page and "Editor&#39;s title" in page
    risk.refresh_from_db()
    assert risk.title == "Admin's title"


def test_closing_needs_a_reason_and_keeps_the_risk(client, demo, risk):
    client.force_login(demo["editor"])
    url = reverse("risks:risk_close", args=[risk.pk])
    assert 'href="#id_reason"' in text(client.post(url, {"reason": ""}))
    assert client.post(url, {"reason": "Market stabilised."}).status_code == 302
    risk.refresh_from_db()
    assert risk.status == RiskStatus.CLOSED and risk.closure_reason == "Market stabilised."
    page = text(client.get(reverse("risks:risk", args=[risk.pk])))
    assert "Market stabilised." in page and "Review this risk" not in page
    assert client.get(reverse("risks:risk_edit", args=[risk.pk])).status_code == 403


def test_a_closed_risk_is_not_shown_as_overdue_for_review(client, demo, risk):
    Risk.objects.filter(pk=risk.pk).update(next_review_on="2000-01-01")
    client.force_login(demo["editor"])
    assert "(overdue)" in text(client.get(reverse("risks:risk", args=[risk.pk])))
    client.post(reverse("risks:risk_close", args=[risk.pk]), {"reason": "Market stabilised."})
    assert "(overdue)" not in text(client.get(reverse("risks:risk", args=[risk.pk])))


def test_controls_are_added_changed_and_archived_never_deleted(client, demo, risk):
    client.force_login(demo["editor"])
    url = reverse("risks:control_create", args=[risk.pk])
    assert 'href="#id_description"' in text(
        client.post(url, {"description": "", "effectiveness": "effective"})
    )
    client.post(url, {"description": "Provider failure plan", "effectiveness": "effective"})
    control = risk.controls.get()
    edit = reverse("risks:control_edit", args=[control.pk])
    data = {"description": "Provider failure plan", "effectiveness": "partly_effective",
            "is_archived": "on", "version": record_version(control)}  # fmt: skip
    assert client.post(edit, data).status_code == 302
    control.refresh_from_db()
    assert control.is_archived and control.effectiveness == "partly_effective"
    assert "Provider failure plan (" not in text(client.get(reverse("risks:risk", args=[risk.pk])))
    client.force_login(demo["reader"])
    assert client.get(edit).status_code == 403


def test_an_action_needs_an_owner_and_a_due_date(client, demo, risk):
    client.force_login(demo["editor"])
    url = reverse("risks:action_create", args=[risk.pk])
    page = text(client.post(url, {"description": "Recruit carers", "owner": "", "due_on": "soon"}))
    assert 'href="#id_owner"' in page and 'href="#id_due_on"' in page
    assert "Recruit carers" in page
    organisation_clock_set(clock_date=dt.date(2017, 12, 4))
    data = {"description": "Recruit carers", "owner": demo["editor"].pk, "due_on": "1/12/2017"}
    assert "The due date 1 December 2017 has passed" in text(client.post(url, data))
    data["due_on"] = "31/3/2018"
    assert client.post(url, data).status_code == 302
    assert risk.actions.get().owner == demo["editor"]


def test_the_register_is_paginated_keeping_the_filters_with_bounded_queries(
    client, demo, asc_register, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(60):
        RiskFactory(reference=f"P{n:03d}", register=asc_register)
    client.force_login(demo["reader"])
    url = reverse("risks:index") + "?directorate=ASC&sort=reference"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    page, queries = text(response), len(few)  # counted now: the next request clears the log
    assert "60 live risks, 1 to 50 shown" in page and "P049" in page and "P050" not in page
    assert "?directorate=ASC&amp;sort=reference&amp;page=2" in page  # the filters stay
    page = text(client.get(url + "&page=2"))
    assert "P050" in page and "P049" not in page and ">51<" in page.replace(" ", "")
    for n in range(60, 120):
        RiskFactory(reference=f"P{n:03d}", register=asc_register)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
