"""Acceptance on real data: Fenland District Council's corporate risk register, July 2019.

20 risks with inherent and current impact and likelihood, and the positions printed on
the residual (current) heat map of the committee paper. See tests/data/realdata/fenland_risk_register/README.md.
The source has two known slips, which the heat map check must find and nothing else:
risk 15 is printed in the impact-4 column though scored impact 3, and risk 4 is printed twice.
"""

import csv
import datetime as dt

import pytest
from django.utils.text import slugify

from scorecard.core import heatmap, scoring
from scorecard.risks import selectors, services
from scorecard.risks.choices import RiskCategory
from scorecard.risks.models import Risk

from .factories import UserFactory, corporate_register, default_matrix

pytestmark = pytest.mark.django_db

UPDATED_ON = dt.date(2019, 7, 1)  # "Corporate Risk Register - Updated July 2019"


@pytest.fixture
def rows(realdata_dir):
    path = realdata_dir / "fenland_risk_register" / "fenland_corporate_risk_register_2019-07.csv"
    with path.open(encoding="utf-8") as source:
        return list(csv.DictReader(source))


@pytest.fixture
def register(rows):
    """The register loaded through the services, as a risk officer would key it in."""
    default_matrix()
    corporate = corporate_register()
    for row in rows:
        # Joint owners ("Carol Pilson / Peter Catchpole", "CMT") become one owner account each.
        owner = UserFactory(username=slugify(row["owner"])[:150], first_name=row["owner"][:150])
        risk = services.risk_create(
            reference=row["ref"],
            title=row["risk"],
            consequence=row["effects"],
            category=RiskCategory.STRATEGIC,  # the source gives no category
            owner=owner,
            register=corporate,
            inherent_likelihood=int(row["inherent_likelihood"]),
            inherent_impact=int(row["inherent_impact"]),
            current_likelihood=int(row["current_likelihood"]),
            current_impact=int(row["current_impact"]),
            identified_on=UPDATED_ON,
        )
        services.control_create(risk=risk, description=row["mitigation"])
        services.assessment_record(
            risk=risk,
            likelihood=int(row["current_likelihood"]),
            impact=int(row["current_impact"]),
            assessor=owner,
            assessed_on=UPDATED_ON,
            commentary=row["comments"] or "Reviewed for the July 2019 register.",
        )
    return corporate


def printed_positions(rows) -> dict[str, list[heatmap.Position]]:
    return {
        row["ref"]: heatmap.parse_positions(row["heatmap_positions_likelihood_impact"])
        for row in rows
    }


def test_all_twenty_risks_load_and_every_score_is_impact_times_likelihood(rows, register):
    assert len(rows) == 20
    stored = {r.reference: r for r in selectors.risks_on_register(register=register)}
    assert sorted(stored) == sorted(row["ref"] for row in rows)
    for row in rows:
        risk = stored[row["ref"]]
        for stage in ("inherent", "current"):
            printed_score = int(row[f"{stage}_score"])
            impact, likelihood = int(row[f"{stage}_impact"]), int(row[f"{stage}_likelihood"])
            assert printed_score == impact * likelihood, (row["ref"], stage)
            assert getattr(risk, f"{stage}_score") == printed_score, (row["ref"], stage)
        assert risk.score == int(row["current_score"])  # the score computed in the database
        assessment = risk.assessments.get()
        assert assessment.score == int(row["current_score"])
        assert assessment.period == "2019/20-Q2"


def test_counts_by_band_follow_the_default_bands(rows, register):
    expected = {"red": 0, "amber": 0, "green": 0}
    for row in rows:
        score = int(row["current_score"])
        expected["green" if score <= 6 else "amber" if score <= 12 else "red"] += 1
    counts = selectors.risk_counts_by_band(risks=Risk.objects.filter(register=register))
    assert {c.band.key: c.count for c in counts} == expected
    inherent = selectors.risk_counts_by_band(basis="inherent")
    assert {c.band.key: c.count for c in inherent} == {"red": 20, "amber": 0, "green": 0}


def test_the_top_risks_follow_score_then_impact_then_likelihood(rows, register):
    expected = sorted(
        rows,
        key=lambda row: scoring.rank_key(
            risk_score=int(row["current_score"]),
            impact=int(row["current_impact"]),
            likelihood=int(row["current_likelihood"]),
            reference=row["ref"],
        ),
    )
    top = selectors.risks_top(limit=5)
    assert [r.reference for r in top] == [row["ref"] for row in expected[:5]]


def test_the_rebuilt_heat_map_matches_the_printed_one_except_risks_4_and_15(rows, register):
    rebuilt = selectors.risk_heat_map()
    printed = heatmap.references_by_cell(
        (ref, cell) for ref, cells in printed_positions(rows).items() for cell in cells
    )
    differing = set()
    for (likelihood, impact), cell in rebuilt.cells.items():
        on_paper = set(printed.get(heatmap.Position(likelihood, impact), []))
        assert cell.count == len(cell.references)  # counted in SQL, listed separately
        differing |= on_paper ^ set(cell.references)
    assert differing == {"4", "15"}  # every other risk sits exactly where it is printed
    assert rebuilt.total == 20


def test_the_consistency_check_flags_exactly_the_two_slips_in_the_source(
    rows, register, acceptance_figure
):
    findings = selectors.register_heat_map_check(register=register, printed=printed_positions(rows))
    assert [(f.reference, f.kind) for f in findings] == [
        ("4", "printed_more_than_once"),
        ("15", "wrong_cell"),
    ]
    twice, wrong = findings
    assert twice.scored == heatmap.Position(likelihood=3, impact=4)
    assert set(twice.printed) == {heatmap.Position(4, 3), heatmap.Position(3, 4)}
    assert wrong.message == (
        "Risk 15 is printed at likelihood 2 x impact 4, but the register rates it "
        "likelihood 2 x impact 3."
    )
    acceptance_figure(
        f"Fenland corporate risk register: {len(rows)} risks; heat map check: "
        + " ".join(f.message for f in findings)
    )
