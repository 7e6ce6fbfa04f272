"""A rule of the quarterly cycle holds whichever way a change comes in: the web page, the API and
an import reach the same service, so each is refused with the same field named and nothing
written. (The API records values as drafts only, so it cannot submit a red value.)"""

import pytest
from django.urls import reverse

from scorecard.history import record_version
from scorecard.interchange.services import import_file
from scorecard.performance.choices import PeriodState, WorkflowState
from scorecard.performance.models import Measurement, ReportingPeriod
from scorecard.performance.services import indicator_create, reporting_period_set_state, target_set
from scorecard.risks.models import Assessment, Risk
from tests.api.clients import client_for

from .conftest import xlsx
from .test_import import RISKS

pytestmark = pytest.mark.django_db

REVIEW_SAID = "Say what has changed since the last review, and why."


@pytest.fixture
def red_indicator(council):
    from scorecard.organisation.models import Directorate

    indicator = indicator_create(
        code="ASC01", title="Direct payments", directorate=Directorate.objects.get(code="ASC"),
        unit="percentage", owner=council["editor"], updaters=[council["editor"]],
    )  # fmt: skip
    target_set(indicator=indicator, period="2017/18", value=90)
    return indicator


def imported(user, sheets: dict) -> list[str]:
    outcome = import_file(user=user, data=xlsx(sheets), filename="in.xlsx", dry_run=False)
    return [str(p) for p in outcome.problems]


@pytest.mark.parametrize("way_in", ["web", "import"])
def test_a_red_value_without_commentary_and_actions_is_not_submitted(
    client, council, red_indicator, way_in
):
    editor = council["editor"]
    if way_in == "web":
        client.force_login(editor)
        url = reverse(
            "performance:measurement_edit", kwargs={"pk": red_indicator.pk, "period": "2017-18-Q2"}
        )
        page = client.post(
            url,
            {"value": "62.5", "commentary": "", "improvement_actions": "", "data_quality": "final",
             "action": "submit", "version": 0},
        ).content.decode()  # fmt: skip
        assert "This value is red: explain in the commentary why it is off target." in page
        assert "This value is red: say what is being done to improve it." in page
    else:
        rows = [["Indicator", "Period", "Value", "Commentary", "State"],
                ["ASC01", "2017/18-Q2", 62.5, "", "submitted"]]  # fmt: skip
        assert imported(editor, {"Measurements": rows}) == [
            "Measurements, row 2, column Commentary: This value is red: explain in the "
            "commentary why it is off target.",
            "Measurements, row 2: This value is red: say what is being done to improve it.",
        ]
    assert not Measurement.objects.filter(state=WorkflowState.SUBMITTED).exists()


@pytest.fixture
def market(council):
    assert imported(council["admin"], {"Risks": RISKS}) == []
    return Risk.objects.get(reference="ASC-R1")


@pytest.mark.parametrize("way_in", ["web", "api", "import"])
def test_a_risk_review_without_commentary_is_refused(client, council, market, way_in):
    admin = council["admin"]
    before = Assessment.objects.count()
    if way_in == "web":
        client.force_login(admin)
        page = client.post(
            reverse("risks:review", kwargs={"pk": market.pk}),
            {"likelihood": 3, "impact": 4, "commentary": "  ", "version": record_version(market)},
        ).content.decode()
        assert REVIEW_SAID in page
    elif way_in == "api":
        api = client_for(admin)
        response = api.post(
            "/api/v1/assessments/",
            {"risk": "ASC-R1", "likelihood": 3, "impact": 4, "commentary": ""},
            format="json",
        )
        assert response.status_code == 400
        assert response.json() == {"commentary": [REVIEW_SAID]}
    else:
        rows = [["Risk", "Assessed on", "Likelihood", "Impact", "Commentary"],
                ["ASC-R1", market.identified_on, 3, 4, ""]]  # fmt: skip
        assert imported(admin, {"Assessments": rows}) == [
            f"Assessments, row 2, column Commentary: {REVIEW_SAID}"
        ]
    assert Assessment.objects.count() == before
    assert Risk.objects.get(pk=market.pk).current_score == 16


@pytest.mark.parametrize("way_in", ["web", "import"])
def test_a_locked_quarter_is_never_reopened(client, council, way_in):
    admin = council["admin"]
    reporting_period_set_state(period="2017/18-Q2", state=PeriodState.LOCKED, by=admin)
    said = "Quarter Two 2017/18 is locked: it cannot be reopened. Correct a published value by restating it."
    if way_in == "web":
        client.force_login(admin)
        page = client.post(reverse("performance:periods"), {"period": "2017/18-Q2"})
        assert said in page.content.decode()
    else:
        rows = [["Period", "State"], ["2017/18-Q2", "open"]]
        assert imported(admin, {"Periods": rows}) == [f"Periods, row 2, column Period: {said}"]
    assert ReportingPeriod.objects.get(period="2017/18-Q2").state == PeriodState.LOCKED


RESTATED_SAID = (
    "Only the performance team marks a value restated, by restating a published value with the "
    "reason."
)


@pytest.mark.parametrize("way_in", ["web", "api", "import"])
def test_nobody_marks_a_value_restated_outside_the_restatement(
    client, council, red_indicator, way_in
):
    editor = council["editor"]
    if way_in == "web":
        client.force_login(editor)
        url = reverse(
            "performance:measurement_edit", kwargs={"pk": red_indicator.pk, "period": "2017-18-Q2"}
        )
        assert 'value="restated"' not in client.get(url).content.decode()
        page = client.post(
            url,
            {"value": "95", "commentary": "", "improvement_actions": "", "action": "save",
             "data_quality": "restated", "version": 0},
        ).content.decode()  # fmt: skip
        assert "Select a valid choice. restated is not one of the available choices." in page
    elif way_in == "api":
        api = client_for(editor)
        response = api.post(
            "/api/v1/measurements/",
            {"indicator": "ASC01", "period": "2017/18-Q2", "value": 95, "data_quality": "restated"},
            format="json",
        )
        assert response.status_code == 400 and "data_quality" in response.json()
    else:
        rows = [["Indicator", "Period", "Value", "Data quality"],
                ["ASC01", "2017/18-Q2", 95, "restated"]]  # fmt: skip
        assert imported(editor, {"Measurements": rows}) == [
            f"Measurements, row 2, column Data quality: {RESTATED_SAID}"
        ]
    assert not Measurement.objects.exists()
