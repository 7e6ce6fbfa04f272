from django.db import models

from scorecard.core.project_rag import Rag, ScheduleUnit


class RagChoice(models.TextChoices):
    GREEN = Rag.GREEN.value, "Green"
    AMBER = Rag.AMBER.value, "Amber"
    RED = Rag.RED.value, "Red"


class ScheduleUnitChoice(models.TextChoices):
    DAYS = ScheduleUnit.DAYS.value, "Days late"
    PERCENT = ScheduleUnit.PERCENT.value, "Percent of the project's duration"


class UpdateState(models.TextChoices):
    """A project update moves as an indicator's value does (performance's WorkflowState)."""

    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted for approval"
    APPROVED = "approved", "Approved"
    RETURNED = "returned", "Returned for changes"
