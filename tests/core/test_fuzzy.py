"""Forgiving word matching, worked by hand from pg_trgm's trigrams."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.fuzzy import THRESHOLD, match_score, trigrams, word_similarity


def test_trigrams_are_padded_as_pg_trgm_pads_them():
    assert trigrams("Cat") == {"  c", " ca", "cat", "at "}


@pytest.mark.parametrize(
    "word,text,expected",
    [
        # delayd: "  d", " de", "del", "ela", "lay", "ayd", "yd "; delays shares the first five.
        ("delayd", "Delays in care", 5 / 7),
        ("delayd", "Delayed transfers", 5 / 7),
        # homes: "  h", " ho", "hom", "ome", "mes", "es "; home shares the first four.
        ("homes", "Care home capacity and quality", 4 / 6),
        ("care", "Care home capacity", 1.0),  # written as it is
        ("r1", "EI-R1 roads", 1.0),
        ("roads", "Delayed transfers of care", 0.0),
    ],
)
def test_word_similarity(word, text, expected):
    assert word_similarity(word, text) == pytest.approx(expected)


def test_every_word_must_be_found():
    assert match_score("care homes", ["Care home capacity and quality"]) == pytest.approx(
        2 * 1.0 + 2 * 4 / 6
    )
    assert match_score("care roads", ["Care home capacity and quality"]) == 0
    assert match_score("", ["anything"]) == 0


def test_the_title_counts_double():
    in_title = match_score("fraud", ["Care home fraud", "none"])
    in_body = match_score("fraud", ["Care home", "fraud"])
    assert in_title == 2.0 and in_body == 1.0


@given(st.text(min_size=1, max_size=20), st.text(max_size=60))
def test_a_word_written_in_the_text_is_always_found(word, text):
    assert word_similarity(word, text + word + text) == 1.0
    assert 0.0 <= word_similarity(word, text) <= 1.0
    assert THRESHOLD <= 1.0
