import datetime as dt
import io

import pytest
import xlsxwriter

from scorecard.organisation import services as organisation_services
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate, Membership, User
from scorecard.risks import services as risk_services
from scorecard.risks.choices import RegisterKind
from scorecard.risks.models import Register, RiskMatrix


def xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    """A real .xlsx workbook, written with xlsxwriter: {sheet name: rows, the first is the header}."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    date = workbook.add_format({"num_format": "dd/mm/yyyy"})
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, dt.date):
                    sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date)
                elif value is not None:
                    sheet.write(r, c, value)
    workbook.close()
    return output.getvalue()


def small_council() -> dict:
    """A council of our own (not the demo, which other parts of the product fill): three
    directorates, an administrator, an Adult Services editor and a reader."""
    organisation_services.organisation_settings_update(
        name="Testshire", financial_year_start_month=4
    )
    for code, name in [
        ("ASC", "Adult Services"),
        ("EI", "Economy and Infrastructure"),
        ("PH", "Public Health"),
    ]:
        if not Directorate.objects.filter(code=code).exists():
            organisation_services.directorate_create(code=code, name=name)
    people = {}
    for username, first, last, role, code in [
        ("admin", "Alex", "Morgan", Role.ADMINISTRATOR, None),
        ("editor", "Erin", "Shaw", Role.DIRECTORATE_EDITOR, "ASC"),
        ("reader", "Ruth", "Bennett", Role.READER, None),
    ]:
        person = User.objects.filter(
            username=username
        ).first() or organisation_services.person_create(
            username=username, password="scorecard-test", first_name=first, last_name=last
        )
        directorate = Directorate.objects.get(code=code) if code else None
        if not Membership.objects.filter(
            person=person, role=role, directorate=directorate
        ).exists():
            organisation_services.membership_create(
                person=person, role=role, directorate=directorate
            )
        people[username] = person
    return people


@pytest.fixture
def council(db):
    """Our small council with a current risk matrix and a corporate and an Adult Services register."""
    people = small_council()
    if not RiskMatrix.objects.filter(is_current=True).exists():
        risk_services.risk_matrix_create_default()
    corporate = Register.objects.filter(kind=RegisterKind.CORPORATE).first()
    corporate = corporate or risk_services.register_create(
        name="Corporate Risk Register", kind=RegisterKind.CORPORATE
    )
    if not Register.objects.filter(name="Adult Services Risk Register").exists():
        risk_services.register_create(
            name="Adult Services Risk Register",
            kind=RegisterKind.DIRECTORATE,
            directorate=Directorate.objects.get(code="ASC"),
            parent=corporate,
        )
    return people


INDICATORS = [
    ["Code", "Title", "Directorate", "Unit", "Polarity", "Frequency", "Owner"],
    ["ASC01", "Service users with a direct payment", "ASC", "percentage", "higher", "quarterly", "editor"],
    ["EI01", "Household waste per head (kg)", "Economy and Infrastructure", "number", "Lower is better", "quarterly", ""],
]  # fmt: skip
TARGETS = [["Indicator", "Period", "Value"], ["ASC01", "2017/18", 30], ["EI01", "2017/18", 450]]
MEASUREMENTS = [
    ["Indicator", "Period", "Value", "Commentary", "State"],
    ["ASC01", "2017/18-Q1", 28.5, "Up on last year.", "submitted"],
    ["ASC01", "2017/18-Q2", 29.1, "", "draft"],
    ["EI01", "2017/18-Q2", 118, "Seasonal peak.", "submitted"],
]


# The indicator's owner (the editor) approves the value the administrator's workbook submitted:
# whoever imports a value enters it, so someone else approves it.
APPROVAL = [["Indicator", "Period", "State"], ["ASC01", "2017/18-Q1", "approved"]]


@pytest.fixture
def performance_workbook() -> bytes:
    return xlsx({"Indicators": INDICATORS, "Targets": TARGETS, "Measurements": MEASUREMENTS})
