from django import forms

from .choices import MONTH_CHOICES, Role
from .models import Directorate, User


class OrganisationSettingsForm(forms.Form):
    name = forms.CharField(label="Council name", max_length=200)
    financial_year_start_month = forms.TypedChoiceField(
        label="Financial year starts in", choices=MONTH_CHOICES, coerce=int
    )
    ons_code = forms.CharField(
        label="ONS code (optional)",
        max_length=9,
        required=False,
        help_text="The council's code in national data, for example E07000089. Benchmarks "
        "then never count the council among its own comparators.",
    )
    allow_self_approval = forms.BooleanField(
        label="Allow a person to approve a value they entered or submitted",
        required=False,
        help_text="Only for a council with too few staff to separate the duties. Every value "
        "approved so is marked and listed in the Cabinet pack.",
    )


class DirectorateForm(forms.Form):
    code = forms.SlugField(
        label="Code", max_length=30, help_text="Short and stable, for example ASC."
    )
    name = forms.CharField(label="Name", max_length=200)
    director = forms.ModelChoiceField(
        label="Director", queryset=User.objects.filter(is_active=True), required=False
    )
    is_archived = forms.BooleanField(
        label="Archived (kept with its history, hidden from lists)", required=False
    )


class ServiceForm(forms.Form):
    name = forms.CharField(label="Service name", max_length=200)


class PersonForm(forms.Form):
    first_name = forms.CharField(label="First name", max_length=150)
    last_name = forms.CharField(label="Last name", max_length=150)
    email = forms.EmailField(label="Email address")
    job_title = forms.CharField(label="Job title", max_length=200, required=False)


class PersonCreateForm(PersonForm):
    username = forms.CharField(label="Username", max_length=150)


class PersonEditForm(PersonForm):
    is_active = forms.BooleanField(label="Can sign in", required=False)


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label="Role", choices=Role.choices)
    directorate = forms.ModelChoiceField(
        label="Directorate",
        queryset=Directorate.objects.filter(is_archived=False),
        required=False,
        help_text="Leave empty for administrators, auditors and organisation-wide readers.",
    )
