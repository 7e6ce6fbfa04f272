"""Indicators, targets, and refreshing a scorecard into a new version."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from scorecard.core.periods import parse
from scorecard.performance.choices import Frequency, Polarity, ScorecardTier, Unit
from scorecard.performance.models import Indicator, ScorecardVersion, Target
from scorecard.performance.selectors import scorecard_rows, scorecard_version_live
from scorecard.performance.services import (
    corporate_plan_create,
    indicator_create,
    indicator_retire,
    indicator_update,
    scorecard_create,
    scorecard_refresh,
    scorecard_version_create,
    target_set,
)

from .factories import DirectorateFactory, IndicatorFactory, MeasurementFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_create_an_indicator_with_every_field_of_the_register():
    owner, updater = UserFactory(username="owner"), UserFactory(username="updater")
    indicator = indicator_create(
        code="ASC01",
        title="Adults with a learning disability in paid employment",
        directorate=DirectorateFactory(code="asc"),
        definition="ASCOF 1E.",
        rationale="Employment improves independence.",
        unit=Unit.PERCENTAGE,
        decimals=1,
        polarity=Polarity.HIGHER,
        frequency=Frequency.ANNUAL,
        due_quarter=3,
        owner=owner,
        updaters=[updater],
        data_source="NHS Digital",
        is_contextual=False,
        status_rule={"type": "thresholds", "green": 6, "amber": 5},
    )
    assert list(indicator.updaters.all()) == [updater]
    assert indicator.history.count() == 1


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"status_rule": {"type": "tolerance"}}, "status_rule", "amber margin"),
        (
            {
                "polarity": Polarity.LOWER,
                "status_rule": {"type": "thresholds", "green": 95, "amber": 90},
            },
            "status_rule",
            "below the amber",
        ),
        ({"frequency": Frequency.BIENNIAL}, "first_due_year", "first due"),
        ({"polarity": "sideways"}, "polarity", "not a valid choice"),
    ],
)
def test_bad_indicator_definitions_are_refused_by_field(fields, field, words):
    with pytest.raises(ValidationError) as caught:
        indicator_create(code="X1", title="X", directorate=DirectorateFactory(), **fields)
    assert words in " ".join(caught.value.message_dict[field])
    assert not Indicator.objects.filter(code="X1").exists()


def test_update_and_retire_an_indicator():
    indicator = IndicatorFactory()
    indicator_update(indicator=indicator, title="New title", polarity=Polarity.LOWER)
    indicator.refresh_from_db()
    assert (indicator.title, indicator.polarity) == ("New title", Polarity.LOWER)
    with pytest.raises(ValidationError):
        indicator_update(indicator=indicator, status_rule={"type": "nonsense"})
    indicator.refresh_from_db()
    assert indicator.status_rule["type"] == "tolerance"
    indicator_retire(indicator=indicator)
    with pytest.raises(ValidationError, match="retired"):
        indicator_update(indicator=indicator, title="Again")


def test_targets_annual_with_a_quarterly_profile():
    indicator = IndicatorFactory(unit=Unit.PERCENTAGE)
    target_set(indicator=indicator, period="2017/18", value=90)
    target_set(indicator=indicator, period="2017/18-Q1", value=80)
    target_set(indicator=indicator, period="2017/18-Q1", value="82.5")  # corrected, not duplicated
    assert [(t.period, t.value) for t in Target.objects.filter(indicator=indicator)] == [
        ("2017/18", Decimal(90)),
        ("2017/18-Q1", Decimal("82.5")),
    ]
    with pytest.raises(ValidationError) as caught:
        target_set(indicator=indicator, period="2017/18-Q2", value=130)
    assert "between 0 and 100" in caught.value.message_dict["value"][0]


def test_a_scorecard_at_directorate_tier_needs_its_directorate():
    with pytest.raises(ValidationError) as caught:
        scorecard_create(name="Adults", tier=ScorecardTier.DIRECTORATE)
    assert "directorate" in caught.value.message_dict
    assert scorecard_create(
        name="Adults", tier=ScorecardTier.DIRECTORATE, directorate=DirectorateFactory()
    ).pk


def test_an_indicator_can_sit_on_several_scorecards():
    indicator = IndicatorFactory()
    corporate = scorecard_create(name="Corporate")
    directorate = scorecard_create(
        name="Adults", tier=ScorecardTier.DIRECTORATE, directorate=indicator.directorate
    )
    for scorecard in (corporate, directorate):
        scorecard_version_create(
            scorecard=scorecard, live_from="2017/18-Q1", entries=[(indicator, None)]
        )
    assert indicator.entries.count() == 2


def test_refreshing_a_scorecard_keeps_past_quarters_on_the_old_version():
    old_plan = corporate_plan_create(
        title="Corporate Plan 2013-17",
        adopted_on=dt.date(2013, 5, 1),
        priorities=[("OFB", "Open for Business"), ("CF", "Children and Families")],
    )
    new_plan = corporate_plan_create(
        title="Corporate Plan 2017-22",
        adopted_on=dt.date(2017, 2, 16),
        priorities=[("OFB", "Open for Business"), ("HW", "Health and Well-being")],
    )
    ofb_old, cf_old = old_plan.priorities.all()
    ofb_new, hw_new = new_plan.priorities.all()
    kept, moved, dropped, added = (IndicatorFactory(code=c) for c in ("E1", "H1", "C1", "N1"))
    scorecard = scorecard_create(name="Corporate Balanced Scorecard")
    v1 = scorecard_version_create(
        scorecard=scorecard,
        live_from="2016/17-Q1",
        corporate_plan=old_plan,
        entries=[(kept, ofb_old), (moved, cf_old), (dropped, cf_old)],
    )
    with pytest.raises(ValidationError) as caught:
        scorecard_refresh(
            scorecard=scorecard, live_from="2017/18-Q1", corporate_plan=new_plan, retire=[dropped]
        )
    assert "move" in caught.value.message_dict  # the kept indicators still point at the old plan
    v2 = scorecard_refresh(
        scorecard=scorecard,
        live_from="2017/18-Q1",
        corporate_plan=new_plan,
        retire=[dropped],
        move={kept: ofb_new, moved: hw_new},
        add=[(added, hw_new)],
        notes="New Corporate Plan adopted.",
    )
    assert v2.number == 2
    assert {(e.indicator.code, e.priority.code) for e in v2.entries.all()} == {
        ("E1", "OFB"),
        ("H1", "HW"),
        ("N1", "HW"),
    }
    assert scorecard_version_live(scorecard=scorecard, period=parse("2016/17-Q4")) == v1
    assert scorecard_version_live(scorecard=scorecard, period=parse("2017/18-Q2")) == v2
    MeasurementFactory(indicator=dropped, period="2016/17-Q4")
    assert {r.indicator.code for r in scorecard_rows(scorecard=scorecard, period="2016/17-Q4")} == {
        "E1",
        "H1",
        "C1",
    }
    assert {r.indicator.code for r in scorecard_rows(scorecard=scorecard, period="2017/18-Q2")} == {
        "E1",
        "H1",
        "N1",
    }
    with pytest.raises(ValidationError) as caught:
        scorecard_refresh(scorecard=scorecard, live_from="2016/17-Q3")
    assert "must start after 2017/18-Q1" in caught.value.message_dict["live_from"][0]
    assert ScorecardVersion.objects.filter(scorecard=scorecard).count() == 2
