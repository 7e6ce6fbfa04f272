"""Who may approve or return a value: the indicator's owner or a performance administrator,
and never the person who entered or submitted it unless the organisation's settings allow
self-approval. Every way in (web, API, import) reaches this through `measurement_approve` and
`measurement_return`."""

from django.core.exceptions import ValidationError

from scorecard.core.duties import may_review, own_part
from scorecard.organisation.access import Action
from scorecard.organisation.models import User
from scorecard.organisation.selectors import organisation_settings_get

from ..access import can
from ..models import Measurement


def approvers_named(measurement: Measurement, other_than: User | None = None) -> str:
    """Who can approve the value, in words: "the indicator's owner Jane Smith or a performance
    administrator" (the owner left out when it is the person `other_than`)."""
    owner = measurement.indicator.owner
    if owner is None or (other_than is not None and owner.pk == other_than.pk):
        return "a performance administrator"
    return f"the indicator's owner {owner.get_full_name() or owner.username} or a performance administrator"


def self_approval_allowed() -> bool:
    return organisation_settings_get().allow_self_approval


def is_own_value(measurement: Measurement, person: User | None) -> bool:
    """Whether the person entered or submitted the value."""
    return bool(
        own_part(
            getattr(person, "pk", None), measurement.entered_by_id, measurement.submitted_by_id
        )
    )


def own_value_refusal(measurement: Measurement, person: User | None, decision: str) -> str:
    """Why the person may not `decision` ("approve", "return") the value because they entered or
    submitted it, or "" when they did neither or the organisation allows self-approval."""
    part = own_part(
        getattr(person, "pk", None), measurement.entered_by_id, measurement.submitted_by_id
    )
    if may_review(
        getattr(person, "pk", None),
        measurement.entered_by_id,
        measurement.submitted_by_id,
        self_approval_allowed=bool(part) and self_approval_allowed(),
    ):
        return ""
    return f"You {part} this value, so someone else must {decision} it: {approvers_named(measurement, person)}."


def refuse_review(measurement: Measurement, by: User | None, decision: str) -> bool:
    """Raise ValidationError (on `state`) unless `by` may `decision` ("approve" or "return") the
    value. Returns whether it is their own value, which the organisation's settings allow."""
    if by is None or not can(by, Action.APPROVE, measurement.indicator):
        raise ValidationError(
            {"state": f"Only {approvers_named(measurement)} can {decision} this value."}
        )
    refusal = own_value_refusal(measurement, by, decision)
    if refusal:
        raise ValidationError({"state": refusal})
    return is_own_value(measurement, by)
