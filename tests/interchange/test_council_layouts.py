"""The council's own spreadsheets, exactly as published, imported through a column mapping:
Hart District Council's KPI scorecard (two quarters) and Fenland District Council's risk register.
See tests/data/realdata/README.md."""

import csv
from decimal import Decimal

import pytest

from scorecard.interchange.mapping import signature
from scorecard.interchange.readers import read_file
from scorecard.interchange.selectors import import_layout_find
from scorecard.interchange.services import import_file, import_layout_save
from scorecard.organisation.services import directorate_create
from scorecard.performance.models import Indicator, Measurement, Target
from scorecard.risks.models import Control, Risk

pytestmark = pytest.mark.django_db

HART = "hart_dc_kpis/hart_kpis_2014-08-10.csv", "hart_dc_kpis/hart_kpis_2014-11-07.csv"
FENLAND = "fenland_risk_register/fenland_corporate_risk_register_2019-07.csv"
HART_COLUMNS = {
    "code": "kpi_ref",
    "title": "description",
    "value": "this_quarter",
    "target": "target",
    "commentary": "notes",
}


def rows_of(path):
    with path.open(encoding="utf-8") as source:
        return list(csv.DictReader(source))


def hart_layout(user, data, period, **extra):
    headers = read_file(data, "hart.csv")[0].headers
    return import_layout_save(
        user=user, headers=headers, name="hart.csv", kind="performance",
        mapping={**HART_COLUMNS, **extra}, fixed={"directorate": "HART", "period": period},
    )  # fmt: skip


def test_hart_two_quarters_import_through_a_remembered_mapping(council, realdata_dir):
    admin = council["admin"]
    directorate_create(code="HART", name="Hart District Council services")
    q1_path, q2_path = (realdata_dir / name for name in HART)
    q1 = q1_path.read_bytes()
    layout = hart_layout(admin, q1, "2014/15-Q1")
    outcome = import_file(user=admin, data=q1, filename=q1_path.name, dry_run=False, layout=layout)
    assert [str(p) for p in outcome.problems] == []
    source = rows_of(q1_path)
    assert Indicator.objects.count() == len(source) == 45
    for row in source:
        measurement = Measurement.objects.get(indicator__code=row["kpi_ref"], period="2014/15-Q1")
        assert measurement.value == Decimal(row["this_quarter"])
        assert measurement.commentary == row["notes"].strip()  # the file has trailing spaces
        assert Target.objects.get(indicator__code=row["kpi_ref"]).value == Decimal(row["target"])

    # The second quarter's file has the same columns: its layout is found and reused.
    q2 = q2_path.read_bytes()
    remembered = import_layout_find(signature=signature(read_file(q2, q2_path.name)[0].headers))
    assert remembered == layout
    remembered = hart_layout(admin, q2, "2014/15-Q2")
    outcome = import_file(
        user=admin, data=q2, filename=q2_path.name, dry_run=False, layout=remembered
    )
    assert [str(p) for p in outcome.problems] == []
    assert outcome.counts["Indicators"]["created"] == 0
    assert outcome.counts["Measurements"]["created"] == 45
    for row in rows_of(q2_path):
        value = Measurement.objects.get(indicator__code=row["kpi_ref"], period="2014/15-Q2").value
        assert value == Decimal(row["this_quarter"])

    again = import_file(
        user=admin, data=q2, filename=q2_path.name, dry_run=False, layout=remembered
    )
    assert again.totals() == {"created": 0, "changed": 0, "unchanged": 3 * 45}


