from django.db import models


class AlertKind(models.TextChoices):
    INDICATOR_RED = "indicator_red", "An indicator turns red"
    VALUE_RETURNED = "value_returned", "A value is returned"
    RISK_BAND_UP = "risk_band_up", "A risk's score rises into a higher band"
    REVIEW_OVERDUE = "review_overdue", "A risk review becomes overdue"


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", "Immediately"
    DIGEST = "digest", "In the weekly digest"
    NEVER = "never", "Never"


class RunKind(models.TextChoices):
    REMINDERS_DUE = "reminders_due", "Reminders before the update deadline"
    REMINDERS_LATE = "reminders_late", "Reminders for late updates"
    REVIEWS_OVERDUE = "reviews_overdue", "Overdue risk reviews"
    DIGEST = "digest", "Weekly digest"


WEEKDAYS = [
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
]
