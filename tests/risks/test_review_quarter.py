"""A review counts in the quarter it is done for: the open quarter by default, named on the form,
never the quarter of the calendar date; a locked quarter refuses it."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from scorecard.history import record_version
from scorecard.organisation.services import organisation_clock_set
from scorecard.performance import services as performance_services
from scorecard.performance.choices import PeriodState
from scorecard.risks import services
from scorecard.risks.models import Risk

from .factories import RegisterFactory, RiskFactory

pytestmark = pytest.mark.django_db

APRIL = dt.date(2018, 4, 10)


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def red_count(html: str) -> int:
    table = html.split("Risks by band", 1)[1].split("Heat map", 1)[0]
    counts = dict(re.findall(r'header">([\w ]+)</th><td[^>]*>(?:<strong>)?(\d+)', table))
    return int(counts["Red"])


@pytest.fixture
def risk(demo):
    services.risk_matrix_create_default()
    register = RegisterFactory(name="Adult Services register")
    return RiskFactory(
        reference="ASC03", title="Care market failure", register=register, owner=demo["editor"],
        current_likelihood=2, current_impact=3, identified_on=dt.date(2017, 4, 20),
        last_reviewed_on=dt.date(2018, 2, 14), next_review_on=dt.date(2018, 5, 14),
    )  # fmt: skip


def _state(period: str, state: PeriodState, by) -> None:
    performance_services.reporting_period_set_state(period=period, state=state, by=by)


def test_a_review_keyed_in_april_counts_in_quarter_four_while_it_is_open(client, demo_council):
    admin, editor = demo_council["admin"], demo_council["editor"]
    organisation_clock_set(clock_date=APRIL)
    _state("2017/18-Q3", PeriodState.LOCKED, admin)
    _state("2017/18-Q4", PeriodState.OPEN, admin)
    quarter_three = reverse("reporting:risk_dashboard") + "?period=2017/18-Q3"
    quarter_four = reverse("reporting:risk_dashboard") + "?period=2017/18-Q4"
    client.force_login(admin)
    red_before = red_count(client.get(quarter_four).content.decode())
    assert red_before == red_count(client.get(quarter_three).content.decode()) == 9

    asc03 = Risk.objects.get(reference="ASC03")
    assert (asc03.current_likelihood, asc03.current_impact) == (4, 5)
    client.force_login(editor)
    url = reverse("risks:review", args=[asc03.pk])
    assert "This review is for Quarter Four 2017/18." in text(client.get(url))
    response = client.post(
        url,
        {
            "likelihood": 3,
            "impact": 4,
            "period": "2017/18-Q4",
            "commentary": "New providers have joined the framework.",
            "version": record_version(asc03),
        },
    )
    assert response.status_code == 302
    review = asc03.assessments.order_by("pk").last()
    assert (review.period, review.assessed_on, review.score) == ("2017/18-Q4", APRIL, 12)

    client.force_login(admin)
    assert red_count(client.get(quarter_four).content.decode()) == red_before - 1
    assert red_count(client.get(quarter_three).content.decode()) == red_before  # not filed there
    lock_page = text(client.get(reverse("reporting:period_lock", kwargs={"period": "2017/18-Q4"})))
    assert "8 red" in lock_page


def test_without_a_chosen_quarter_the_service_files_to_the_open_quarter(demo, risk):
    """The API and the import call the same service without a period."""
    organisation_clock_set(clock_date=APRIL)
    _state("2017/18-Q4", PeriodState.OPEN, demo["admin"])
    review = services.assessment_record(
        risk=risk, likelihood=3, impact=4, assessor=demo["editor"], commentary="Reviewed."
    )
    assert review.period == "2017/18-Q4"


def test_with_two_quarters_open_the_form_offers_both_and_files_to_the_earlier(client, demo, risk):
    organisation_clock_set(clock_date=APRIL)
    _state("2017/18-Q4", PeriodState.OPEN, demo["admin"])
    _state("2018/19-Q1", PeriodState.OPEN, demo["admin"])
    client.force_login(demo["editor"])
    page = text(client.get(reverse("risks:review", args=[risk.pk])))
    assert "Which quarter is this review for?" in page
    assert 'value="2017/18-Q4" checked' in page and "Quarter One 2018/19" in page
    review = services.assessment_record(
        risk=risk, likelihood=3, impact=4, assessor=demo["editor"], commentary="Reviewed."
    )
    assert review.period == "2017/18-Q4"
    later = services.assessment_record(
        risk=risk,
        likelihood=2,
        impact=4,
        assessor=demo["editor"],
        period="2018/19-Q1",
        commentary="Reviewed.",
    )
    assert later.period == "2018/19-Q1"


def test_a_review_for_a_locked_quarter_is_refused_and_nothing_is_written(client, demo, risk):
    organisation_clock_set(clock_date=APRIL)
    _state("2017/18-Q4", PeriodState.LOCKED, demo["admin"])
    with pytest.raises(ValidationError) as refused:
        services.assessment_record(
            risk=risk,
            likelihood=5,
            impact=5,
            assessor=demo["editor"],
            period="2017/18-Q4",
            commentary="Reviewed.",
        )
    message = (
        "Quarter Four 2017/18 is locked: its report is published, so nothing more can be "
        "filed to it. Choose an open quarter."
    )
    assert refused.value.message_dict["period"] == [message]

    client.force_login(demo["editor"])
    response = client.post(
        reverse("risks:review", args=[risk.pk]),
        {
            "likelihood": 5,
            "impact": 5,
            "period": "2017/18-Q4",
            "commentary": "Late review.",
            "version": record_version(risk),
        },
    )
    assert response.status_code == 200 and message in text(response)
    risk.refresh_from_db()
    assert risk.assessments.count() == 0 and (risk.current_likelihood, risk.current_impact) == (
        2,
        3,
    )


def test_a_review_cannot_count_for_a_quarter_not_yet_begun(demo, risk):
    organisation_clock_set(clock_date=dt.date(2018, 3, 20))
    _state("2018/19-Q1", PeriodState.OPEN, demo["admin"])
    with pytest.raises(ValidationError) as refused:
        services.assessment_record(
            risk=risk,
            likelihood=3,
            impact=3,
            assessor=demo["editor"],
            period="2018/19-Q1",
            commentary="Reviewed.",
        )
    assert refused.value.message_dict["period"] == [
        "Quarter One 2018/19 begins on 1 April 2018: work done on 20 March 2018 cannot count "
        "for it."
    ]