def test_hart_units_show_the_real_files_negative_percentage_and_write_nothing(
    council, realdata_dir
):
    """SNH02 is a '% Reduction' that went up: with the unit column mapped it is a percentage
    below zero, refused with its row and the council's own column name."""
    admin = council["admin"]
    directorate_create(code="HART", name="Hart District Council services")
    path = realdata_dir / HART[1]
    data = path.read_bytes()
    layout = hart_layout(admin, data, "2014/15-Q2", unit="unit_suffix")
    outcome = import_file(user=admin, data=data, filename=path.name, dry_run=False, layout=layout)
    source = rows_of(path)
    negative = [
        n
        for n, row in enumerate(source, start=2)
        if row["unit_suffix"] == "%" and Decimal(row["this_quarter"]) < 0
    ]
    assert negative and [p.row for p in outcome.problems] == negative
    problem = outcome.problems[0]
    assert (problem.sheet, problem.column) == (path.stem, "this_quarter")
    assert "A percentage must be between 0 and 100" in problem.message
    assert Indicator.objects.count() == 0


def test_fenland_register_imports_with_its_owners_and_controls(council, realdata_dir):
    admin = council["admin"]
    path = realdata_dir / FENLAND
    data = path.read_bytes()
    headers = read_file(data, path.name)[0].headers
    layout = import_layout_save(
        user=admin, headers=headers, name=path.name, kind="risks",
        mapping={
            "reference": "ref", "title": "risk", "consequence": "effects", "owner": "owner",
            "inherent_impact": "inherent_impact", "inherent_likelihood": "inherent_likelihood",
            "current_impact": "current_impact", "current_likelihood": "current_likelihood",
            "controls": "mitigation",
        },
        fixed={"register": "Corporate Risk Register", "category": "strategic", "identified_on": "01/07/2019"},
        options={"create_people": True},
    )  # fmt: skip
    outcome = import_file(user=admin, data=data, filename=path.name, dry_run=False, layout=layout)
    assert [str(p) for p in outcome.problems] == []
    source = rows_of(path)
    assert Risk.objects.count() == len(source) == 20
    for row in source:
        risk = Risk.objects.get(reference=row["ref"])
        assert risk.inherent_score == int(row["inherent_score"])
        assert risk.current_score == int(row["current_score"])
        assert risk.owner.get_full_name() == row["owner"]
        assert Control.objects.get(risk=risk).description == row["mitigation"]
    again = import_file(user=admin, data=data, filename=path.name, dry_run=False, layout=layout)
    assert again.totals()["created"] == again.totals()["changed"] == 0


def test_without_creating_people_unknown_owners_are_named(council, realdata_dir):
    admin = council["admin"]
    path = realdata_dir / FENLAND
    data = path.read_bytes()
    headers = read_file(data, path.name)[0].headers
    layout = import_layout_save(
        user=admin, headers=headers, name=path.name, kind="risks",
        mapping={"reference": "ref", "title": "risk", "owner": "owner",
                 "inherent_impact": "inherent_impact", "inherent_likelihood": "inherent_likelihood",
                 "current_impact": "current_impact", "current_likelihood": "current_likelihood"},
        fixed={"register": "Corporate Risk Register", "category": "strategic"},
    )  # fmt: skip
    outcome = import_file(user=admin, data=data, filename=path.name, dry_run=False, layout=layout)
    first = rows_of(path)[0]
    assert str(outcome.problems[0]) == (  # the same owner owns row 20's risk: said once
        f"{path.stem}, row 2, column owner: Nobody called '{first['owner']}' can sign in: give a "
        "username, email or full name of a person in the system (also row 20)."
    )
    assert Risk.objects.count() == 0


def test_a_mapping_marks_every_rows_commentary_internal_when_asked(council, realdata_dir):
    admin = council["admin"]
    directorate_create(code="HART", name="Hart District Council services")
    path = realdata_dir / HART[0]
    data = path.read_bytes()
    layout = import_layout_save(
        user=admin, headers=read_file(data, "hart.csv")[0].headers, name="hart.csv",
        kind="performance", mapping=HART_COLUMNS,
        fixed={"directorate": "HART", "period": "2014/15-Q1", "commentary_is_internal": "Yes"},
    )  # fmt: skip
    outcome = import_file(user=admin, data=data, filename=path.name, dry_run=False, layout=layout)
    assert [str(p) for p in outcome.problems] == []
    values = Measurement.objects.filter(period="2014/15-Q1")
    assert values.count() == 45
    assert not values.filter(commentary_is_internal=False).exists()
