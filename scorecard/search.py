"""The search box in the header: indicators and risks by code, reference or words.

Results go through each app's access function, so nobody finds what they may not see."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from scorecard.performance.access import indicator_access
from scorecard.risks.access import risk_access

LIMIT = 50


def search_results(*, user, query: str) -> dict:
    """Up to LIMIT indicators and LIMIT risks matching every word of `query` (two queries)."""
    words = query.split()
    if not words:
        return {"indicators": [], "risks": []}
    indicators = indicator_access(user).filter(is_retired=False)
    risks = risk_access(user)
    for word in words:
        indicators = indicators.filter(
            Q(code__icontains=word) | Q(title__icontains=word) | Q(definition__icontains=word)
        )
        risks = risks.filter(
            Q(reference__icontains=word)
            | Q(title__icontains=word)
            | Q(cause__icontains=word)
            | Q(event__icontains=word)
            | Q(consequence__icontains=word)
        )
    return {
        "indicators": list(indicators.select_related("directorate").order_by("code")[:LIMIT]),
        "risks": list(risks.select_related("register").order_by("reference")[:LIMIT]),
    }


@login_required
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    return render(
        request,
        "search.html",
        {"query": query, "limit": LIMIT, **search_results(user=request.user, query=query)},
    )
