"""Writes for the organisation app. Each validates with full_clean() inside a transaction."""

import datetime as dt

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from .choices import Role
from .models import Directorate, Membership, OrganisationSettings, Service, User
from .selectors import organisation_settings_changed


@transaction.atomic
def organisation_settings_update(
    *,
    name: str,
    financial_year_start_month: int,
    ons_code: str | None = None,
    allow_self_approval: bool | None = None,
) -> OrganisationSettings:
    """`ons_code` or `allow_self_approval` None keeps the stored setting."""
    settings = _settings_row()
    settings.name = name
    settings.financial_year_start_month = financial_year_start_month
    if ons_code is not None:
        settings.ons_code = ons_code.strip().upper()
    if allow_self_approval is not None:
        settings.allow_self_approval = allow_self_approval
    return _settings_saved(settings)


@transaction.atomic
def organisation_clock_set(*, clock_date: dt.date | None) -> OrganisationSettings:
    """Fix the council's date (the demo council lives on 4 December 2017), or with None
    follow the real date again."""
    settings = _settings_row()
    settings.clock_date = clock_date
    return _settings_saved(settings)


def _settings_row() -> OrganisationSettings:
    """The single settings row as stored now (never the request's kept copy), to change."""
    return OrganisationSettings.objects.order_by("pk").first() or OrganisationSettings()


def _settings_saved(settings: OrganisationSettings) -> OrganisationSettings:
    settings.full_clean()
    settings.save()
    organisation_settings_changed()  # later reads in this request see the change
    return settings


@transaction.atomic
def directorate_create(*, code: str, name: str, director: User | None = None) -> Directorate:
    directorate = Directorate(code=code, name=name, director=director)
    directorate.full_clean()
    directorate.save()
    return directorate


@transaction.atomic
def service_create(*, directorate: Directorate, name: str) -> Service:
    service = Service(directorate=directorate, name=name)
    service.full_clean()
    service.save()
    return service


@transaction.atomic
def person_create(
    *,
    username: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    job_title: str = "",
) -> User:
    person = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        job_title=job_title,
    )
    if password:
        person.set_password(password)
    else:
        person.set_unusable_password()
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def membership_create(
    *, person: User, role: Role, directorate: Directorate | None = None
) -> Membership:
    membership = Membership(person=person, role=role, directorate=directorate)
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def directorate_update(
    *, directorate: Directorate, code: str, name: str, director: User | None, is_archived: bool
) -> Directorate:
    """Change a directorate; archiving keeps it, and everything it owns, in the history."""
    directorate.code, directorate.name = code, name
    directorate.director, directorate.is_archived = director, is_archived
    directorate.full_clean()
    directorate.save()
    return directorate


@transaction.atomic
def person_update(
    *,
    person: User,
    first_name: str,
    last_name: str,
    email: str,
    job_title: str,
    is_active: bool,
) -> User:
    """Change a person's details. People are never deleted: an inactive person cannot sign in."""
    person.first_name, person.last_name, person.email = first_name, last_name, email
    person.job_title, person.is_active = job_title, is_active
    person.full_clean()
    person.save(update_fields=["first_name", "last_name", "email", "job_title", "is_active"])
    return person


@transaction.atomic
def administrator_create(*, username: str, email: str, password: str) -> User:
    """The council's first administrator (or another): a person who signs in with `password`,
    holds the administrator role and may use the Django admin. Refused, writing nothing, if
    the username is taken or the password is weak (the settings' password rules)."""
    if not password:
        raise ValidationError({"password": "Give the administrator a password."})
    person = person_create(username=username, password=password, email=email)
    try:
        validate_password(password, user=person)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    person.is_staff = person.is_superuser = True
    person.save(update_fields=["is_staff", "is_superuser"])
    membership_create(person=person, role=Role.ADMINISTRATOR)
    return person
