"""The decisions waiting for a person (their home page): extensions of due dates they may
decide and recommendations they may verify, never their own request or their own
implementation (two queries)."""

from scorecard.organisation.access import Action as Do

from .access import action_access, extension_access
from .choices import ActionStatus, ExtensionDecision
from .models import Action, ExtensionRequest

SHOWN = 10  # the oldest few; the actions list has them all


def extensions_to_decide(user) -> list[ExtensionRequest]:
    if not user.is_authenticated:
        return []
    return list(
        extension_access(user, Do.DECIDE)
        .filter(decision=ExtensionDecision.PENDING)
        .exclude(requested_by=user.pk)
        .select_related("action", "requested_by")
        .order_by("requested_on", "pk")[:SHOWN]
    )


def recommendations_to_verify(user) -> list[Action]:
    if not user.is_authenticated:
        return []
    return list(
        action_access(user, Do.DECIDE)
        .filter(audit__isnull=False, status=ActionStatus.IMPLEMENTED)
        .exclude(implemented_by=user.pk)
        .select_related("audit", "implemented_by")
        .order_by("completed_on", "pk")[:SHOWN]
    )
