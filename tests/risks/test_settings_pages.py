"""The risk settings pages: registers, risk areas, appetite and the matrix (administrators)."""

import re

import pytest
from django.urls import reverse

from scorecard.organisation.models import Directorate
from scorecard.risks import services
from scorecard.risks.models import MatrixBand, MatrixCell, MatrixLevel, Register, RiskAppetite

from .factories import RegisterFactory, RiskFactory, corporate_register

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def admin(client, demo):
    services.risk_matrix_create_default()
    client.force_login(demo["admin"])
    return demo["admin"]


def test_registers_are_added_and_a_wrong_parent_is_named(client, admin):
    corporate = corporate_register()
    asc = Directorate.objects.get(code="ASC")
    url = reverse("risks:register_create")
    data = {"name": "Adult Services", "kind": "directorate", "directorate": asc.pk,
            "parent": corporate.pk, "description": ""}  # fmt: skip
    assert client.post(url, data).status_code == 302
    directorate_register = Register.objects.get(name="Adult Services")
    page = text(client.post(url, {**data, "name": "Care homes", "kind": "corporate",
                                  "parent": directorate_register.pk}))  # fmt: skip
    assert 'href="#id_parent"' in page and "Care homes" in page
    edit = reverse("risks:register_edit", args=[directorate_register.pk])
    assert client.post(edit, {**data, "name": "Adult Social Care"}).status_code == 302
    page = text(client.get(reverse("risks:registers")))
    assert "Adult Social Care" in page and "Corporate Risk Register" in page


def test_a_register_is_archived_only_once_its_risks_are_closed(client, admin):
    corporate = corporate_register()
    asc = Directorate.objects.get(code="ASC")
    register = RegisterFactory(name="Care homes project", kind="project", directorate=asc,
                               parent=corporate)  # fmt: skip
    risk = RiskFactory(register=register)
    edit = reverse("risks:register_edit", args=[register.pk])
    data = {"name": "Care homes project", "kind": "project", "directorate": asc.pk,
            "parent": corporate.pk, "description": "", "archive": "on"}  # fmt: skip
    page = text(client.post(edit, data))
    assert "still holds 1 open risk: close or move them first." in page
    register.refresh_from_db()
    assert not register.is_archived
    risk.status = "closed"
    risk.save(update_fields=["status"])
    assert client.post(edit, data).status_code == 302
    register.refresh_from_db()
    assert register.is_archived and Register.objects.filter(pk=register.pk).exists()


def test_risk_areas_are_added_and_changed(client, admin):
    url = reverse("risks:area_create")
    assert 'href="#id_owner"' in text(client.post(url, {"name": "Children", "owner": ""}))
    data = {"name": "Children's Social Care", "owner": admin.pk, "description": "",
            "mitigation_summary": "Recruitment drive."}  # fmt: skip
    assert client.post(url, data).status_code == 302
    page = text(client.get(reverse("risks:areas")))
    assert "Children&#39;s Social Care" in page and "Recruitment drive." in page


def test_appetite_is_set_within_the_matrix(client, admin):
    url = reverse("risks:appetite")
    page = text(client.post(url, {"category": "financial", "maximum_score": 30}))
    assert 'href="#id_maximum_score"' in page and "between 1 and 25" in page
    assert client.post(url, {"category": "financial", "maximum_score": 12}).status_code == 302
    assert RiskAppetite.objects.get(category="financial").maximum_score == 12


def test_the_matrix_page_changes_labels_bands_and_cells(client, admin):
    page = text(client.get(reverse("risks:matrix")))
    assert "Likelihood 5<br>Almost certain" in page and "Red 25" in page
    level = MatrixLevel.objects.get(axis="likelihood", number=5)
    url = reverse("risks:matrix_level_edit", args=[level.pk])
    assert 'href="#id_label"' in text(client.post(url, {"label": "", "descriptor": ""}))
    client.post(url, {"label": "Very likely", "descriptor": "Over 80%."})
    band = MatrixBand.objects.get(key="red")
    url = reverse("risks:matrix_band_edit", args=[band.pk])
    page = text(client.post(url, {"label": "Red", "colour": "red", "review_months": 1}))
    assert 'href="#id_colour"' in page and "six hex digits" in page
    client.post(url, {"label": "Red", "colour": "#d4351c", "review_months": 2})
    url = reverse("risks:matrix_cell_edit", kwargs={"likelihood": 3, "impact": 4})
    assert client.post(url, {"band": "red"}).status_code == 302
    assert MatrixCell.objects.get(likelihood=3, impact=4).band.key == "red"
    band.refresh_from_db()
    assert band.review_months == 2
    page = text(client.get(reverse("risks:matrix")))
    assert "Very likely" in page and "Red 12" in page


@pytest.mark.parametrize("user", ["editor", "reader"])
def test_settings_are_for_administrators_only(client, demo, user):
    services.risk_matrix_create_default()
    client.force_login(demo[user])
    for name in ["risks:registers", "risks:areas", "risks:appetite", "risks:matrix"]:
        assert client.get(reverse(name)).status_code == 403
    assert (
        client.post(
            reverse("risks:appetite"), {"category": "legal", "maximum_score": 5}
        ).status_code
        == 403
    )
