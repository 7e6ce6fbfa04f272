from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from .choices import DIRECTORATE_ROLES, MONTH_CHOICES, ORGANISATION_WIDE_ROLES, Role


class OrganisationSettings(models.Model):
    """The council running this instance: one row, created on first use."""

    name = models.CharField(
        max_length=200, default="Our Council", help_text="Shown in every page header."
    )
    financial_year_start_month = models.PositiveSmallIntegerField(
        choices=MONTH_CHOICES,
        default=4,
        help_text="First month of the financial year; UK councils start in April.",
    )
    ons_code = models.CharField(
        "ONS code",
        max_length=9,
        blank=True,
        validators=[
            RegexValidator(
                r"^[EWSN]\d{8}$", "An ONS code is a letter and eight digits, e.g. E07000089."
            )
        ],
        help_text="The council's code in national data (e.g. E07000089), so that it is never "
        "counted among its own comparators.",
    )
    allow_self_approval = models.BooleanField(
        "allow self-approval",
        default=False,
        help_text="Let a person approve a value they entered or submitted, for councils with too "
        "few staff to separate the duties. Every such value is marked and listed in the "
        "Cabinet pack.",
    )
    clock_date = models.DateField(
        null=True,
        blank=True,
        help_text="Leave empty to use today's date. A fixed date (the demo council's 4 December "
        "2017) makes every due date, deadline and new record follow that day instead.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "organisation settings"
        verbose_name_plural = "organisation settings"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Directorate(models.Model):
    """A directorate of the council (e.g. Adult Services), owning services, indicators and risks."""

    code = models.SlugField(max_length=30, unique=True, help_text="Short stable code, e.g. ASC.")
    name = models.CharField(max_length=200, unique=True)
    director = models.ForeignKey(
        "organisation.User",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="directorates_led",
        help_text="The director accountable for this directorate.",
    )
    is_archived = models.BooleanField(
        default=False, help_text="Archived directorates keep their history."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    """A service or unit inside a directorate (e.g. Safeguarding, Highways)."""

    directorate = models.ForeignKey(Directorate, on_delete=models.PROTECT, related_name="services")
    name = models.CharField(max_length=200)
    is_archived = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["directorate__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["directorate", "name"], name="service_unique_name_per_directorate"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.directorate.name})"


class User(AbstractUser):
    """A person who signs in: officers, councillors, auditors."""

    job_title = models.CharField(max_length=200, blank=True, help_text="E.g. Head of Performance.")

    class Meta(AbstractUser.Meta):
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Membership(models.Model):
    """A role a person holds, for the whole organisation or for one directorate."""

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=30, choices=Role.choices)
    directorate = models.ForeignKey(
        Directorate,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
        help_text="Leave empty for a role across the whole organisation.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["person__username", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "role", "directorate"], name="membership_unique_role"
            ),
            models.UniqueConstraint(
                fields=["person", "role"],
                condition=models.Q(directorate__isnull=True),
                name="membership_unique_organisation_role",
            ),
        ]

    def __str__(self) -> str:
        where = self.directorate.name if self.directorate_id else "whole organisation"
        return f"{self.person}: {self.get_role_display()} ({where})"

    def clean(self) -> None:
        if self.role in DIRECTORATE_ROLES and not self.directorate_id:
            raise ValidationError(
                {"directorate": f"A {self.get_role_display().lower()} needs a directorate."}
            )
        if self.role in ORGANISATION_WIDE_ROLES - {Role.READER} and self.directorate_id:
            raise ValidationError(
                {
                    "directorate": f"{self.get_role_display()} is a role for the whole organisation: leave the directorate empty."
                }
            )
