"""People's text made safe to print in Markdown (no Django import).

Text keyed in by users (commentary, actions, titles) must read as the words typed, whatever
renders the Markdown: no HTML (`<script>`), no links (`[x](javascript:...)`, `<http://...>`),
no remote images (`![x](http://...)`), no headings or tables broken by a line break.
"""

import html
import re

# What shapes markup anywhere in a line: emphasis, code, links and images (a "[" escaped, "](" and
# "![" do nothing), headings' closing "#", tables, strikethrough. HTML is escaped as entities.
_MARKUP = re.compile(r"([\\`*_{}\[\]#|~])")
# ...and what starts a list only at the start of one: "-", "+", "1." or "1)".
_LIST_START = re.compile(r"^([-+]|\d+(?=[.)]))")


def md(text: object) -> str:
    """`text` as inline Markdown that shows exactly these characters and does nothing else."""
    if text is None:
        return ""
    flat = " ".join(str(text).split())  # one line: no heading, list or table row can start
    escaped = _MARKUP.sub(r"\\\1", html.escape(flat, quote=False))
    return _LIST_START.sub(_list_start, escaped, count=1)


def _list_start(match: re.Match) -> str:
    start = match.group(1)
    return start + "\\" if start[0].isdigit() else "\\" + start  # "1\." or "\-"
