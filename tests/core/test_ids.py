"""An id typed in a URL: only a plain positive number a database column holds names a record."""

from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.ids import MAX_ID, id_from


@given(st.integers(min_value=1, max_value=MAX_ID))
def test_a_plain_number_in_range_names_that_record(number):
    assert id_from(str(number)) == number


@given(st.integers().filter(lambda n: n < 1 or n > MAX_ID))
def test_a_number_out_of_range_names_none(number):
    assert id_from(str(number)) is None


@given(st.text().filter(lambda t: not t.isascii() or not t.isdigit()))
def test_text_that_is_not_plain_digits_names_none(text):
    assert id_from(text) is None


def test_digits_python_counts_but_a_database_does_not_name_none():
    assert [id_from(t) for t in ("²", "١٢", " 12", "12 ", "+12", "0", "")] == [None] * 7
