"""A council's own risk register through the column-matching page: likelihood and impact as the
matrix's words, the council's own categories and registers, another scale's numbers, and scores
the file gives. The Fenland register goes in exactly as it is in the repository."""

import csv

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scorecard.core import heatmap
from scorecard.interchange.importer import Outcome
from scorecard.interchange.importer.risks import CREATE_NAMED
from scorecard.interchange.models import Job
from scorecard.organisation.models import Directorate
from scorecard.risks import selectors
from scorecard.risks.models import Register, Risk, RiskCategory

pytestmark = pytest.mark.django_db

FENLAND = "fenland_risk_register/fenland_corporate_risk_register_2019-07.csv"

# A project team's register as it keeps it: its own words, categories and a register column.
HEADERS = (
    "Ref,Risk,Category,Register,Owner,Likelihood (before),Impact (before),Likelihood,Impact,Score"
)
OWN_REGISTER = [
    HEADERS,
    "P1,Planning appeal lost,Planning,Leisure Centre Project,Ann Example,Likely,Major,Possible,Major,12",
    "P2,New building regulations,Legislation,Leisure Centre Project,Ann Example,Almost certain,Severe,Likely,Moderate,12",
    "P3,Contractor fails,Procurement,Leisure Centre Project,Ann Example,4,5,3,4,20",
    "P4,Budget overrun,financial,Leisure Centre Project,Ann Example,Very likely,High,unlikely,minor,2",
]  # fmt: skip
OWN_COLUMNS = {
    "reference": "Ref", "title": "Risk", "category": "Category", "register": "Register",
    "owner": "Owner", "inherent_likelihood": "Likelihood (before)",
    "inherent_impact": "Impact (before)", "current_likelihood": "Likelihood",
    "current_impact": "Impact", "current_score": "Score",
}  # fmt: skip


def upload(client, name: str, data: bytes) -> Job:
    response = client.post(
        reverse("interchange:index"), {"file": SimpleUploadedFile(name, data, "text/csv")}
    )
    job = Job.objects.latest("pk")
    assert response.status_code == 302 and response["Location"] == reverse(
        "interchange:mapping", args=[job.pk]
    )
    return job


