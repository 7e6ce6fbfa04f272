"""The performance pages of the quarterly cycle, as each role sees them."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.organisation.models import Directorate
from scorecard.performance import services
from scorecard.performance.choices import Unit, WorkflowState
from scorecard.performance.models import Measurement

from .factories import DirectorateFactory, IndicatorFactory, MeasurementFactory, TargetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def asc(demo):
    return Directorate.objects.get(code="ASC")


@pytest.fixture
def quarter(demo):
    services.reporting_period_open(period="2017/18-Q2", by=demo["admin"])
    return "2017/18-Q2"


@pytest.fixture
def indicator(asc, demo):
    """A percentage of Adult Services, higher is better, target 90 (red below 81)."""
    indicator = IndicatorFactory(
        code="ASC-T1",
        title="Older people helped to live at home",
        directorate=asc,
        unit=Unit.PERCENTAGE,
        owner=demo["admin"],
        definition="People aged 65+ still at home 91 days after discharge.",
    )
    TargetFactory(indicator=indicator, period="2017/18", value=90)
    return indicator


def edit_url(indicator, period="2017-18-Q2"):
    return reverse("performance:measurement_edit", kwargs={"pk": indicator.pk, "period": period})


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def post_value(client, indicator, action="submit", version=0, **fields):
    data = {"value": "", "commentary": "", "improvement_actions": "", "data_quality": "final"}
    data.update(fields, action=action, version=version)
    return client.post(edit_url(indicator), data)


# --- My updates ----------------------------------------------------------------------------------


def test_my_updates_lists_what_is_due_from_the_editor_and_not_other_directorates(
    client, demo, quarter, indicator
):
    IndicatorFactory(code="OTHER-1", title="Potholes filled", directorate=DirectorateFactory())
    client.force_login(demo["editor"])
    page = text(client.get(reverse("performance:my_updates")))
    assert "My updates for Quarter Two 2017/18" in page
    assert "ASC-T1 Older people helped to live at home" in page
    assert "Not started" in page
    assert "Overdue" in page  # the deadline, 30 October 2017, has passed
    assert "Potholes filled" not in page


def test_my_updates_shows_the_reason_a_value_was_returned(client, demo, quarter, indicator):
    m = services.measurement_save(
        indicator=indicator, period=quarter, by=demo["editor"], expected_version=0,
        submit=True, value="95",
    )  # fmt: skip
    services.measurement_return(
        measurement=m, by=demo["admin"], reason="Use the ASCOF figure.", expected_version=m.version
    )
    client.force_login(demo["editor"])
    page = text(client.get(reverse("performance:my_updates")))
    assert "Returned for changes" in page
    assert "Use the ASCOF figure." in page


def test_my_updates_without_an_open_quarter_says_so(client, demo, indicator):
    client.force_login(demo["editor"])
    assert "No quarter is open for updates yet" in text(
        client.get(reverse("performance:my_updates"))
    )


# --- the update form --------------------------------------------------------------------------------


def test_a_red_value_without_commentary_is_refused_and_what_was_typed_is_kept(
    client, demo, quarter, indicator
):
    client.force_login(demo["editor"])
    response = post_value(client, indicator, value="62.5")
    assert response.status_code == 200
    page = text(response)
    assert "<title>Error: ASC-T1 value for Quarter Two 2017/18" in page
    assert "There is a problem" in page
    assert 'href="#id_commentary"' in page and 'href="#id_improvement_actions"' in page
    assert "This value is red: explain in the commentary" in page
    assert 'value="62.5"' in page
    assert Measurement.objects.filter(indicator=indicator).count() == 0  # nothing written


def test_a_red_value_with_commentary_and_actions_is_submitted(client, demo, quarter, indicator):
    client.force_login(demo["editor"])
    response = post_value(
        client, indicator, value="62.5", commentary="Hospital discharges doubled.",
        improvement_actions="Reablement team expanded from November.",
    )  # fmt: skip
    assert response.status_code == 302
    m = Measurement.objects.get(indicator=indicator)
    assert (m.state, m.value, m.entered_by) == (
        WorkflowState.SUBMITTED,
        Decimal("62.5"),
        demo["editor"],
    )
    page = text(client.get(response["Location"]))
    assert "ASC-T1 Quarter Two 2017/18 submitted for approval." in page


def test_a_green_value_needs_no_commentary_and_a_draft_is_saved(client, demo, quarter, indicator):
    client.force_login(demo["editor"])
    assert post_value(client, indicator, action="save", value="50").status_code == 302
    assert Measurement.objects.get(indicator=indicator).state == WorkflowState.DRAFT
    response = post_value(client, indicator, value="93", version=1)
    assert response.status_code == 302
    assert Measurement.objects.get(indicator=indicator).state == WorkflowState.SUBMITTED


def test_the_form_previews_the_status_the_value_would_get(client, demo, quarter, indicator):
    client.force_login(demo["editor"])
    page = text(post_value(client, indicator, action="preview", value="62.5"))
    assert "Status this value would get" in page
    assert re.search(r"govuk-tag--red\">\s*Red", page)
    assert "against a target of 90" in page
    page = text(post_value(client, indicator, action="preview", value="88"))
    assert re.search(r"govuk-tag--orange\">\s*Amber", page)
    assert Measurement.objects.count() == 0


def test_a_value_that_is_not_a_number_is_named(client, demo, quarter, indicator):
    client.force_login(demo["editor"])
    page = text(post_value(client, indicator, value="ninety"))
    assert "Enter a number, like 95.5, not &#39;ninety&#39;." in page
    assert 'value="ninety"' in page


def test_the_second_of_two_editors_sees_the_other_change_and_loses_nothing(
    client, demo, quarter, indicator
):
    # Both open the empty form (version 0); the admin saves first.
    services.measurement_save(
        indicator=indicator, period=quarter, by=demo["admin"], expected_version=0, value="91",
        commentary="From the admin.",
    )  # fmt: skip
    client.force_login(demo["editor"])
    response = post_value(client, indicator, action="save", value="77", commentary="Mine.")
    page = text(response)
    assert response.status_code == 200
    assert "Changed since you opened it" in page
    assert "From the admin." in page  # the other change, shown
    assert 'value="77"' in page and "Mine." in page  # what the editor typed, kept
    assert Measurement.objects.get(indicator=indicator).value == Decimal("91")
    # Saving again, having seen the change, goes through.
    assert post_value(client, indicator, action="save", value="77", version=1).status_code == 302
    assert Measurement.objects.get(indicator=indicator).value == Decimal("77")


def test_an_editor_cannot_update_another_directorates_indicator(client, demo, quarter):
    other = IndicatorFactory(directorate=DirectorateFactory())
    client.force_login(demo["editor"])
    assert client.get(edit_url(other)).status_code == 403
    assert post_value(client, other, value="1").status_code == 403
    assert not Measurement.objects.exists()


def test_a_named_updater_may_update_their_indicator(client, demo, quarter):
    from .factories import UserFactory

    updater = UserFactory(username="pat")
    from scorecard.organisation.services import membership_create

    membership_create(person=updater, role="indicator_updater", directorate=None)
    mine = IndicatorFactory(directorate=DirectorateFactory())
    mine.updaters.add(updater)
    not_mine = IndicatorFactory(directorate=mine.directorate)
    client.force_login(updater)
    assert client.get(edit_url(mine)).status_code == 200
    assert client.get(edit_url(not_mine)).status_code == 403


# --- approval --------------------------------------------------------------------------------------------


@pytest.fixture
def submitted(demo, quarter, indicator):
    return services.measurement_save(
        indicator=indicator, period=quarter, by=demo["editor"], expected_version=0, submit=True,
        value="62.5", commentary="Discharges doubled.", improvement_actions="More reablement.",
    )  # fmt: skip


def test_the_admin_approves_from_the_queue(client, demo, submitted):
    client.force_login(demo["admin"])
    page = text(client.get(reverse("performance:approvals")))
    assert "ASC-T1 Older people helped to live at home" in page
    review = reverse("performance:measurement_review", args=[submitted.pk])
    page = text(client.get(review))
    assert "Discharges doubled." in page and re.search(r"govuk-tag--red\">\s*Red", page)
    assert "Against a target of 90.0%" in page  # what the red was rated against
    response = client.post(review, {"decision": "approve", "version": submitted.version})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert (submitted.state, submitted.reviewed_by) == (WorkflowState.APPROVED, demo["admin"])


def test_returning_needs_a_reason(client, demo, submitted):
    client.force_login(demo["admin"])
    review = reverse("performance:measurement_review", args=[submitted.pk])
    response = client.post(
        review, {"decision": "return", "version": submitted.version, "reason": ""}
    )
    page = text(response)
    assert "<title>Error: Review" in page
    assert "Say why the value is returned" in page
    submitted.refresh_from_db()
    assert submitted.state == WorkflowState.SUBMITTED


def test_the_editor_who_submitted_cannot_approve(client, demo, submitted):
    client.force_login(demo["editor"])
    assert "Nothing is waiting for your approval" in text(
        client.get(reverse("performance:approvals"))
    )
    review = reverse("performance:measurement_review", args=[submitted.pk])
    assert client.post(review, {"decision": "approve", "version": 2}).status_code == 403


# --- the indicator page ----------------------------------------------------------------------------------


def test_the_indicator_page_shows_status_trend_commentary_and_history(client, demo, submitted):
    services.measurement_approve(
        measurement=submitted, by=demo["admin"], expected_version=submitted.version
    )
    MeasurementFactory(indicator=submitted.indicator, period="2017/18-Q1", value=92)
    client.force_login(demo["reader"])
    page = text(client.get(reverse("performance:indicator", args=[submitted.indicator_id])))
    assert "People aged 65+ still at home" in page
    assert re.search(
        r"Quarter Two 2017/18</td> <td class=\"govuk-table__cell\">\s*<strong class=\"govuk-tag govuk-tag--red\">\s*Red",
        page,
    )
    assert "<svg" in page and 'role="img"' in page
    assert "2 values from Q1 2017/18 (92) to Q2 2017/18 (62.5); latest target 90." in page
    assert "Discharges doubled." in page and "More reablement." in page
    # History: who changed what, old -> new.
    assert "Erin Shaw" in page and "Alex Morgan" in page
    assert "Change the indicator" not in page  # a reader reads
    assert "Submitted for approval" not in page  # a reader's history holds approved values only
    client.force_login(demo["editor"])
    page = text(client.get(reverse("performance:indicator", args=[submitted.indicator_id])))
    assert "Submitted for approval → Approved" in page


def test_admin_adds_an_indicator_and_bad_input_keeps_what_was_typed(client, demo, asc):
    client.force_login(demo["admin"])
    data = {
        "code": "NEW1", "title": "", "directorate": asc.pk, "unit": "number", "decimals": "1",
        "polarity": "higher", "frequency": "quarterly", "due_quarter": "4",
        "aggregation": "latest", "target_basis": "period",
    }  # fmt: skip
    page = text(client.post(reverse("performance:indicator_create"), data))
    assert "<title>Error: Add an indicator" in page and 'href="#id_title"' in page
    assert 'value="NEW1"' in page
    data["title"] = "Carers assessed"
    data["updaters"] = [demo["editor"].pk]
    response = client.post(reverse("performance:indicator_create"), data)
    assert response.status_code == 302
    page = text(client.get(response["Location"]))
    assert "Carers assessed" in page


def test_admin_sets_a_target(client, demo, indicator):
    client.force_login(demo["admin"])
    url = reverse("performance:target_set", args=[indicator.pk])
    page = text(client.post(url, {"period": "2018/19", "value": "lots"}))
    assert "Enter a number" in page and 'value="lots"' in page
    assert client.post(url, {"period": "2018/19", "value": "92"}).status_code == 302
    assert indicator.targets.get(period="2018/19").value == 92


# --- periods ----------------------------------------------------------------------------------------------


def test_admin_opens_a_quarter_and_a_wrong_one_is_named(client, demo):
    client.force_login(demo["admin"])
    url = reverse("performance:periods")
    page = text(client.post(url, {"period": "Quarter Nine"}))
    assert "<title>Error: Reporting periods" in page and 'href="#id_period"' in page
    assert 'value="Quarter Nine"' in page
    response = client.post(url, {"period": "2017/18-Q3"})
    assert response.status_code == 302
    assert "Quarter Three 2017/18 is open for updates." in text(client.get(url))
    assert "is already open" in text(client.post(url, {"period": "2017/18-Q3"}))
    assert reverse("reporting:period_lock", kwargs={"period": "2017/18-Q3"}) in text(
        client.get(url)
    )


# --- bounded queries --------------------------------------------------------------------------------------


def _indicators(n, asc, demo):
    for _ in range(n):
        i = IndicatorFactory(directorate=asc, owner=demo["admin"])
        i.updaters.add(demo["editor"])
        MeasurementFactory(indicator=i, state=WorkflowState.SUBMITTED, entered_by=demo["editor"])


@pytest.mark.parametrize(
    "name,user",
    [
        ("performance:index", "reader"),
        ("performance:my_updates", "editor"),
        ("performance:approvals", "admin"),
    ],
)
def test_list_pages_run_the_same_queries_for_5_and_50_indicators(
    client, demo, asc, quarter, django_assert_num_queries, name, user
):
    client.force_login(demo[user])
    _indicators(5, asc, demo)
    client.get(reverse(name))  # warm the session and the organisation settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(name)).status_code == 200
    _indicators(45, asc, demo)
    with django_assert_num_queries(len(few)):
        response = client.get(reverse(name))
    assert response.status_code == 200
    # 15: the list also asks whether the person may key in or approve any value (the links), and
    # whether the open quarter has a value yet (else it opens on the latest locked one).
    assert len(few) <= 15, "\n".join(q["sql"][:150] for q in few.captured_queries)


def test_the_indicator_page_runs_the_same_queries_however_long_its_history(client, demo):
    """Eight locked quarterly values or thirty-two: the same number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from scorecard.core.periods import Period
    from scorecard.performance.choices import PeriodState

    indicator = IndicatorFactory(directorate=Directorate.objects.get(code="ASC"))
    client.force_login(demo["admin"])
    counts = []
    for years in [range(2015, 2017), range(2009, 2015)]:
        for quarter in [q for y in years for q in Period.financial_year(y).quarters()]:
            MeasurementFactory(indicator=indicator, period=quarter.key, value=90 + quarter.number)
            services.reporting_period_set_state(
                period=quarter.key, state=PeriodState.LOCKED, by=demo["admin"]
            )
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("performance:indicator", args=[indicator.pk]))
        assert page.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
