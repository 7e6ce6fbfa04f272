"""A project's RAG by rule (scorecard/core/project_rag.py): hand-worked cases and properties."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.project_rag import (
    MilestoneDates,
    MilestoneState,
    PartRating,
    Rag,
    RagError,
    RagRules,
    ScheduleUnit,
    milestone_state,
    rate_budget,
    rate_project,
    rate_savings,
    rate_schedule,
    worst,
)

TODAY = dt.date(2017, 10, 15)
START, END = dt.date(2017, 4, 1), dt.date(2018, 3, 31)  # 364 days


def ms(planned, forecast=None, actual=None, name="Go live"):
    return MilestoneDates(name, planned, forecast, actual)


# --- schedule -----------------------------------------------------------------------------


def test_a_milestone_forecast_20_days_late_is_amber_by_the_default_days():
    rating = rate_schedule(
        [ms(dt.date(2017, 11, 1), forecast=dt.date(2017, 11, 21))],
        start=START,
        end=END,
        today=TODAY,
    )
    assert rating.rag == Rag.AMBER
    # Planned 1 November, after today: not late yet, only forecast late.
    assert rating.reason == "Milestone “Go live” forecast 20 days late."


def test_a_milestone_done_late_says_done_so_it_does_not_read_as_still_missed():
    rating = rate_schedule(
        [ms(dt.date(2017, 9, 1), actual=dt.date(2017, 9, 21))], start=START, end=END, today=TODAY
    )
    assert (rating.rag, rating.reason) == (Rag.AMBER, "Milestone “Go live” done 20 days late.")


def test_a_milestone_past_its_planned_date_with_a_later_forecast_is_late():
    rating = rate_schedule(
        [ms(dt.date(2017, 10, 1), forecast=dt.date(2017, 10, 21))],
        start=START,
        end=END,
        today=TODAY,
    )
    assert rating.reason == "Milestone “Go live” 20 days late."


def test_a_missed_milestone_without_forecast_slips_to_today():
    # Planned 1 September, not done, no forecast: 44 days late on 15 October, red (42 days).
    rating = rate_schedule([ms(dt.date(2017, 9, 1))], start=START, end=END, today=TODAY)
    assert rating.rag == Rag.RED
    assert "44 days late" in rating.reason


def test_a_milestone_done_early_or_on_time_is_green():
    rating = rate_schedule(
        [ms(dt.date(2017, 9, 1), actual=dt.date(2017, 8, 25)), ms(dt.date(2017, 12, 1))],
        start=START,
        end=END,
        today=TODAY,
    )
    assert rating == PartRating(Rag.GREEN, "Every milestone on or ahead of its planned date.")


def test_schedule_in_percent_of_the_duration():
    # 37 days late on a 364-day project is 10.2%: red at 10%, amber at 5%.
    rules = RagRules(
        schedule_unit=ScheduleUnit.PERCENT, schedule_amber=Decimal(5), schedule_red=Decimal(10)
    )
    late = ms(dt.date(2017, 11, 1), forecast=dt.date(2017, 12, 8))
    rating = rate_schedule([late], start=START, end=END, today=TODAY, rules=rules)
    assert rating.rag == Rag.RED
    assert (
        rating.reason == "Milestone “Go live” forecast 37 days late, 10% of the project's 364 days."
    )
    # The same 37 days on a project of 1,000 days is 3.7%: green.
    long_end = START + dt.timedelta(days=1000)
    assert (
        rate_schedule([late], start=START, end=long_end, today=TODAY, rules=rules).rag == Rag.GREEN
    )


def test_no_milestones_no_schedule_rating():
    assert rate_schedule([], start=START, end=END, today=TODAY).rag is None


def test_milestone_states():
    assert milestone_state(ms(dt.date(2017, 9, 1), actual=dt.date(2017, 9, 1)), TODAY) == "done"
    assert (
        milestone_state(ms(dt.date(2017, 9, 1), actual=dt.date(2017, 9, 2)), TODAY) == "done late"
    )
    assert milestone_state(ms(dt.date(2017, 9, 1)), TODAY) == MilestoneState.MISSED
    late = ms(dt.date(2017, 11, 1), forecast=dt.date(2017, 11, 2))
    assert milestone_state(late, TODAY) == MilestoneState.FORECAST_LATE
    assert milestone_state(ms(dt.date(2017, 11, 1)), TODAY) == MilestoneState.ON_TRACK


# --- budget and savings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("budget", "spend", "rag", "reason"),
    [
        ("1000", "1040", Rag.GREEN, "Spend 4.0% over budget."),
        ("1000", "1050", Rag.AMBER, "Spend 5.0% over budget."),
        ("1000", "1100", Rag.RED, "Spend 10.0% over budget."),
        ("1000", "700", Rag.GREEN, "Spend 30.0% under budget."),  # underspend not counted
        ("1000", "1000", Rag.GREEN, "Spend on budget."),
    ],
)
def test_budget_variance(budget, spend, rag, reason):
    assert rate_budget(Decimal(budget), Decimal(spend)) == PartRating(rag, reason)


def test_an_underspend_counts_when_the_rules_say_so():
    rules = RagRules(underspend_counts=True)
    assert rate_budget(Decimal(1000), Decimal(700), rules=rules).rag == Rag.RED


def test_no_budget_no_budget_rating():
    assert rate_budget(None, Decimal(5)).rag is None
    assert rate_budget(Decimal(0), Decimal(5)).rag is None


@pytest.mark.parametrize(
    ("profile", "achieved", "rag"),
    [("1000", "1000", Rag.GREEN), ("1000", "960", Rag.GREEN), ("1000", "950", Rag.AMBER),
     ("1000", "850", Rag.RED), ("1000", None, Rag.RED), ("1000", "1200", Rag.GREEN)],
)  # fmt: skip
def test_savings_against_profile(profile, achieved, rag):
    achieved = None if achieved is None else Decimal(achieved)
    assert rate_savings(Decimal(profile), achieved).rag == rag


# --- overall ------------------------------------------------------------------------------


def test_overall_is_the_worst_part_with_its_reason():
    rag = rate_project(
        schedule=PartRating(Rag.AMBER, "Milestone “A” 20 days late."),
        budget=PartRating(Rag.GREEN, "Spend on budget."),
        savings=PartRating(Rag.RED, "Savings 30.0% short of profile."),
    )
    assert rag.overall == Rag.RED
    assert rag.reason == "Savings: Savings 30.0% short of profile."


def test_a_judgement_overrides_with_its_reason_and_is_refused_without():
    parts = {
        "schedule": PartRating(Rag.RED, "x"),
        "budget": PartRating(None, ""),
        "savings": PartRating(None, ""),
    }
    judged = rate_project(**parts, judgement=Rag.AMBER, judgement_reason="Recovery plan agreed.")
    assert (judged.overall, judged.reason, judged.judged) == (
        Rag.AMBER,
        "Recovery plan agreed.",
        True,
    )
    with pytest.raises(RagError, match="reason"):
        rate_project(**parts, judgement=Rag.GREEN, judgement_reason="  ")


def test_nothing_to_rate():
    none = PartRating(None, "")
    assert rate_project(schedule=none, budget=none, savings=none).overall is None


def test_rules_red_below_amber_are_refused():
    assert (
        "budget"
        in RagRules(budget_amber_percent=Decimal(10), budget_red_percent=Decimal(5)).problems()
    )
    assert RagRules().problems() == {}


# --- properties ---------------------------------------------------------------------------

rags = st.one_of(st.none(), st.sampled_from(list(Rag)))
money = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)
dates = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2022, 12, 31))


@given(st.lists(rags, max_size=5))
def test_worst_is_never_better_than_any_part(ratings):
    overall = worst(ratings)
    order = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2}
    for rating in ratings:
        if rating is not None:
            assert order[overall] <= order[rating]
    assert (overall is None) == all(r is None for r in ratings)


@given(money.filter(lambda b: b > 0), money, money)
def test_more_spend_is_never_better(budget, spend, extra):
    order = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2}
    low, high = rate_budget(budget, spend), rate_budget(budget, spend + extra)
    if spend >= budget:
        assert order[high.rag] <= order[low.rag]


@given(money.filter(lambda p: p > 0), money, money)
def test_more_savings_are_never_worse(profile, achieved, extra):
    order = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2}
    low, high = rate_savings(profile, achieved), rate_savings(profile, achieved + extra)
    assert order[high.rag] >= order[low.rag]


@given(st.lists(st.tuples(dates, st.integers(0, 400)), min_size=1, max_size=6), dates)
def test_a_later_forecast_is_never_better(milestones, today):
    order = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2}
    early = [ms(p, forecast=p + dt.timedelta(days=d)) for p, d in milestones]
    later = [ms(p, forecast=p + dt.timedelta(days=d + 30)) for p, d in milestones]
    a = rate_schedule(early, start=START, end=END, today=today)
    b = rate_schedule(later, start=START, end=END, today=today)
    assert order[b.rag] <= order[a.rag]


@given(rags, rags, rags, st.sampled_from(list(Rag)), st.text(max_size=20))
def test_a_judgement_stands_only_with_a_reason(s, b, v, judgement, reason):
    parts = {
        "schedule": PartRating(s, ""),
        "budget": PartRating(b, ""),
        "savings": PartRating(v, ""),
    }
    if reason.strip():
        assert (
            rate_project(**parts, judgement=judgement, judgement_reason=reason).overall == judgement
        )
    else:
        with pytest.raises(RagError):
            rate_project(**parts, judgement=judgement, judgement_reason=reason)
