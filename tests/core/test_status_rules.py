"""Reading status rules from their JSON form, and the messages for rules that make no sense."""

import pytest

from scorecard.core.polarity import Polarity
from scorecard.core.status_rules import DEFAULT_RULE_DATA, RuleError, parse_rule


def test_default_rule_is_a_ten_percent_tolerance():
    rule = parse_rule(DEFAULT_RULE_DATA)
    assert rule.kind == "tolerance"
    assert rule.needs_target(Polarity.HIGHER)


def test_no_change_band_is_read_from_any_rule():
    rule = parse_rule({"type": "manual", "no_change": {"percent": 2}})
    assert rule.no_change.to_data() == {"percent": "2"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("red if bad", "written as an object"),
        ({"type": "vibes"}, "Unknown rule type 'vibes'"),
        ({"type": "tolerance"}, "amber margin"),
        ({"type": "tolerance", "amber": {"percent": -5}}, "cannot be negative"),
        ({"type": "tolerance", "amber": {"percent": "ten"}}, "must be a number"),
        (
            {"type": "tolerance", "amber": {"percent": 5}, "green": {"percent": 8}},
            "cannot be wider",
        ),
        ({"type": "thresholds", "green": 90, "amber": 90}, "must differ"),
        ({"type": "clauses", "clauses": []}, "needs a list of clauses"),
        ({"type": "clauses", "clauses": [{"rating": "purple"}]}, "green, amber or red"),
        (
            {"type": "clauses", "clauses": [{"rating": "red", "when": [{"test": "meets_target"}]}]},
            "last clause must have no conditions",
        ),
        (
            {
                "type": "clauses",
                "clauses": [{"rating": "red", "when": [{"test": "luck"}]}, {"rating": "green"}],
            },
            "each condition needs a test",
        ),
        (
            {
                "type": "clauses",
                "clauses": [
                    {
                        "rating": "red",
                        "when": [
                            {"test": "direction", "against": "last_week", "is": ["improving"]}
                        ],
                    },
                    {"rating": "green"},
                ],
            },
            "previous_period or same_period_last_year",
        ),
    ],
)
def test_bad_rules_are_refused_with_a_message_that_says_what_to_write(data, message):
    with pytest.raises(RuleError, match=message):
        parse_rule(data)


def test_thresholds_need_a_polarity_that_matches_their_order():
    rule = parse_rule({"type": "thresholds", "green": 95, "amber": 90})
    rule.check_polarity(Polarity.HIGHER)
    with pytest.raises(RuleError, match="below the amber"):
        rule.check_polarity(Polarity.LOWER)
    with pytest.raises(RuleError, match="higher or lower is better"):
        rule.check_polarity(Polarity.ON_TARGET)
