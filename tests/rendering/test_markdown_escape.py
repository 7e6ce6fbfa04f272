"""People's text in the Markdown report reads as typed and does nothing: no HTML, no links, no
remote images, no headings or list items smuggled in by a line break."""

import re

from hypothesis import given
from hypothesis import strategies as st

from scorecard.rendering.markdown import md

ATTACKS = {
    "<script>alert(1)</script>": "&lt;script&gt;alert(1)&lt;/script&gt;",
    "[click](javascript:alert(1))": "\\[click\\](javascript:alert(1))",
    "![pixel](http://x.invalid/p.png)": "!\\[pixel\\](http://x.invalid/p.png)",
    "<http://x.invalid>": "&lt;http://x.invalid&gt;",
    "fine\n# Heading\n- item": "fine \\# Heading - item",
    "- leading dash": "\\- leading dash",
    "12. numbered": "12\\. numbered",
    "a | b": "a \\| b",
    "*bold* _it_ `code` ~~gone~~": "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~",
}


def test_each_attack_is_printed_as_its_characters():
    for text, written in ATTACKS.items():
        assert md(text) == written, text


def test_ordinary_words_and_figures_are_unchanged():
    text = "Performance improved by 1,234 (5.5%) on 31 March 2018: -5 on last year."
    assert md(text) == text


@given(st.text())
def test_no_escaped_text_can_open_html_a_link_or_a_new_line(text):
    written = md(text)
    assert "<" not in written and "\n" not in written and "\r" not in written
    assert not re.search(r"(?<!\\)\[", written)  # every "[" escaped: no link, no image
