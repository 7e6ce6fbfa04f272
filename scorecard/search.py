"""The search box in the header: indicators and risks by code, reference or words, forgiving
misspellings and word forms ("delayd" finds delays, "care homes" finds "Care home capacity").

Every word of the query must be found, as written or nearly (trigram word similarity, as
pg_trgm measures it), or the query must match as English words (full-text search, PostgreSQL).
Results are ranked, best first, and go through each app's access function, so nobody finds
what they may not see. PostgreSQL does the matching and ranking in SQL (pg_trgm and full-text
search); SQLite scores the records in Python with the same measure (`core/fuzzy.py`); see
docs/decisions/0027-forgiving-search.md.
"""

from django.contrib.auth.decorators import login_required
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import F, Q, QuerySet, TextField, Value
from django.db.models.functions import Concat
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from scorecard.core.fuzzy import THRESHOLD, match_score
from scorecard.performance.access import indicator_access
from scorecard.risks.access import risk_access

LIMIT = 50
INDICATOR_FIELDS = ["title", "code", "definition"]  # the first one (the title) counts double
RISK_FIELDS = ["title", "reference", "cause", "event", "consequence"]


def search_results(*, user, query: str) -> dict:
    """Up to LIMIT indicators and LIMIT risks matching `query`, best first (four queries)."""
    if not query.split():
        return {"indicators": [], "risks": []}
    indicators = indicator_access(user).filter(is_retired=False).select_related("directorate")
    risks = risk_access(user).select_related("register")
    ranked = _ranked_in_database if connection.vendor == "postgresql" else _ranked_in_python
    return {
        "indicators": ranked(indicators, INDICATOR_FIELDS, query, "code"),
        "risks": ranked(risks, RISK_FIELDS, query, "reference"),
    }


def _ranked_in_database(rows: QuerySet, fields: list[str], query: str, code: str) -> list:
    """PostgreSQL: pg_trgm's word similarity for each word, full-text search for the whole."""
    parts = []
    for name in fields:
        parts += [F(name), Value(" ")]
    document = Concat(*parts, output_field=TextField())
    vector = SearchVector(*fields, config="english")
    words_query = SearchQuery(query, config="english", search_type="plain")
    every_word = Q()
    rank = SearchRank(vector, words_query)
    for n, word in enumerate(query.split()):
        similarity = f"_similarity_{n}"
        rows = rows.annotate(**{similarity: TrigramWordSimilarity(word, document)})
        written = Q()
        for name in fields:
            written |= Q(**{f"{name}__icontains": word})
        every_word &= Q(**{f"{similarity}__gte": THRESHOLD}) | written
        rank = rank + F(similarity) + TrigramWordSimilarity(word, fields[0])
    found = rows.annotate(_vector=vector).filter(every_word | Q(_vector=words_query))
    found = found.annotate(_rank=rank)
    return list(found.order_by("-_rank", code)[:LIMIT])


def _ranked_in_python(rows: QuerySet, fields: list[str], query: str, code: str) -> list:
    """SQLite: each record the person may see scored in Python (core/fuzzy.py), the best
    LIMIT read whole."""
    scores = {}
    for pk, *texts in rows.order_by().values_list("pk", *fields):
        score = match_score(query, [text or "" for text in texts])
        if score > 0:
            scores[pk] = score
    best = sorted(scores, key=lambda pk: -scores[pk])[:LIMIT]
    found = {row.pk: row for row in rows.filter(pk__in=best)}
    return sorted(found.values(), key=lambda row: (-scores[row.pk], getattr(row, code)))


@login_required
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    return render(
        request,
        "search.html",
        {"query": query, "limit": LIMIT, **search_results(user=request.user, query=query)},
    )
