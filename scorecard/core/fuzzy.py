"""Forgiving word matching for search: "delayd" finds "delays", "homes" finds "home".

The same measure as PostgreSQL's pg_trgm `word_similarity` (near enough for ranking): the share
of a searched word's trigrams found in one word of the text. PostgreSQL computes it in the
database; on SQLite, search scores the candidates here. Plain Python, no Django.
"""

import re

# pg_trgm's default `word_similarity_threshold`: below it, a word does not count as found.
THRESHOLD = 0.6

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words of `text`, in lower case (letters and digits; punctuation splits)."""
    return _WORD.findall(text.lower())


def trigrams(word: str) -> set[str]:
    """A word's trigrams as pg_trgm takes them: padded with two spaces before, one after."""
    padded = f"  {word.lower()} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def word_similarity(word: str, text: str) -> float:
    """How well `word` is found in `text`, from 0 to 1: 1 when it is there as it is written (or
    as part of a longer word), else the best share of its trigrams found in one word of the text."""
    word = word.lower()
    if not word:
        return 0.0
    if word in text.lower():
        return 1.0
    wanted = set().union(*(trigrams(part) for part in words(word)))
    if not wanted:
        return 0.0
    best = 0.0
    for candidate in set(words(text)):
        best = max(best, len(wanted & trigrams(candidate)) / len(wanted))
    return best


def match_score(query: str, texts: list[str]) -> float:
    """The score of a record whose fields are `texts` (most important first) for `query`: 0 unless
    every word of the query (split at spaces) is found (at THRESHOLD or better) somewhere in them; else the sum,
    over the words, of their best similarity, counted twice in the first field (the title)."""
    total = 0.0
    for word in query.lower().split():
        scores = [word_similarity(word, text) for text in texts]
        if max(scores, default=0.0) < THRESHOLD:
            return 0.0
        total += max(scores) + (scores[0] if scores else 0.0)
    return total
