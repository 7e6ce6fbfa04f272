"""A record's id as typed in a URL's query: a plain positive number a database column holds."""

import re

MAX_ID = 2**31 - 1  # the largest id of an integer column on every supported database
_PLAIN_NUMBER = re.compile(r"[0-9]{1,10}")


def id_from(text: object) -> int | None:
    """The id `text` names, or None when it names none (letters, a sign, a number too large)."""
    if not isinstance(text, str) or not _PLAIN_NUMBER.fullmatch(text):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None
