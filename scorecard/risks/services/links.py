"""Linking a risk to the indicators it threatens. Unlinking archives the link: nothing is lost."""

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.organisation import clock

from ..choices import RiskStatus
from ..models import IndicatorLink, Risk


@transaction.atomic
def risk_indicator_link(*, risk: Risk, indicator, by, note: str = "") -> IndicatorLink:
    """Link `risk` to `indicator` (a performance Indicator); refused if already linked."""
    if risk.status == RiskStatus.CLOSED:
        raise ValidationError({"indicator": "A closed risk cannot be linked to indicators."})
    if getattr(indicator, "is_retired", False):
        raise ValidationError({"indicator": "A retired indicator cannot be linked."})
    if IndicatorLink.objects.filter(risk=risk, indicator=indicator, is_archived=False).exists():
        raise ValidationError({"indicator": f"{risk.reference} is already linked to {indicator}."})
    link = IndicatorLink(
        risk=risk, indicator=indicator, note=note.strip(), linked_by=by, linked_at=clock.now()
    )
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def risk_indicator_unlink(*, link: IndicatorLink, by) -> IndicatorLink:
    """Unlink by archiving: the link stays in the history with who unlinked it and when."""
    if link.is_archived:
        raise ValidationError({"link": "This link has already been removed."})
    link.is_archived = True
    link._history_user = by
    link.save(update_fields=["is_archived"])
    return link
