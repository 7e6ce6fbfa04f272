"""Filling a scorecard's version: until its first quarter is locked, a version may still take
indicators (a new scorecard is filled after it is made, by hand or by an import); once that
quarter is locked, what was reported never changes, and a change is a new version."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from ..choices import PeriodState
from ..models import Indicator, ReportingPeriod, Scorecard, ScorecardEntry, ScorecardVersion
from .records import scorecard_version_create


def version_fillable(version: ScorecardVersion) -> bool:
    """Whether the version may still take indicators: its first quarter is not locked."""
    return not ReportingPeriod.objects.filter(
        period=version.live_from, state=PeriodState.LOCKED
    ).exists()


def scorecard_fill_refusal(scorecard: Scorecard, codes: Iterable[str] | None = None) -> str:
    """Why indicators (those with `codes`, any when None) cannot be added to the scorecard's
    current version, or "". Indicators already on it need no change, so no refusal."""
    latest = scorecard.versions.order_by("-live_from_start").first()
    if latest is None or version_fillable(latest):
        return ""
    if codes is not None:
        on = {c.lower() for c in latest.entries.values_list("indicator__code", flat=True)}
        if {str(c).lower() for c in codes} <= on:
            return ""
    return (
        f"{scorecard.name}'s current version started in {latest.live_from}, which is locked: "
        "refresh the scorecard to start a new version, then add the indicators."
    )


@transaction.atomic
def scorecard_entries_add(
    *, scorecard: Scorecard, indicators: Iterable[Indicator], live_from: str
) -> int:
    """Put the indicators on the scorecard's current version (those already on it stay where
    they are); a scorecard without a version gets its first, live from `live_from`. Returns
    how many were added."""
    indicators = [i for i in indicators if not i.is_retired]
    latest = scorecard.versions.select_for_update().order_by("-live_from_start").first()
    if latest is None:
        scorecard_version_create(
            scorecard=scorecard, live_from=live_from, entries=[(i, None) for i in indicators]
        )
        return len(indicators)
    refusal = scorecard_fill_refusal(scorecard, [i.code for i in indicators])
    if refusal:
        raise ValidationError({"scorecard": refusal})
    on = set(latest.entries.values_list("indicator_id", flat=True))
    order = latest.entries.count()
    rows = []
    for indicator in indicators:
        if indicator.pk in on:
            continue
        on.add(indicator.pk)
        order += 1
        rows.append(ScorecardEntry(version=latest, indicator=indicator, order=order))
    for row in rows:  # one by one: each entry's history is kept
        row.full_clean()
        row.save()
    return len(rows)
