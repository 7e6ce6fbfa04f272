"""The status engine on worked examples a performance officer would check by hand."""

import datetime as dt
from decimal import Decimal as D

import pytest

from scorecard.core.aggregation import Aggregation, Reading
from scorecard.core.direction import Direction
from scorecard.core.indicator_schedule import Frequency, Schedule
from scorecard.core.periods import parse
from scorecard.core.polarity import Polarity
from scorecard.core.status import (
    History,
    IndicatorProfile,
    ManualRating,
    State,
    Status,
    StatusError,
    evaluate,
)
from scorecard.core.status_rules import Against, Rating, parse_rule

Q1, Q2, Q3, Q4 = (parse(f"2017/18-Q{n}") for n in range(1, 5))
YEAR = parse("2017/18")
TEN_PERCENT = {"type": "tolerance", "amber": {"percent": 10}}


def quarterly(rule=TEN_PERCENT, polarity=Polarity.HIGHER, **kw):
    return IndicatorProfile(polarity, Schedule(Frequency.QUARTERLY), parse_rule(rule), **kw)


def history(values=None, targets=None, manual=None):
    return History(
        readings={parse(k): Reading(D(str(v))) for k, v in (values or {}).items()},
        targets={parse(k): D(str(v)) for k, v in (targets or {}).items()},
        manual=manual or {},
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (95, State.GREEN),
        (90, State.GREEN),
        (85, State.AMBER),
        (81, State.AMBER),
        ("80.9", State.RED),
        (80, State.RED),
    ],
)
def test_percent_tolerance_against_an_annual_target(value, expected):
    # Target 90: amber when no more than 10% of it (9) short, so 81 is the last amber value.
    status = evaluate(quarterly(), Q2, history({"2017/18-Q2": value}, {"2017/18": 90}))
    assert status.state == expected
    assert status.target == D(90)
    assert status.rating_period == Q2


def test_absolute_tolerance_for_lower_is_better():
    indicator = quarterly({"type": "tolerance", "amber": {"absolute": "0.5"}}, Polarity.LOWER)
    rate = lambda v: evaluate(indicator, Q2, history({"2017/18-Q2": v}, {"2017/18": 8})).state  # noqa: E731
    assert rate("7.9") == State.GREEN
    assert rate("8.5") == State.AMBER
    assert rate("8.6") == State.RED


def test_quarterly_profile_overrides_the_annual_target():
    h = history({"2017/18-Q1": 20}, {"2017/18": 100, "2017/18-Q1": 25})
    status = evaluate(quarterly(), Q1, h)
    assert status.target == D(25)
    assert status.state == State.RED  # 20 is 20% short of the profiled 25


def test_explicit_thresholds():
    indicator = quarterly({"type": "thresholds", "green": 95, "amber": 90})
    rate = lambda v: evaluate(indicator, Q2, history({"2017/18-Q2": v})).state  # noqa: E731
    assert [rate(96), rate(95), rate(92), rate("89.9")] == [
        State.GREEN,
        State.GREEN,
        State.AMBER,
        State.RED,
    ]


def test_thresholds_for_lower_is_better_run_the_other_way():
    indicator = quarterly({"type": "thresholds", "green": 5, "amber": 8}, Polarity.LOWER)
    rate = lambda v: evaluate(indicator, Q2, history({"2017/18-Q2": v})).state  # noqa: E731
    assert [rate(4), rate(7), rate(9)] == [State.GREEN, State.AMBER, State.RED]


def test_thresholds_that_contradict_the_polarity_are_refused():
    indicator = quarterly({"type": "thresholds", "green": 95, "amber": 90}, Polarity.LOWER)
    with pytest.raises(StatusError, match="green threshold must be below"):
        evaluate(indicator, Q2, history({"2017/18-Q2": 92}))


def test_manual_rating_uses_the_officers_judgement_and_reason():
    indicator = quarterly({"type": "manual"})
    manual = {Q2: ManualRating(Rating.AMBER, "Project slipped two weeks; recovery plan agreed.")}
    status = evaluate(indicator, Q2, history(manual=manual))
    assert status.state == State.AMBER
    assert "recovery plan" in status.reason
    assert evaluate(indicator, Q3, history(manual=manual)).state == State.AWAITING_DATA


def test_manual_rating_without_reason_is_refused():
    with pytest.raises(StatusError, match="needs a reason"):
        ManualRating(Rating.RED, "  ")


def test_no_target():
    status = evaluate(quarterly(), Q2, history({"2017/18-Q2": 50}))
    assert status.state == State.NO_TARGET
    assert status.value == D(50)


