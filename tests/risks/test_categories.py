"""Risk categories are the council's own list: added, renamed and archived on the risk settings
pages, never deleted; risks, appetite and reports follow the list."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from scorecard.risks import selectors, services
from scorecard.risks.models import Register, Risk, RiskCategory

from .factories import RiskFactory, UserFactory, corporate_register

pytestmark = pytest.mark.django_db

STANDARD_NAMES = [
    "Financial", "Health and safety", "Information and cyber security", "Legal and regulatory",
    "Partnership", "People and HR", "Reputational", "Safeguarding", "Strategic",
]  # fmt: skip


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def admin(client, demo):
    services.risk_matrix_create_default()
    client.force_login(demo["admin"])
    return demo["admin"]


def new_risk(category, reference="CR1"):
    register = Register.objects.filter(kind="corporate").first() or corporate_register()
    return services.risk_create(
        reference=reference, title="Planning appeal lost", category=category,
        owner=UserFactory(), register=register, inherent_likelihood=4,
        inherent_impact=4, current_likelihood=3, current_impact=4,
    )  # fmt: skip


def test_a_new_installation_starts_with_the_nine_standard_categories():
    assert list(RiskCategory.objects.values_list("name", flat=True)) == STANDARD_NAMES


def test_the_council_adds_renames_and_archives_a_category(client, admin):
    response = client.post(reverse("risks:category_create"), {"name": "Planning"})
    assert response.status_code == 302
    planning = RiskCategory.objects.get(name="Planning")
    assert planning.code == "planning"
    risk = new_risk(planning)
    page = text(client.get(reverse("risks:categories")))
    assert "Planning</th>" in page and reverse("risks:category_edit", args=[planning.pk]) in page

    edit = reverse("risks:category_edit", args=[planning.pk])
    version = planning.history.latest().history_id
    data = {"name": "Planning and development", "is_archived": "on", "version": version}
    assert client.post(edit, data).status_code == 302
    planning.refresh_from_db()
    assert (planning.name, planning.code, planning.is_archived) == (
        "Planning and development", "planning", True
    )  # fmt: skip
    risk = Risk.objects.get(pk=risk.pk)
    assert risk.category == planning  # its risks keep it
    assert "Planning and development" in text(client.get(reverse("risks:risk", args=[risk.pk])))
    # Archived: not offered for a new risk, and refused by the service.
    assert "Planning and development" not in text(client.get(reverse("risks:risk_create")))
    with pytest.raises(ValidationError, match="Planning and development is archived"):
        new_risk(planning, reference="CR2")
    history = text(client.get(edit))
    assert "Planning → Planning and development" in history


def test_a_second_category_with_the_same_name_is_refused(client, admin):
    response = client.post(reverse("risks:category_create"), {"name": "  strategic "})
    assert response.status_code == 200
    assert "There is already a category called strategic" in text(response)
    assert RiskCategory.objects.count() == len(STANDARD_NAMES)


def test_the_categories_page_counts_open_risks_in_a_fixed_number_of_queries(
    client, admin, django_assert_max_num_queries
):
    for n in range(12):
        RiskFactory(category_id=["strategic", "financial"][n % 2])
    with django_assert_max_num_queries(12):
        page = text(client.get(reverse("risks:categories")))
    assert re.search(r"Financial</th> <td[^>]*>6</td>", page)


def test_appetite_is_set_for_a_councils_own_category(admin):
    procurement = services.risk_category_create(name="Procurement")
    services.risk_appetite_set(category=procurement, maximum_score=6)
    row = next(r for r in selectors.settings.risk_appetite_rows() if r.label == "Procurement")
    assert (row.category, row.maximum_score) == ("procurement", 6)


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_every_risks_category_and_makes_the_unknown_ones():
    """Risks stored with the fixed list's values keep them, now as the categories' codes."""
    executor = MigrationExecutor(connection)
    before, after = (
        [("risks", "0003_risk_current_rank")],
        [("risks", "0004_risk_categories_as_data")],
    )
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    user = apps.get_model("organisation", "User").objects.create(username="owner")
    register = apps.get_model("risks", "Register").objects.create(
        name="Corporate", kind="corporate"
    )
    old_risk = apps.get_model("risks", "Risk")
    for reference, category in [("R1", "financial"), ("R2", "hr"), ("R3", "climate_change")]:
        old_risk.objects.create(
            reference=reference, title=reference, category=category, owner=user,
            register=register, inherent_likelihood=1, inherent_impact=1,
            current_likelihood=1, current_impact=1, identified_on="2019-07-01",
            next_review_on="2019-10-01",
        )  # fmt: skip
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    apps = executor.loader.project_state(after).apps
    names = dict(apps.get_model("risks", "Risk").objects.values_list("reference", "category__name"))
    assert names == {"R1": "Financial", "R2": "People and HR", "R3": "Climate change"}
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
