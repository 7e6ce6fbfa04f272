"""The public site's figures for `scorecard bench` (decision 0040): each public page of the
bench's quarter read by a visitor without an account, and their median.

The quarter must be published for the public to read it. A generated (large) council has no
published quarter, so the bench publishes it and turns the site on inside a transaction that
is rolled back: nothing is left behind.
"""

import statistics

from django.db import transaction
from django.test import Client
from django.urls import reverse

from scorecard.reporting.models import IndicatorSnapshot, Snapshot
from scorecard.reporting.services import period_lock_and_publish

PUBLIC_PAGES = "public pages (median of the pages above)"


def public_figures(*, period, admin, repeat: int, measure, get) -> list:
    """Each public page's figure, then one for their median. `measure` and `get` are the
    bench's own, so the figures are taken the same way as every other page's."""
    from scorecard.public.services import public_site_update

    with transaction.atomic():
        if not Snapshot.objects.filter(period=period.key).exists():
            period_lock_and_publish(period=period, by=admin, gaps_reason="Published by the bench.")
        public_site_update(is_enabled=True, how_we_measure="", by=admin)
        slug = period.key.replace("/", "-")
        code = (
            IndicatorSnapshot.objects.filter(snapshot__period=period.key)
            .order_by("order")
            .values_list("code", flat=True)
            .first()
        )
        pages = [
            ("public index page", reverse("public:index")),
            ("public quarter page", reverse("public:quarter", args=[slug])),
            ("public risks page", reverse("public:risks", args=[slug])),
        ]
        if code:
            pages.append(("public indicator page", reverse("public:indicator", args=[slug, code])))
        visitor = Client()  # no account
        figures = [measure(name, get(visitor, url), repeat=repeat) for name, url in pages]
        transaction.set_rollback(True)
    figures.append(
        type(figures[0])(
            name=PUBLIC_PAGES,
            median_ms=round(statistics.median(f.median_ms for f in figures), 1),
            worst_ms=max(f.worst_ms for f in figures),
            queries=max(f.queries for f in figures),
            peak_mb=max(f.peak_mb for f in figures),
            runs=repeat,
            note="target: under 20 ms at the large scale; queries: the most of one page",
        )
    )
    return figures