@pytest.mark.parametrize(
    "indicator",
    [
        quarterly({"type": "data_only"}),
        quarterly(polarity=Polarity.NONE),
        quarterly(contextual=True),
    ],
    ids=["data-only rule", "no polarity", "contextual"],
)
def test_data_only(indicator):
    status = evaluate(indicator, Q2, history({"2017/18-Q2": 376}, {"2017/18": 10}))
    assert status.state == State.DATA_ONLY
    assert status.rating is None
    assert status.value == D(376)


def test_awaiting_data_becomes_late_after_the_deadline_and_shows_the_last_rating():
    h = history({"2017/18-Q1": 95}, {"2017/18": 90})
    on_time = evaluate(quarterly(), Q2, h, today=dt.date(2017, 10, 15))
    late = evaluate(quarterly(), Q2, h, today=dt.date(2017, 11, 15))
    assert on_time.state == late.state == State.AWAITING_DATA
    assert (on_time.late, late.late) == (False, True)
    assert late.rating == Rating.GREEN and late.rating_period == Q1
    assert late.last_updated == Q1


def test_annual_indicator_is_due_once_and_carries_its_rating_with_its_period():
    indicator = IndicatorProfile(
        Polarity.HIGHER, Schedule(Frequency.ANNUAL, due_quarter=3), parse_rule(TEN_PERCENT)
    )
    h = history({"2016/17": 70, "2017/18": 60}, {"2016/17": 65, "2017/18": 65})
    q1, q3, q4 = (evaluate(indicator, p, h) for p in (Q1, Q3, Q4))
    assert q1.state == State.NOT_DUE
    assert (q1.rating, q1.rating_period.key) == (Rating.GREEN, "2016/17-Q3")
    assert q1.next_due == Q3
    assert q3.state == State.AMBER  # 60 is 7.7% short of 65
    assert q3.direction(Against.PREVIOUS_PERIOD) == Direction.DETERIORATING
    assert q3.last_updated == YEAR
    assert (q4.state, q4.rating, q4.rating_period) == (State.NOT_DUE, Rating.AMBER, Q3)
    assert q4.next_due.key == "2018/19-Q3"


def test_biennial_indicator_is_due_every_other_year():
    schedule = Schedule(Frequency.BIENNIAL, due_quarter=4, first_due_year=2016)
    assert schedule.is_due(parse("2016/17-Q4")) and schedule.is_due(parse("2018/19-Q4"))
    assert not schedule.is_due(parse("2017/18-Q4"))
    assert schedule.accepts(parse("2018/19")) and not schedule.accepts(parse("2017/18"))
    assert schedule.next_due(parse("2016/17-Q4")).key == "2018/19-Q4"


def test_monthly_values_roll_up_into_the_quarter_and_the_year_to_date():
    indicator = IndicatorProfile(
        Polarity.HIGHER,
        Schedule(Frequency.MONTHLY),
        parse_rule(TEN_PERCENT),
        aggregation=Aggregation.SUM,
        year_to_date=True,
    )
    months = {f"2017/18-M{m:02d}": 10 for m in (4, 5, 6, 7, 8)}
    h = history(months, {"2017/18-Q1": 30, "2017/18-Q2": 60})
    q1 = evaluate(indicator, Q1, h)
    assert (q1.value, q1.state) == (D(30), State.GREEN)
    q2 = evaluate(indicator, Q2, h)
    assert q2.state == State.AWAITING_DATA  # September is missing
    h = history({**months, "2017/18-M09": 10}, {"2017/18-Q1": 30, "2017/18-Q2": 60})
    q2 = evaluate(indicator, Q2, h)
    assert (q2.value, q2.target, q2.state) == (D(60), D(60), State.GREEN)
    # The direction compares the quarter's own figure (30) with the previous quarter's (30).
    assert q2.direction(Against.PREVIOUS_PERIOD) == Direction.NO_CHANGE


def test_direction_against_previous_quarter_and_same_quarter_last_year():
    h = history({"2016/17-Q2": 70, "2017/18-Q1": 90, "2017/18-Q2": 80}, {"2017/18": 85})
    status = evaluate(quarterly(), Q2, h)
    assert status.direction(Against.PREVIOUS_PERIOD) == Direction.DETERIORATING
    assert status.direction(Against.SAME_PERIOD_LAST_YEAR) == Direction.IMPROVING


LONDON_RULE = {
    "type": "clauses",
    "clauses": [
        {"rating": "green", "when": [{"test": "within", "margin": {"percent": 10}}]},
        {
            "rating": "amber",
            "when": [
                {"test": "beyond", "margin": {"percent": 10}},
                {
                    "test": "direction",
                    "against": "same_period_last_year",
                    "is": ["improving", "no_change"],
                },
            ],
        },
        {"rating": "red"},
    ],
}


