"""A council (or a project team) with a risk register and no scorecard gets its risk report."""

import datetime as dt

import pytest

from scorecard.organisation.services import organisation_clock_set
from scorecard.performance.services import reporting_period_open
from scorecard.reporting.models import Snapshot
from scorecard.risks.choices import RegisterKind, RiskCategory
from scorecard.risks.services import register_create, risk_create, risk_matrix_create_from_preset

pytestmark = pytest.mark.django_db


@pytest.fixture
def risk_only_council(admin):
    organisation_clock_set(clock_date=dt.date(2024, 6, 14))  # inside 2024/25 Quarter One
    risk_matrix_create_from_preset(size=5)
    register = register_create(name="Project risk register", kind=RegisterKind.CORPORATE)
    for reference, likelihood, impact in (("PR01", 4, 5), ("PR02", 2, 2)):
        risk_create(reference=reference, title=f"Risk {reference}", category=RiskCategory.STRATEGIC,
                    owner=admin, register=register, inherent_likelihood=5, inherent_impact=5,
                    current_likelihood=likelihood, current_impact=impact)  # fmt: skip
    reporting_period_open(period="2024/25-Q1", by=admin)
    return admin


def test_the_risk_dashboard_shows_the_register_without_a_scorecard(client, risk_only_council):
    client.force_login(risk_only_council)
    html = client.get("/reports/risks/").content.decode()
    assert "No risk matrix is in use yet" not in html
    assert "Heat map" in html
    # PR01 is 4 x 5 = 20, red (15-25); PR02 is 2 x 2 = 4, green (1-6): two risks in all.
    assert "PR01" in html
    assert (
        'All registers</th><td class="govuk-table__cell govuk-table__cell--numeric"><strong>2</strong>'
        in html
    )


def test_the_performance_dashboard_says_there_is_no_scorecard(client, risk_only_council):
    client.force_login(risk_only_council)
    html = client.get("/reports/performance/").content.decode()
    assert "No corporate scorecard yet: <a" in html
    assert "The risk dashboard works without it" not in html  # that is for those who cannot act


def test_the_draft_pack_is_the_risk_report_alone(client, risk_only_council):
    client.force_login(risk_only_council)
    response = client.get("/reports/2024-25-Q1/appendix/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cabinet: Corporate Risk Update, Quarter One 2024/25" in html
    assert "Performance summary" not in html and "The full scorecard" not in html
    assert "Risk PR01" in html
    pdf = client.get("/reports/2024-25-Q1/appendix.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_a_risk_only_quarter_is_locked_and_published(client, risk_only_council):
    client.force_login(risk_only_council)
    lock = client.get("/reports/2024-25-Q1/lock/")
    assert lock.status_code == 200
    response = client.post("/reports/2024-25-Q1/lock/", {"confirm": "on"})
    assert response.status_code == 302, response.content.decode()
    snapshot = Snapshot.objects.get(period="2024/25-Q1")
    assert snapshot.scorecard is None
    assert sorted(snapshot.risks.values_list("reference", flat=True)) == ["PR01", "PR02"]
    html = client.get("/reports/2024-25-Q1/appendix/").content.decode()
    assert "Published" in html and "Cabinet: Corporate Risk Update, Quarter One 2024/25" in html
    assert "Performance summary" not in html
    dashboard = client.get("/reports/risks/").content.decode()
    assert (
        'All registers</th><td class="govuk-table__cell govuk-table__cell--numeric"><strong>2</strong>'
        in dashboard
    )
    assert client.get("/open-data/").status_code == 200


def test_nothing_to_publish_is_refused(client, admin):
    reporting_period_open(period="2024/25-Q1", by=admin)
    client.force_login(admin)
    response = client.post("/reports/2024-25-Q1/lock/", {"confirm": "on"})
    assert "There is nothing to publish: no corporate scorecard and no risks." in (
        response.content.decode()
    )
    assert not Snapshot.objects.exists()
