"""The header search finds indicators and risks by code or words, and only what the person may see."""

import re

import pytest
from django.urls import reverse

from scorecard.organisation.models import Directorate
from scorecard.risks.services import risk_matrix_create_default
from tests.performance.factories import IndicatorFactory
from tests.risks.factories import RegisterFactory, RiskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def things(demo):
    risk_matrix_create_default()
    asc = Directorate.objects.get(code="ASC")
    IndicatorFactory(code="ASC-D1", title="Delayed transfers of care", directorate=asc)
    IndicatorFactory(
        code="EI-R1",
        title="Principal roads in poor condition",
        directorate=Directorate.objects.get(code="EI"),
    )
    mine = RegisterFactory(name="Adult Services register", directorate=asc)
    RiskFactory(reference="CR-07", title="Care market failure", register=mine)
    theirs = RegisterFactory(
        name="Children register", directorate=Directorate.objects.get(code="CFC")
    )
    RiskFactory(
        reference="CR-99", title="Care home fraud inquiry", register=theirs, is_confidential=True
    )


def search(client, query):
    return re.sub(r"\s+", " ", client.get(reverse("search"), {"q": query}).content.decode())


def test_finds_indicators_and_risks_by_code_and_words(client, demo, things):
    client.force_login(demo["admin"])
    page = search(client, "care")
    assert "ASC-D1 Delayed transfers of care" in page
    assert "CR-07 Care market failure" in page and "CR-99 Care home fraud inquiry" in page
    assert "Principal roads" not in page
    page = search(client, "ei-r1")
    assert "EI-R1 Principal roads in poor condition" in page and "Indicators (1)" in page
    assert "CR-07" in search(client, "market care")  # every word, any order
    assert "No risk matches" in search(client, "roads")


def test_respects_access(client, demo, things):
    client.force_login(demo["reader"])
    page = search(client, "care")
    assert "CR-07 Care market failure" in page
    assert "CR-99" not in page  # confidential, another directorate's register


def test_the_search_box_is_in_the_header_and_keeps_the_query(client, demo, things):
    client.force_login(demo["reader"])
    page = search(client, "roads")
    assert 'id="header-search" name="q" type="search" value="roads"' in page
    home = client.get(reverse("home")).content.decode()
    assert 'action="/search/"' in home


def test_search_runs_two_queries_for_results(client, demo, things, django_assert_max_num_queries):
    client.force_login(demo["admin"])
    search(client, "care")
    with django_assert_max_num_queries(8):
        search(client, "care")


def test_forgives_misspellings_and_word_forms(client, demo, things):
    client.force_login(demo["admin"])
    assert "ASC-D1 Delayed transfers of care" in search(client, "delayd")
    page = search(client, "care homes")
    assert "CR-99 Care home fraud inquiry" in page
    assert "CR-07" not in page  # "Care market failure" has no home


def test_ranks_the_closest_first(client, demo, things):
    IndicatorFactory(code="ZZ1", title="Home visits", definition="Visits to care homes")
    IndicatorFactory(code="ZZ2", title="Care home beds", definition="Beds")
    client.force_login(demo["admin"])
    page = search(client, "care home")
    # Both words in the title (ZZ2) before both words only in the definition (ZZ1).
    assert "ZZ1 Home visits" in page and page.index("ZZ2") < page.index("ZZ1")


def test_finds_the_demo_councils_delays_and_care_homes(client, demo_council):
    client.force_login(demo_council["reader"])
    assert "ASC03 Delayed transfers of care" in search(client, "delayd")
    assert "ASC04 Care home capacity and quality" in search(client, "care homes")
