"""Risks linked to the indicators they threaten: the link (risk side), both pages, the pack."""

import re
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from scorecard.organisation.models import Directorate
from scorecard.reporting.links import indicators_for_risk, risks_for_indicator
from scorecard.risks import services
from scorecard.risks.models import IndicatorLink
from tests.performance.factories import IndicatorFactory, MeasurementFactory, TargetFactory
from tests.risks.factories import RegisterFactory, RiskFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def asc(demo):
    services.risk_matrix_create_default()
    return Directorate.objects.get(code="ASC")


@pytest.fixture
def risk(demo, asc):
    register = RegisterFactory(name="Adult Services register", directorate=asc)
    return RiskFactory(
        reference="ASC-R1", title="Care market failure", register=register,
        owner=demo["admin"], current_likelihood=4, current_impact=4,
    )  # fmt: skip


@pytest.fixture
def indicator(asc):
    indicator = IndicatorFactory(code="HW08", title="Short-term support", directorate=asc)
    TargetFactory(indicator=indicator, period="2017/18", value=90)
    MeasurementFactory(indicator=indicator, period="2017/18-Q1", value=D(70))
    MeasurementFactory(indicator=indicator, period="2017/18-Q2", value=D(60))
    return indicator


def test_a_link_is_made_once_and_unlinking_archives_it(demo, risk, indicator):
    link = services.risk_indicator_link(risk=risk, indicator=indicator, by=demo["admin"])
    with pytest.raises(ValidationError, match="already linked"):
        services.risk_indicator_link(risk=risk, indicator=indicator, by=demo["admin"])
    services.risk_indicator_unlink(link=link, by=demo["admin"])
    link.refresh_from_db()
    assert link.is_archived  # nothing deleted
    assert link.history.count() == 2
    again = services.risk_indicator_link(risk=risk, indicator=indicator, by=demo["admin"])
    assert again.pk != link.pk and IndicatorLink.objects.count() == 2


def test_the_risk_page_shows_its_indicators_status_and_trend(client, demo, risk, indicator):
    services.risk_indicator_link(
        risk=risk, indicator=indicator, by=demo["admin"], note="Fewer carers"
    )
    linked = indicators_for_risk(risk=risk, user=demo["admin"])
    assert [(x.indicator.code, x.status.state, x.direction) for x in linked] == [
        ("HW08", "red", "deteriorating")
    ]
    client.force_login(demo["reader"])
    page = text(client.get(reverse("risks:risk", args=[risk.pk])))
    assert "Indicators this risk threatens" in page
    assert "HW08 Short-term support" in page and "Fewer carers" in page
    assert "Deteriorating" in page and "Quarter Two 2017/18" in page
    assert "Unlink" not in page  # a reader reads


def test_the_indicator_page_shows_the_risks_behind_it(client, demo, risk, indicator):
    services.risk_indicator_link(risk=risk, indicator=indicator, by=demo["admin"])
    assert [
        r.risk.reference for r in risks_for_indicator(indicator=indicator, user=demo["admin"])
    ] == ["ASC-R1"]
    client.force_login(demo["admin"])
    page = text(client.get(reverse("performance:indicator", args=[indicator.pk])))
    assert "Risks behind this indicator" in page
    assert "ASC-R1 Care market failure" in page and "16 – Red" in page and "New" in page


def test_a_confidential_risk_is_hidden_from_those_who_may_not_see_it(client, demo, risk, indicator):
    other = RiskFactory(reference="X-R1", title="Secret", is_confidential=True,
                        register=RegisterFactory(directorate=Directorate.objects.exclude(code="ASC").first()))  # fmt: skip
    services.risk_indicator_link(risk=other, indicator=indicator, by=demo["admin"])
    services.risk_indicator_link(risk=risk, indicator=indicator, by=demo["admin"])

    def visible(user):
        return sorted(r.risk.reference for r in risks_for_indicator(indicator=indicator, user=user))

    # X-R1 is confidential and on another directorate's register: the reader (no directorate)
    # and the Adult Services editor see only ASC-R1; the administrator sees both.
    assert visible(demo["reader"]) == ["ASC-R1"]
    assert visible(demo["editor"]) == ["ASC-R1"]
    assert visible(demo["admin"]) == ["ASC-R1", "X-R1"]
    client.force_login(demo["reader"])
    page = text(client.get(reverse("performance:indicator", args=[indicator.pk])))
    assert "ASC-R1" in page and "X-R1" not in page and "Secret" not in page


def test_the_editor_links_and_unlinks_from_the_risk_page(client, demo, risk, indicator):
    client.force_login(demo["editor"])
    url = reverse("risks:indicator_link", args=[risk.pk])
    page = text(client.post(url, {"indicator": "", "note": ""}))
    assert "Choose the indicator this risk threatens." in page
    response = client.post(url, {"indicator": indicator.pk, "note": "Fewer carers"})
    assert response.status_code == 302
    link = IndicatorLink.objects.get(risk=risk)
    page = text(client.get(reverse("risks:risk", args=[risk.pk])))
    assert "Unlink" in page and "Link an indicator this risk threatens" in page
    response = client.post(reverse("risks:indicator_unlink", args=[link.pk]))
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.is_archived
    page = text(client.get(reverse("risks:risk", args=[risk.pk])))
    assert "No indicators are linked to this risk yet." in page
    assert "Indicator link" in page  # the History tab records the unlinking


def test_a_reader_may_not_link(client, demo, risk, indicator):
    link = services.risk_indicator_link(risk=risk, indicator=indicator, by=demo["admin"])
    client.force_login(demo["reader"])
    assert client.get(reverse("risks:indicator_link", args=[risk.pk])).status_code == 403
    assert client.post(reverse("risks:indicator_unlink", args=[link.pk])).status_code == 403
    assert client.get(reverse("risks:indicator_unlink", args=[link.pk])).status_code == 405


def test_links_cost_a_fixed_number_of_queries(demo, risk, asc, django_assert_max_num_queries):
    for n in range(6):
        i = IndicatorFactory(code=f"L{n}", directorate=asc)
        MeasurementFactory(indicator=i, period="2017/18-Q2", value=n)
        services.risk_indicator_link(risk=risk, indicator=i, by=demo["admin"])
    with django_assert_max_num_queries(6):  # links, values, targets, open quarter, settings
        assert len(indicators_for_risk(risk=risk, user=demo["admin"])) == 6
    with django_assert_max_num_queries(7):
        assert len(risks_for_indicator(indicator=i, user=demo["admin"])) == 1