@pytest.mark.parametrize(
    ("this_year", "last_year", "expected"),
    [
        (95, 70, State.GREEN),  # within 10% of 100
        (90, 95, State.GREEN),  # exactly 10% off counts as within
        (80, 70, State.AMBER),  # 20% off, improved on last year
        (80, 80, State.AMBER),  # 20% off, maintained
        (80, 85, State.RED),  # 20% off and worse than last year
        (80, None, State.RED),  # 20% off, nothing to show it improved
    ],
)
def test_london_borough_rule_combines_distance_from_target_and_direction(
    this_year, last_year, expected
):
    values = {"2017/18-Q2": this_year}
    if last_year is not None:
        values["2016/17-Q2"] = last_year
    status = evaluate(quarterly(LONDON_RULE), Q2, history(values, {"2017/18-Q2": 100}))
    assert status.state == expected


@pytest.mark.parametrize(
    ("today", "late"),
    [
        (dt.date(2017, 10, 29), False),
        (dt.date(2017, 10, 30), False),  # the deadline day itself is still on time
        (dt.date(2017, 10, 31), True),
    ],
)
def test_a_value_is_late_only_after_the_deadline_day(today, late):
    # Quarter Two 2017/18 ends on 30 September 2017; 30 days later is 30 October 2017.
    status = evaluate(quarterly(), Q2, history({}, {"2017/18": 90}), today=today)
    assert status.state == State.AWAITING_DATA
    assert status.late is late
    assert status.reason.startswith("Late: ") is late


def monthly(aggregation=Aggregation.SUM, year_to_date=False):
    return IndicatorProfile(
        Polarity.HIGHER,
        Schedule(Frequency.MONTHLY),
        parse_rule(TEN_PERCENT),
        aggregation=aggregation,
        year_to_date=year_to_date,
    )


def test_monthly_values_are_rated_against_the_quarterly_profile_not_the_annual_target():
    # July 8 + August 9 + September 10 = 27 against the Quarter Two profile of 25: green.
    # Against the annual target of 100 it would be red, so the profile must win.
    months = {"2017/18-M07": 8, "2017/18-M08": 9, "2017/18-M09": 10}
    h = history(months, {"2017/18": 100, "2017/18-Q2": 25})
    status = evaluate(monthly(), Q2, h)
    assert (status.value, status.target, status.state) == (D(27), D(25), State.GREEN)


def test_a_month_is_rated_against_its_quarter_s_profile_when_it_has_no_target_of_its_own():
    # August's average figure 9 against Quarter Two's 10: 1 short, within 10% of 10, so amber;
    # against the annual 20 it would be red, against August's own target (when set) it decides.
    h = history({"2017/18-M08": 9}, {"2017/18": 20, "2017/18-Q2": 10})
    august = parse("2017/18-M08")
    status = evaluate(monthly(Aggregation.AVERAGE), august, h)
    assert (status.target, status.state) == (D(10), State.AMBER)
    h = history({"2017/18-M08": 9}, {"2017/18": 20, "2017/18-Q2": 10, "2017/18-M08": 9})
    assert evaluate(monthly(Aggregation.AVERAGE), august, h).state == State.GREEN


def test_an_annual_indicator_never_rated_is_simply_not_due_before_its_quarter():
    # Due in Quarter Three; in Quarter Two, with nothing recorded yet, there is nothing to carry.
    indicator = IndicatorProfile(
        Polarity.HIGHER, Schedule(Frequency.ANNUAL, due_quarter=3), parse_rule(TEN_PERCENT)
    )
    status = evaluate(indicator, Q2, history())
    assert (status.state, status.rating, status.rating_period) == (State.NOT_DUE, None, None)
    assert status.reason == "Not due this period."
    assert status.next_due == Q3


def test_a_ratio_given_as_numerator_and_denominator_counts_as_an_update():
    # Quarter One: 45 of 50 (90%), keyed as counts with no value: it is the last update.
    indicator = quarterly(aggregation=Aggregation.RATIO)
    h = History(readings={Q1: Reading(None, D(45), D(50))}, targets={YEAR: D(90)})
    status = evaluate(indicator, Q2, h)
    assert status.state == State.AWAITING_DATA
    assert status.last_updated == Q1
    assert evaluate(indicator, Q1, h).value == D(90)


def test_a_manual_rating_without_a_reason_is_refused_with_a_message():
    with pytest.raises(StatusError) as refused:
        ManualRating(Rating.RED, "  ")
    assert str(refused.value) == "A manual rating needs a reason."


def test_a_direction_never_worked_out_reads_as_not_comparable():
    status = evaluate(quarterly(), Q2, history({"2017/18-Q2": 80}, {"2017/18": 85}))
    assert status.direction(Against.PREVIOUS_PERIOD) == Direction.NOT_COMPARABLE
    assert Status(period=Q2, state=State.GREEN).direction(Against.PREVIOUS_PERIOD) == (
        Direction.NOT_COMPARABLE
    )
