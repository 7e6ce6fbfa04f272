"""The risk dashboard's heat map: each open risk once, in the cell of its latest review."""

import datetime as dt

import pytest

from scorecard.core.periods import parse
from scorecard.reporting import summary
from scorecard.reporting.risk_lines import risk_lines
from scorecard.reporting.selectors import matrix_data
from scorecard.risks import selectors, services
from tests.risks.factories import RegisterFactory, RiskFactory, UserFactory, default_matrix

pytestmark = pytest.mark.django_db

Q2 = parse("2017/18-Q2")


def test_a_risk_reviewed_three_times_sits_once_in_the_cell_of_its_latest_review():
    default_matrix()
    assessor = UserFactory(username="assessor")
    register = RegisterFactory(name="Adult Services")
    risk = RiskFactory(reference="CR1", register=register, current_likelihood=2, current_impact=2)
    RiskFactory(reference="CR2", register=register, current_likelihood=4, current_impact=3)
    # Reviewed at L2/I3 in June (Quarter One), then L3/I3 in August and L4/I3 in September.
    for day, likelihood in [(dt.date(2017, 6, 5), 2), (dt.date(2017, 8, 1), 3),
                            (dt.date(2017, 9, 20), 4)]:  # fmt: skip
        services.assessment_record(
            risk=risk, likelihood=likelihood, impact=3, commentary="Reviewed.",
            assessor=assessor, assessed_on=day,
        )  # fmt: skip
    matrix = selectors.risk_matrix_current()
    lines = risk_lines(period=Q2, matrix=matrix)
    assert sorted(line.reference for line in lines) == ["CR1", "CR2"]
    rows = summary.heat_map(lines, matrix_data(matrix))
    cells = {(c.likelihood, c.impact): c for row in rows for c in row}
    # CR1 (latest L4/I3) and CR2 (L4/I3, never reviewed) share one cell, each once.
    assert (cells[(4, 3)].count, cells[(4, 3)].references) == (2, ["CR1", "CR2"])
    assert sum(c.count for c in cells.values()) == 2
    # At the end of Quarter One CR1 sat in L2/I3; CR2 had no review then.
    assert cells[(2, 3)].previous == 1 and cells[(2, 3)].count == 0
