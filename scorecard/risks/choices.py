from django.db import models

from scorecard.actions.choices import ACTION_STATUSES_OPEN, ActionStatus  # noqa: F401 (re-exported)


class MatrixAxis(models.TextChoices):
    LIKELIHOOD = "likelihood", "Likelihood"
    IMPACT = "impact", "Impact"


class RegisterKind(models.TextChoices):
    """Where a register sits: the corporate register is above directorate and project registers."""

    CORPORATE = "corporate", "Corporate"
    DIRECTORATE = "directorate", "Directorate"
    PROJECT = "project", "Project or programme"


class StandardCategory(models.TextChoices):
    """The nine categories a council starts with; the council's own list is data
    (`models.RiskCategory`), which it edits under the risk settings."""

    STRATEGIC = "strategic", "Strategic"
    FINANCIAL = "financial", "Financial"
    LEGAL = "legal", "Legal and regulatory"
    HR = "hr", "People and HR"
    SAFEGUARDING = "safeguarding", "Safeguarding"
    INFORMATION = "information", "Information and cyber security"
    HEALTH_AND_SAFETY = "health_and_safety", "Health and safety"
    REPUTATIONAL = "reputational", "Reputational"
    PARTNERSHIP = "partnership", "Partnership"


# The code of one of the standard categories, for code that names one (the demo, tests).
RiskCategory = StandardCategory


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    ESCALATED = "escalated", "Escalated"
    CLOSED = "closed", "Closed"


class ControlEffectiveness(models.TextChoices):
    NOT_ASSESSED = "not_assessed", "Not assessed"
    EFFECTIVE = "effective", "Effective"
    PARTLY_EFFECTIVE = "partly_effective", "Partly effective"
    INEFFECTIVE = "ineffective", "Not effective"


class EscalationDirection(models.TextChoices):
    UP = "up", "Escalate to a higher register"
    DOWN = "down", "Return to a lower register"


class EscalationStatus(models.TextChoices):
    REQUESTED = "requested", "Awaiting decision"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


# Which ratings a heat map or a count can be drawn from.
class RatingBasis(models.TextChoices):
    INHERENT = "inherent", "Inherent (before controls)"
    CURRENT = "current", "Current (with the controls in place)"
    TARGET = "target", "Target (once the actions are done)"
