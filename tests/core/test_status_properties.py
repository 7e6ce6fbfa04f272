"""Properties of the status engine that must hold for any values, targets and margins."""

from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from scorecard.core.aggregation import Reading
from scorecard.core.indicator_schedule import Frequency, Schedule
from scorecard.core.periods import Period
from scorecard.core.polarity import Polarity
from scorecard.core.status import History, IndicatorProfile, State, evaluate
from scorecard.core.status_rules import RATING_RANK, Rating, parse_rule

Q2 = Period.quarter(2017, 2)
LAST_YEAR_Q2 = Q2.same_period_last_year()
MIRROR = {Polarity.HIGHER: Polarity.LOWER, Polarity.LOWER: Polarity.HIGHER}
SWAP = {Rating.GREEN: Rating.RED, Rating.RED: Rating.GREEN, Rating.AMBER: Rating.AMBER}

numbers = st.decimals(min_value=-10_000, max_value=10_000, places=2, allow_nan=False)
margins = st.decimals(min_value=0, max_value=50, places=1, allow_nan=False)
directional = st.sampled_from([Polarity.HIGHER, Polarity.LOWER])


@st.composite
def tolerance_rules(draw):
    kind = draw(st.sampled_from(["percent", "absolute"]))
    amber = draw(margins)
    rule = {"type": "tolerance", "amber": {kind: str(amber)}}
    if draw(st.booleans()):
        rule["green"] = {kind: str(draw(st.decimals(min_value=0, max_value=amber, places=1)))}
    return rule


def london(margin):
    return {
        "type": "clauses",
        "clauses": [
            {"rating": "green", "when": [{"test": "within", "margin": {"percent": str(margin)}}]},
            {
                "rating": "amber",
                "when": [
                    {"test": "beyond", "margin": {"percent": str(margin)}},
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


def rate(rule, polarity, value, target=None, last_year=None) -> Rating:
    indicator = IndicatorProfile(polarity, Schedule(Frequency.QUARTERLY), parse_rule(rule))
    readings = {Q2: Reading(value)}
    if last_year is not None:
        readings[LAST_YEAR_Q2] = Reading(last_year)
    targets = {Q2: target} if target is not None else {}
    status = evaluate(indicator, Q2, History(readings=readings, targets=targets))
    assert status.is_rated, status
    return status.rating


def better(polarity, a, b, target):
    """Is `a` at least as good as `b`?"""
    if polarity is Polarity.HIGHER:
        return a >= b
    if polarity is Polarity.LOWER:
        return a <= b
    return abs(a - target) <= abs(b - target)


@given(tolerance_rules(), st.sampled_from(list(Polarity)[:3]), numbers, numbers, numbers)
def test_a_better_value_never_gets_a_worse_rating_under_tolerance(rule, polarity, a, b, target):
    assume(better(polarity, a, b, target))
    assert (
        RATING_RANK[rate(rule, polarity, a, target)] >= RATING_RANK[rate(rule, polarity, b, target)]
    )


@given(directional, numbers, numbers, numbers, numbers)
def test_a_better_value_never_gets_a_worse_rating_under_thresholds(polarity, x, y, a, b):
    assume(x != y)
    green, amber = (max(x, y), min(x, y)) if polarity is Polarity.HIGHER else (min(x, y), max(x, y))
    rule = {"type": "thresholds", "green": str(green), "amber": str(amber)}
    assume(better(polarity, a, b, None))
    assert RATING_RANK[rate(rule, polarity, a)] >= RATING_RANK[rate(rule, polarity, b)]


@given(directional, margins, numbers, numbers, numbers, numbers)
def test_a_better_value_never_gets_a_worse_rating_under_the_london_rule(
    polarity, margin, a, b, target, last
):
    assume(better(polarity, a, b, target))
    rule = london(margin)
    assert (
        RATING_RANK[rate(rule, polarity, a, target, last)]
        >= RATING_RANK[rate(rule, polarity, b, target, last)]
    )


@given(tolerance_rules(), directional, numbers, numbers)
def test_mirroring_polarity_and_values_together_keeps_the_rating(rule, polarity, value, target):
    mirrored_value = 2 * target - value  # the same distance on the other side of the target
    assert rate(rule, polarity, value, target) == rate(
        rule, MIRROR[polarity], mirrored_value, target
    )


@given(directional, margins, numbers, numbers)
def test_mirroring_polarity_or_values_alone_swaps_green_and_red(polarity, amber, value, target):
    rule = {"type": "tolerance", "amber": {"absolute": str(amber)}}
    assume(abs(value - target) > amber)  # clear of the amber band on either side
    original = rate(rule, polarity, value, target)
    assert original in {Rating.GREEN, Rating.RED}
    assert rate(rule, MIRROR[polarity], value, target) == SWAP[original]
    assert rate(rule, polarity, 2 * target - value, target) == SWAP[original]


@given(
    due_quarter=st.integers(1, 4),
    values=st.lists(numbers, min_size=3, max_size=3),
    target=numbers,
    early_value=numbers,
)
def test_not_due_periods_never_change_the_carried_rating(due_quarter, values, target, early_value):
    """An annual indicator keeps the rating of its last due quarter until it is due again,
    even when next year's value is keyed in early."""
    indicator = IndicatorProfile(
        Polarity.HIGHER,
        Schedule(Frequency.ANNUAL, due_quarter=due_quarter),
        parse_rule({"type": "tolerance", "amber": {"percent": "5"}}),
    )
    years = [Period.financial_year(2015 + n) for n in range(3)]
    readings = {year: Reading(v) for year, v in zip(years, values, strict=True)}
    targets = dict.fromkeys(years, target)
    history = History(readings=readings, targets=targets)
    early = History(
        readings={**readings, Period.financial_year(2018): Reading(early_value)}, targets=targets
    )

    due = Period.quarter(2017, due_quarter)
    rated = evaluate(indicator, due, history)
    assert rated.is_rated
    following = due.next()
    while following != Period.quarter(2018, due_quarter):
        for h in (history, early):
            carried = evaluate(indicator, following, h)
            assert carried.state == State.NOT_DUE
            assert (carried.rating, carried.rating_period) == (rated.rating, due)
            assert carried.value == Decimal(values[2])
        following = following.next()
