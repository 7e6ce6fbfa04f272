"""Demo council, its directorates, services and the three demo accounts."""

import datetime as dt
from dataclasses import dataclass

from scorecard.organisation import services
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate, Membership, Service, User
from scorecard.organisation.selectors import organisation_settings_get

COUNCIL_NAME = "Midshire County Council"
# The demo council lives on this day, in the Quarter Three 2017/18 update window: its due dates,
# deadlines and the records made while trying it follow this date, not the real one.
CLOCK_DATE = dt.date(2017, 12, 4)

DIRECTORATES = [
    ("ASC", "Adult Services", ["Adult Social Care", "Commissioning", "Learning Disabilities"]),
    (
        "CFC",
        "Children, Families and Communities",
        ["Children's Social Care", "Education and Skills", "Libraries"],
    ),
    ("EI", "Economy and Infrastructure", ["Highways", "Waste Management", "Economic Development"]),
    ("COACH", "Commercial and Change", ["Human Resources", "Finance", "Transformation"]),
    ("PH", "Public Health", ["Health Improvement", "Health Protection"]),
]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    description: str


ACCOUNTS = [
    # username, first, last, job title, role, directorate code, description
    ("admin", "Alex", "Morgan", "Performance and Risk Manager", Role.ADMINISTRATOR, None,
     "performance and risk team administrator"),
    ("editor", "Erin", "Shaw", "Performance Lead, Adult Services", Role.DIRECTORATE_EDITOR, "ASC",
     "directorate editor for Adult Services"),
    ("reader", "Ruth", "Bennett", "Cabinet Member for Transformation and Commissioning", Role.READER, None,
     "Cabinet member, read-only"),
]  # fmt: skip


def set_clock() -> None:
    """The whole demo council lives on CLOCK_DATE (its organisation part alone, which tests
    combine with other data, keeps the real date)."""
    if organisation_settings_get().clock_date != CLOCK_DATE:
        services.organisation_clock_set(clock_date=CLOCK_DATE)


def load(*, password: str) -> list[DemoAccount]:
    settings = organisation_settings_get()
    if settings.pk is None or settings.name != COUNCIL_NAME:
        services.organisation_settings_update(name=COUNCIL_NAME, financial_year_start_month=4)
    for code, name, service_names in DIRECTORATES:
        directorate = Directorate.objects.filter(code=code).first() or services.directorate_create(
            code=code, name=name
        )
        for service_name in service_names:
            if not Service.objects.filter(directorate=directorate, name=service_name).exists():
                services.service_create(directorate=directorate, name=service_name)

    accounts = []
    for username, first, last, title, role, code, description in ACCOUNTS:
        person = User.objects.filter(username=username).first()
        if person is None:
            person = services.person_create(
                username=username,
                password=password,
                first_name=first,
                last_name=last,
                email=f"{username}@midshire.example",
                job_title=title,
            )
        directorate = Directorate.objects.get(code=code) if code else None
        if not Membership.objects.filter(
            person=person, role=role, directorate=directorate
        ).exists():
            services.membership_create(person=person, role=role, directorate=directorate)
        accounts.append(DemoAccount(username, description))
    return accounts
