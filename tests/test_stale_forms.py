"""Two people change the same record: the one who saves from an out-of-date page is refused,
nothing they typed is lost, and the other's change stands — for a control, a risk area and an
indicator's settings, as for values, risks, reviews and actions."""

import re

import pytest
from django.urls import reverse

from scorecard.performance import services as performance_services
from scorecard.performance.models import Indicator
from scorecard.risks import services as risk_services
from scorecard.risks.models import Control, RiskArea

pytestmark = pytest.mark.django_db


def form_fields(page: str) -> dict:
    """The values a browser would send back: inputs, the selected options and text areas."""
    fields = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page):
        fields[name] = value
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        fields[name] = body.strip()
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        fields[name] = chosen.group(1) if chosen else ""
    for name in re.findall(r'<input[^>]*type="checkbox"[^>]*name="([^"]+)"(?![^>]*checked)', page):
        fields.pop(name, None)
    fields.pop("csrfmiddlewaretoken", None)
    return fields


def stale_save(client, url: str, field: str, typed: str, meanwhile) -> str:
    """Open the form, let someone else save meanwhile, then save from the old page."""
    opened = form_fields(client.get(url).content.decode())
    meanwhile()
    return client.post(url, {**opened, field: typed}).content.decode()


def test_a_stale_save_of_a_control_an_area_or_an_indicator_is_refused(client, demo_council):
    admin = demo_council["admin"]
    client.force_login(admin)
    control = Control.objects.filter(is_archived=False).select_related("owner").first()
    page = stale_save(
        client, reverse("risks:control_edit", args=[control.pk]), "description", "Mine.",
        lambda: risk_services.control_update(
            control=control, description="Theirs.", owner=control.owner,
            effectiveness=control.effectiveness,
        ),
    )  # fmt: skip
    assert "Someone else changed this control since you opened it" in page
    assert "Mine." in page  # what was typed is kept
    assert Control.objects.get(pk=control.pk).description == "Theirs."

    area = RiskArea.objects.first()
    page = stale_save(
        client,
        reverse("risks:area_edit", args=[area.pk]),
        "mitigation_summary",
        "Mine.",
        lambda: risk_services.risk_area_update(area=area, mitigation_summary="Theirs."),
    )
    assert "Someone else changed this risk area since you opened it" in page
    assert RiskArea.objects.get(pk=area.pk).mitigation_summary == "Theirs."

    indicator = Indicator.objects.get(code="HW07")
    page = stale_save(
        client,
        reverse("performance:indicator_edit", args=[indicator.pk]),
        "definition",
        "Mine.",
        lambda: performance_services.indicator_update(indicator=indicator, definition="Theirs."),
    )
    assert "Someone else changed HW07" in page and "settings since you opened it" in page
    assert Indicator.objects.get(pk=indicator.pk).definition == "Theirs."


def test_a_save_from_a_current_page_goes_through(client, demo_council):
    client.force_login(demo_council["admin"])
    area = RiskArea.objects.first()
    url = reverse("risks:area_edit", args=[area.pk])
    opened = form_fields(client.get(url).content.decode())
    assert "version" in opened
    response = client.post(url, {**opened, "mitigation_summary": "Placement sufficiency plan."})
    assert response.status_code == 302
    assert RiskArea.objects.get(pk=area.pk).mitigation_summary == "Placement sufficiency plan."
