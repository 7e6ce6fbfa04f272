"""Risks and assessments through the services: clear refusals, review dates, history kept."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from scorecard.risks import services
from scorecard.risks.choices import RegisterKind, RiskCategory, RiskStatus
from scorecard.risks.models import Assessment, Risk

from .factories import DirectorateFactory, UserFactory, corporate_register, default_matrix

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    matrix = default_matrix()
    corporate = corporate_register()
    owner = UserFactory(username="owner")
    return {"matrix": matrix, "corporate": corporate, "owner": owner}


def new_risk(setting, **changes) -> Risk:
    values = {
        "reference": "CR1",
        "title": "Failure of IT systems",
        "category": RiskCategory.INFORMATION,
        "owner": setting["owner"],
        "register": setting["corporate"],
        "inherent_likelihood": 5,
        "inherent_impact": 5,
        "current_likelihood": 3,
        "current_impact": 4,
        "identified_on": dt.date(2019, 4, 1),
    }
    values.update(changes)
    return services.risk_create(**values)


def test_a_new_risk_is_due_for_review_by_its_band(setting):
    amber = new_risk(setting)
    assert amber.current_score == 12
    assert amber.next_review_on == dt.date(2019, 7, 1)  # amber: quarterly
    red = new_risk(setting, reference="CR2", current_likelihood=4, current_impact=4)
    assert red.next_review_on == dt.date(2019, 5, 1)  # red: monthly
    own = new_risk(setting, reference="CR3", current_likelihood=1, review_months=2)
    assert own.next_review_on == dt.date(2019, 6, 1)  # its own frequency wins


def test_ratings_outside_the_matrix_are_refused_naming_each_field(setting):
    with pytest.raises(ValidationError) as refused:
        new_risk(setting, current_impact=6, inherent_likelihood=0, target_likelihood=2)
    assert refused.value.message_dict == {
        "inherent_likelihood": [
            "Likelihood 0 is outside the risk matrix, which rates likelihood from 1 to 5."
        ],
        "current_impact": ["Impact 6 is outside the risk matrix, which rates impact from 1 to 5."],
        "target_impact": ["Give the target impact as well."],
    }
    assert not Risk.objects.exists()


def test_a_risk_needs_a_matrix_first(db):
    corporate = corporate_register()
    with pytest.raises(ValidationError, match="No risk matrix is in use yet"):
        services.risk_create(
            reference="CR1",
            title="Anything",
            category=RiskCategory.FINANCIAL,
            owner=UserFactory(),
            register=corporate,
            inherent_likelihood=3,
            inherent_impact=3,
            current_likelihood=2,
            current_impact=2,
        )


def test_an_assessment_becomes_the_current_rating_and_moves_the_next_review(setting):
    risk = new_risk(setting)
    assessment = services.assessment_record(
        risk=risk,
        likelihood=4,
        impact=4,
        assessor=setting["owner"],
        assessed_on=dt.date(2019, 8, 31),
        commentary="Supplier failed a penetration test.",
    )
    assert (assessment.score, assessment.band_key, assessment.band_label) == (16, "red", "Red")
    assert assessment.period == "2019/20-Q2"  # the quarter of the review date
    risk.refresh_from_db()
    assert (risk.current_likelihood, risk.current_impact) == (4, 4)
    assert risk.last_reviewed_on == dt.date(2019, 8, 31)
    assert risk.next_review_on == dt.date(2019, 9, 30)  # red: a month later, kept in September
    assert risk.history.count() == 2  # created, then re-rated: who and when are on each row


def test_an_assessment_keeps_its_band_when_the_matrix_changes_later(setting):
    risk = new_risk(setting)
    first = services.assessment_record(
        risk=risk,
        likelihood=2,
        impact=3,
        assessor=setting["owner"],
        assessed_on=dt.date(2019, 6, 1),
        commentary="First review.",
    )
    services.risk_matrix_cell_set_band(
        matrix=setting["matrix"], likelihood=2, impact=3, band_key="amber"
    )
    first.refresh_from_db()
    assert (first.score, first.band_key) == (6, "green")
    second = services.assessment_record(
        risk=risk,
        likelihood=2,
        impact=3,
        assessor=setting["owner"],
        assessed_on=dt.date(2019, 7, 1),
        commentary="Second review.",
    )
    assert second.band_key == "amber"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"impact": 7}, "impact", "Impact 7 is outside the risk matrix"),
        ({"likelihood": 0}, "likelihood", "Likelihood 0 is outside the risk matrix"),
        ({"period": "2019/20-Q5"}, "period", "a quarter is numbered 1 to 4, not 5"),
        ({"assessed_on": dt.date(2019, 3, 1)}, "assessed_on", "record assessments in date order"),
        ({"assessed_on": dt.date(2999, 1, 1)}, "assessed_on", "cannot be dated in the future"),
    ],
)
def test_bad_assessments_are_refused_and_nothing_is_written(setting, changes, field, message):
    risk = new_risk(setting)
    services.assessment_record(
        risk=risk,
        likelihood=3,
        impact=4,
        assessor=setting["owner"],
        assessed_on=dt.date(2019, 4, 2),
        commentary="First review.",
    )
    values = {"likelihood": 3, "impact": 4, "assessed_on": dt.date(2019, 5, 1)}
    values.update(changes)
    with pytest.raises(ValidationError) as refused:
        services.assessment_record(
            risk=risk, assessor=setting["owner"], commentary="Reviewed.", **values
        )
    assert list(refused.value.message_dict) == [field]
    assert message in refused.value.message_dict[field][0]
    assert Assessment.objects.count() == 1


def test_a_closed_risk_is_archived_not_deleted_and_cannot_be_assessed(setting):
    risk = new_risk(setting)
    services.risk_close(risk=risk, reason="Contract ended.", closed_on=dt.date(2019, 9, 1))
    risk = Risk.objects.get(reference="CR1")
    assert risk.status == RiskStatus.CLOSED
    assert risk.closure_reason == "Contract ended."
    with pytest.raises(ValidationError) as refused:
        services.assessment_record(
            risk=risk, likelihood=1, impact=1, assessor=setting["owner"], commentary="Reviewed."
        )
    assert refused.value.message_dict == {"risk": ["Risk CR1 is closed, so it cannot be assessed."]}
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.risk_update(risk=risk, title="New title")


def test_closing_needs_a_reason(setting):
    risk = new_risk(setting)
    with pytest.raises(ValidationError) as refused:
        services.risk_close(risk=risk, reason="  ")
    assert "closure_reason" in refused.value.message_dict
    assert Risk.objects.get(pk=risk.pk).status == RiskStatus.OPEN


def test_changing_the_review_frequency_moves_the_next_review(setting):
    risk = new_risk(setting)
    services.risk_update(risk=risk, review_months=1, title="Failure of core IT systems")
    risk.refresh_from_db()
    assert risk.next_review_on == dt.date(2019, 5, 1)
    assert risk.title == "Failure of core IT systems"


def test_registers_below_the_corporate_one_need_a_directorate_and_a_sensible_parent(setting):
    with pytest.raises(ValidationError) as refused:
        services.register_create(name="Adults", kind=RegisterKind.DIRECTORATE)
    assert "directorate" in refused.value.message_dict
    adults = DirectorateFactory(name="Adult Services")
    project = services.register_create(
        name="New care system", kind=RegisterKind.PROJECT, directorate=adults
    )
    with pytest.raises(ValidationError) as refused:
        services.register_create(
            name="Adults", kind=RegisterKind.DIRECTORATE, directorate=adults, parent=project
        )
    assert refused.value.message_dict == {
        "parent": ["A directorate register cannot sit under a project or programme register."]
    }
    with pytest.raises(ValidationError):
        services.register_create(name="Second corporate", kind=RegisterKind.CORPORATE)