def match(client, job: Job, columns: dict, fixed: dict = (), **choices) -> Outcome:
    """The matching page's choices, as a person makes them; the preview's outcome."""
    data = {"kind": "risks"} | {f"col_{k}": v for k, v in columns.items()}
    data |= {f"fixed_{k}": v for k, v in dict(fixed).items()}
    data |= {k: ("on" if v is True else v) for k, v in choices.items()}
    response = client.post(reverse("interchange:mapping", args=[job.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    job.refresh_from_db()
    return Outcome.from_dict(job.result)


def confirm(client, job: Job) -> Outcome:
    client.post(reverse("interchange:job_confirm", args=[job.pk]))
    job.refresh_from_db()
    assert job.state == Job.State.DONE
    return Outcome.from_dict(job.result)


def own_file(lines=OWN_REGISTER) -> bytes:
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def admin_client(client, council):
    client.force_login(council["admin"])
    return client


def test_the_councils_own_words_categories_and_register_go_in_when_ticked(admin_client):
    # A project team's first register: none in the system yet.
    Register.objects.filter(parent__isnull=False).delete()
    Register.objects.all().delete()
    job = upload(admin_client, "leisure-centre-risks.csv", own_file())
    preview = match(admin_client, job, OWN_COLUMNS, create_named=True)
    assert [str(p) for p in preview.problems] == []
    # Listed before anything is written.
    named = {(c["sheet"], c["label"]) for c in preview.changes if c["row"] is None}
    assert named == {
        ("Risk categories", "Planning"),
        ("Risk categories", "Legislation"),
        ("Risk categories", "Procurement"),
        ("Registers", "Leisure Centre Project (a corporate register)"),
        ("People", "Ann Example (cannot sign in)"),
    }
    assert not RiskCategory.objects.filter(name="Planning").exists()
    assert not Risk.objects.exists()

    done = confirm(admin_client, job)
    assert done.counts["Risks"]["created"] == 4
    ratings = {
        r.reference: (r.category.name, r.inherent_likelihood, r.inherent_impact,
                      r.current_likelihood, r.current_impact)
        for r in Risk.objects.select_related("category")
    }  # fmt: skip
    assert ratings == {
        "P1": ("Planning", 4, 4, 3, 4),
        "P2": ("Legislation", 5, 5, 4, 3),
        "P3": ("Procurement", 4, 5, 3, 4),
        "P4": ("Financial", 5, 4, 2, 2),  # "financial" is the standard category's code
    }
    assert Register.objects.get(name="Leisure Centre Project").risks.count() == 4
    # Row 4's score, 20, is not its likelihood 3 x impact 4: flagged, the register keeps 12.
    assert [str(n) for n in preview.notices] == [
        "leisure-centre-risks, row 4, column Score: Risk P3's current score is 20 in the file, "
        "but its likelihood 3 x impact 4 is 12: the register keeps 12."
    ]
    assert Risk.objects.get(reference="P3").current_score == 12


def test_without_the_choice_each_unknown_category_is_one_message_with_its_rows(
    admin_client, council
):
    lines = [*OWN_REGISTER[:3], OWN_REGISTER[3].replace("Procurement", "Planning")]
    lines = [line.replace("Leisure Centre Project", "Corporate Risk Register") for line in lines]
    job = upload(admin_client, "own.csv", own_file(lines))
    outcome = match(admin_client, job, OWN_COLUMNS)
    # Every problem of the rows: the owners not in the system too (no choice to add them).
    assert [str(p) for p in outcome.problems] == [
        "own, row 2, column Owner: Nobody called 'Ann Example' can sign in: give a username, "
        "email or full name of a person in the system (also rows 3 and 4).",
        "own, column Category: There is no risk category 'Planning' (rows 2, 4): add it under "
        f"Risk categories, or tick '{CREATE_NAMED}' on the column-matching page.",
        "own, column Category: There is no risk category 'Legislation' (row 3): add it under "
        f"Risk categories, or tick '{CREATE_NAMED}' on the column-matching page.",
    ]
    assert not Risk.objects.exists() and not RiskCategory.objects.filter(name="Planning").exists()


def test_a_register_the_file_names_is_added_as_the_kind_chosen(admin_client):
    job = upload(admin_client, "own.csv", own_file())
    outcome = match(admin_client, job, OWN_COLUMNS)  # not ticked: said once, with its rows
    assert (
        "own, column Register: There is no risk register 'Leisure Centre Project' (rows 2, 3, 4, "
        f"5): add it under Risk registers, or tick '{CREATE_NAMED}' on the column-matching page "
        "and choose what it is added as."
    ) in [str(p) for p in outcome.problems]
    # The council has its corporate register: a second one is refused, with the way out.
    outcome = match(admin_client, job, OWN_COLUMNS, create_named=True)
    assert [str(p) for p in outcome.problems] == [
        "own, row 2, column Register: The council has its corporate register already: choose "
        "to add Leisure Centre Project as a directorate's or a project's register, or add it "
        "on the Risk registers page (also rows 3, 4 and 5)."
    ]
    assert not Register.objects.filter(name="Leisure Centre Project").exists()

    directorate = Directorate.objects.filter(is_archived=False).order_by("code").first()
    kind = f"project:{directorate.code}"
    preview = match(admin_client, job, OWN_COLUMNS, create_named=True, register_kind=kind)
    assert [str(p) for p in preview.problems] == []
    named = {c["label"] for c in preview.changes if c["sheet"] == "Registers"}
    assert named == {
        f"Leisure Centre Project (a project or programme register of {directorate.name})"
    }
    assert not Register.objects.filter(name="Leisure Centre Project").exists()
    confirm(admin_client, job)
    register = Register.objects.get(name="Leisure Centre Project")
    assert (register.kind, register.directorate, register.parent.kind) == (
        "project",
        directorate,
        "corporate",
    )
    assert register.risks.count() == 4


def test_a_word_that_is_not_on_the_matrix_is_refused_with_its_row_and_column(admin_client):
    lines = [*OWN_REGISTER[:2], OWN_REGISTER[2].replace("Almost certain", "Posible")]
    lines = [line.replace("Leisure Centre Project", "Corporate Risk Register") for line in lines]
    job = upload(admin_client, "own.csv", own_file(lines))
    outcome = match(admin_client, job, OWN_COLUMNS, create_named=True)
    assert [str(p) for p in outcome.problems] == [
        "own, row 3, column Likelihood (before): 'Posible' is not a likelihood of the risk "
        "matrix: give a number from 1 to 5 or one of Rare, Unlikely, Possible, Likely, "
        "Almost certain."
    ]
    assert not Risk.objects.exists()


THREE_POINT = [
    "ID,Title,L,I,Current L,Current I",
    "T1,Low risk,1,1,1,1",
    "T2,Middle risk,2,3,2,2",
    "T3,High risk,3,3,3,2",
]
THREE_COLUMNS = {
    "reference": "ID", "title": "Title", "inherent_likelihood": "L", "inherent_impact": "I",
    "current_likelihood": "Current L", "current_impact": "Current I",
}  # fmt: skip
THREE_FIXED = {
    "register": "Corporate Risk Register",
    "category": "strategic",
    "owner": "Ann Example",
}


def test_a_three_point_scale_is_placed_on_the_five_by_five_matrix_when_chosen(admin_client):
    job = upload(admin_client, "three.csv", own_file(THREE_POINT))
    as_matrix = match(admin_client, job, THREE_COLUMNS, THREE_FIXED, create_named=True)
    assert as_matrix.ok  # without the choice, 1 to 3 are read as the matrix's 1 to 3
    job = upload(admin_client, "three.csv", own_file(THREE_POINT))
    preview = match(
        admin_client, job, THREE_COLUMNS, THREE_FIXED, level_scale="3", create_named=True
    )
    assert preview.ok
    confirm(admin_client, job)
    stored = {
        r.reference: (r.inherent_likelihood, r.inherent_impact, r.current_likelihood, r.current_impact)
        for r in Risk.objects.all()
    }  # fmt: skip
    assert stored == {"T1": (1, 1, 1, 1), "T2": (3, 5, 3, 3), "T3": (5, 5, 5, 3)}


def test_a_number_off_the_chosen_scale_or_the_matrix_is_refused_with_row_and_column(admin_client):
    lines = [*THREE_POINT[:2], "T2,Middle risk,4,3,2,2"]
    job = upload(admin_client, "three.csv", own_file(lines))
    outcome = match(
        admin_client, job, THREE_COLUMNS, THREE_FIXED, level_scale="3", create_named=True
    )
    assert [str(p) for p in outcome.problems] == [
        "three, row 3, column L: 4 is not on the file's scale of 1 to 3."
    ]
    lines = [*THREE_POINT[:2], "T2,Middle risk,7,3,2,2"]
    job = upload(admin_client, "three.csv", own_file(lines))
    outcome = match(admin_client, job, THREE_COLUMNS, THREE_FIXED, create_named=True)
    assert [(p.row, p.column) for p in outcome.problems] == [(3, "L")]
    assert not Risk.objects.exists()


def rows_of(path):
    with path.open(encoding="utf-8") as source:
        return list(csv.DictReader(source))


def test_the_fenland_register_as_it_is_through_the_page_and_its_heat_map(
    admin_client, realdata_dir
):
    """The file as it is in the repository, and only the page's choices: its columns, the
    register and category for every row, and adding the owners it names."""
    path = realdata_dir / FENLAND
    job = upload(admin_client, path.name, path.read_bytes())
    columns = {
        "reference": "ref", "title": "risk", "consequence": "effects", "owner": "owner",
        "inherent_impact": "inherent_impact", "inherent_likelihood": "inherent_likelihood",
        "inherent_score": "inherent_score", "current_impact": "current_impact",
        "current_likelihood": "current_likelihood", "current_score": "current_score",
        "controls": "mitigation",
    }  # fmt: skip
    fixed = {"register": "Corporate Risk Register", "category": "strategic"}
    fixed["identified_on"] = "01/07/2019"
    preview = match(admin_client, job, columns, fixed, create_named=True)
    assert [str(p) for p in preview.problems] == []
    assert preview.notices == []  # every printed score is impact x likelihood
    assert preview.counts["Risks"]["created"] == 20
    owners = {row["owner"] for row in rows_of(path)}
    assert preview.counts["People"]["created"] == len(owners)
    confirm(admin_client, job)

    rows = rows_of(path)
    register = Register.objects.get(name="Corporate Risk Register")
    printed = {
        r["ref"]: heatmap.parse_positions(r["heatmap_positions_likelihood_impact"]) for r in rows
    }
    findings = selectors.register_heat_map_check(register=register, printed=printed)
    assert [(f.reference, f.kind) for f in findings] == [
        ("4", "printed_more_than_once"),
        ("15", "wrong_cell"),
    ]
    rebuilt = selectors.risk_heat_map()
    assert rebuilt.total == 20
    for row in rows:
        risk = Risk.objects.get(reference=row["ref"])
        assert (risk.current_score, risk.inherent_score) == (
            int(row["current_score"]), int(row["inherent_score"])
        )  # fmt: skip
