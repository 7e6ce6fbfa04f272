from django.db import models


class Role(models.TextChoices):
    """What a membership lets a person do. Organisation-wide roles have no directorate."""

    ADMINISTRATOR = "administrator", "Administrator (performance and risk team)"
    DIRECTORATE_EDITOR = "directorate_editor", "Directorate editor"
    INDICATOR_UPDATER = "indicator_updater", "Indicator updater"
    RISK_OWNER = "risk_owner", "Risk owner"
    READER = "reader", "Reader"
    AUDITOR = "auditor", "Auditor"


# Roles that apply to the whole organisation rather than to one directorate.
ORGANISATION_WIDE_ROLES = {Role.ADMINISTRATOR, Role.AUDITOR, Role.READER}
# Roles that only make sense inside a directorate.
DIRECTORATE_ROLES = {Role.DIRECTORATE_EDITOR}

MONTH_CHOICES = [
    (1, "January"),
    (2, "February"),
    (3, "March"),
    (4, "April"),
    (5, "May"),
    (6, "June"),
    (7, "July"),
    (8, "August"),
    (9, "September"),
    (10, "October"),
    (11, "November"),
    (12, "December"),
]
