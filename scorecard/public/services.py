"""Writes for the public site: its settings row."""

from django.db import transaction

from scorecard.organisation import clock

from .models import PublicSite


@transaction.atomic
def public_site_update(*, is_enabled: bool, how_we_measure: str, by) -> PublicSite:
    site = PublicSite.objects.order_by("pk").first() or PublicSite()
    site.is_enabled = is_enabled
    site.how_we_measure = how_we_measure.strip()
    site.updated_by = by
    site.updated_at = clock.now()
    site.full_clean()
    site.save()
    return site
