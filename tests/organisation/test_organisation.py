"""Organisation: settings, directorates, services, people and their roles."""

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError

from scorecard.organisation import services
from scorecard.organisation.choices import Role
from scorecard.organisation.models import (
    Directorate,
    Membership,
    OrganisationSettings,
    Service,
    User,
)
from scorecard.organisation.selectors import (
    organisation_settings_get,
    user_can_view_administration,
    user_is_administrator,
)

pytestmark = pytest.mark.django_db


def test_settings_default_to_an_april_financial_year_until_saved():
    assert organisation_settings_get().financial_year_start_month == 4
    services.organisation_settings_update(
        name="Shire District Council", financial_year_start_month=1
    )
    saved = organisation_settings_get()
    assert (saved.name, saved.financial_year_start_month) == ("Shire District Council", 1)
    assert OrganisationSettings.objects.count() == 1


def test_a_start_month_outside_the_year_is_refused_and_nothing_saved():
    with pytest.raises(ValidationError) as error:
        services.organisation_settings_update(name="X Council", financial_year_start_month=13)
    assert "financial_year_start_month" in error.value.message_dict
    assert OrganisationSettings.objects.count() == 0


def test_the_ons_code_is_kept_in_capitals_and_a_malformed_one_refused():
    services.organisation_settings_update(
        name="Hart District Council", financial_year_start_month=4, ons_code="e07000089"
    )
    # Saving the name alone keeps the code.
    services.organisation_settings_update(name="Hart DC", financial_year_start_month=4)
    assert organisation_settings_get().ons_code == "E07000089"
    with pytest.raises(ValidationError) as error:
        services.organisation_settings_update(
            name="Hart DC", financial_year_start_month=4, ons_code="E0700008"
        )
    assert error.value.message_dict["ons_code"] == [
        "An ONS code is a letter and eight digits, e.g. E07000089."
    ]
    assert organisation_settings_get().ons_code == "E07000089"


def test_a_directorate_editor_needs_a_directorate():
    person = services.person_create(username="sam", password=None)
    with pytest.raises(ValidationError) as error:
        services.membership_create(person=person, role=Role.DIRECTORATE_EDITOR)
    assert error.value.message_dict["directorate"] == ["A directorate editor needs a directorate."]
    assert not Membership.objects.exists()


def test_an_administrator_is_for_the_whole_organisation():
    person = services.person_create(username="sam", password=None)
    directorate = services.directorate_create(code="ASC", name="Adult Services")
    with pytest.raises(ValidationError, match="role for the whole organisation"):
        services.membership_create(person=person, role=Role.ADMINISTRATOR, directorate=directorate)
    services.membership_create(person=person, role=Role.ADMINISTRATOR)
    assert user_is_administrator(person)


def test_service_names_are_unique_within_a_directorate_only():
    adults = services.directorate_create(code="ASC", name="Adult Services")
    children = services.directorate_create(code="CFC", name="Children's Services")
    services.service_create(directorate=adults, name="Commissioning")
    services.service_create(directorate=children, name="Commissioning")
    with pytest.raises(ValidationError):
        services.service_create(directorate=adults, name="Commissioning")
    assert Service.objects.count() == 2


def test_changes_are_kept_in_history_with_who_made_them():
    person = services.person_create(username="sam", password=None)
    directorate = services.directorate_create(code="ASC", name="Adult Services")
    directorate.name = "Adult Social Care"
    directorate._history_user = person
    directorate.save(update_fields=["name"])
    names = list(directorate.history.order_by("history_date").values_list("name", flat=True))
    assert names == ["Adult Services", "Adult Social Care"]
    assert directorate.history.latest().history_user == person


def test_only_administrators_and_auditors_see_administration(demo):
    auditor = services.person_create(username="audit", password=None)
    services.membership_create(person=auditor, role=Role.AUDITOR)
    assert user_can_view_administration(demo["admin"])
    assert user_can_view_administration(auditor)
    assert not user_can_view_administration(demo["editor"])
    assert not user_can_view_administration(demo["reader"])


def test_every_model_is_in_the_django_admin():
    for model in [OrganisationSettings, Directorate, Service, User, Membership]:
        assert admin.site.is_registered(model), model
