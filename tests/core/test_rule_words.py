"""A status rule in a council's own words becomes the rule's data; anything else is refused
with the words to write instead."""

import pytest

from scorecard.core.rule_words import rule_from_words
from scorecard.core.status_rules import RuleError


@pytest.mark.parametrize(
    ("words", "data"),
    [
        (
            "green within 5% of target, amber within 10%",
            {"type": "tolerance", "green": {"percent": "5"}, "amber": {"percent": "10"}},
        ),
        ("Amber within 10 percent", {"type": "tolerance", "amber": {"percent": "10"}}),
        ("amber within 2 of target", {"type": "tolerance", "amber": {"absolute": "2"}}),
        ("Green at 95, amber at 90", {"type": "thresholds", "green": "95", "amber": "90"}),
        ("Rated by hand", {"type": "manual"}),
        ("For information only.", {"type": "data_only"}),
    ],
)
def test_council_words_become_a_rule(words, data):
    assert rule_from_words(words) == data


@pytest.mark.parametrize(
    ("words", "says"),
    [
        ("green within 5%", "says no amber margin: write it as, for example, 'green within 5%"),
        ("traffic lights", "is not a rule this page reads: write it as, for example"),
        ("green within 10%, amber within 5%", "The green margin cannot be wider than the amber"),
    ],
)
def test_words_that_are_not_a_rule_say_what_is_wrong(words, says):
    with pytest.raises(RuleError) as error:
        rule_from_words(words)
    assert says in str(error.value)
