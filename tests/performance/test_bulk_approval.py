"""Approving several values at once from the queue: each is its own approval in the history,
and a row the person may not approve is refused by name while the others go through."""

import re

import lxml.html
import pytest
from django.urls import reverse

from scorecard.organisation.models import Directorate
from scorecard.performance import services
from scorecard.performance.choices import Unit, WorkflowState
from scorecard.performance.models import Measurement

from .factories import IndicatorFactory, TargetFactory

pytestmark = pytest.mark.django_db

QUARTER = "2017/18-Q2"


def indicator(code: str):
    made = IndicatorFactory(
        code=code,
        title=f"Indicator {code}",
        directorate=Directorate.objects.get(code="ASC"),
        unit=Unit.PERCENTAGE,
        owner=None,
    )
    TargetFactory(indicator=made, period="2017/18", value=90)
    return made


def submit(person, code: str) -> Measurement:
    return services.measurement_save(
        indicator=indicator(code), period=QUARTER, by=person, expected_version=0, submit=True,
        value="95", commentary="On target.",
    )  # fmt: skip


@pytest.fixture
def five(demo):
    """Five values of Adult Services submitted by the editor."""
    services.reporting_period_open(period=QUARTER, by=demo["admin"])
    return [submit(demo["editor"], f"BA{n}") for n in range(1, 6)]


def ticked(values) -> dict:
    return {"chosen": [f"{m.pk}:{m.version}" for m in values]}


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode()).replace("&#39;", "'")


QUEUE = reverse("performance:approvals")


def test_five_ticked_values_leave_five_approvals_in_the_history(client, demo, five):
    admin = demo["admin"]
    client.force_login(admin)
    page = text(client.get(QUEUE))
    for m in five:
        assert f'value="{m.pk}:{m.version}"' in page
    response = client.post(QUEUE, ticked(five), follow=True)
    assert (
        "5 values approved: BA1 2017/18-Q2, BA2 2017/18-Q2, BA3 2017/18-Q2, BA4 2017/18-Q2, BA5 2017/18-Q2."
        in text(response)
    )
    assert "Nothing is waiting for your approval." in text(response)
    approvals = Measurement.history.filter(
        id__in=[m.pk for m in five], state=WorkflowState.APPROVED
    )
    assert approvals.count() == 5
    assert {r.id for r in approvals} == {m.pk for m in five}  # one approval each
    assert {r.history_user_id for r in approvals} == {admin.pk}
    for m in five:
        m.refresh_from_db()
        assert (m.state, m.reviewed_by, m.version) == (WorkflowState.APPROVED, admin, 3)


def test_ones_own_value_is_refused_by_name_and_the_others_are_approved(client, demo, five):
    admin = demo["admin"]
    own = submit(admin, "BA6")
    client.force_login(admin)
    assert f'value="{own.pk}:' not in text(client.get(QUEUE))  # not offered to tick
    response = client.post(QUEUE, ticked([five[0], own, five[1]]), follow=True)
    page = text(response)
    assert "2 values approved: BA1 2017/18-Q2, BA2 2017/18-Q2." in page
    assert (
        "1 value not approved. BA6 2017/18-Q2: You entered this value, so someone else must "
        "approve it: a performance administrator." in page
    )
    own.refresh_from_db()
    assert own.state == WorkflowState.SUBMITTED
    assert not Measurement.history.filter(id=own.pk, state=WorkflowState.APPROVED).exists()
    assert Measurement.objects.filter(state=WorkflowState.APPROVED).count() == 2


def test_a_value_changed_since_the_queue_was_shown_is_refused_by_name(client, demo, five):
    first = five[0]
    services.measurement_return(
        measurement=first, by=demo["admin"], reason="Check it.", expected_version=first.version
    )
    client.force_login(demo["admin"])
    page = text(client.post(QUEUE, ticked(five[:2]), follow=True))
    assert "1 value approved: BA2 2017/18-Q2." in page
    assert "BA1 2017/18-Q2: Someone else changed BA1 2017/18-Q2 since you opened it" in page
    first.refresh_from_db()
    assert first.state == WorkflowState.RETURNED


def test_someone_who_may_not_approve_has_every_row_refused(client, demo, five):
    client.force_login(demo["editor"])  # edits Adult Services, owns none of these
    page = text(client.post(QUEUE, ticked(five), follow=True))
    assert "5 values not approved." in page
    assert "BA3 2017/18-Q2: Only a performance administrator can approve this value." in page
    assert not Measurement.objects.filter(state=WorkflowState.APPROVED).exists()


def test_approving_with_nothing_ticked_says_what_to_do(client, demo, five):
    client.force_login(demo["admin"])
    response = client.post(QUEUE, {"chosen": ["", "not-a-row"]})
    page = text(response)
    assert response.status_code == 200
    assert "<title>Error: Values waiting for approval" in page
    assert f'href="#chosen-{five[0].pk}">Choose the values to approve.' in page
    assert not Measurement.objects.filter(state=WorkflowState.APPROVED).exists()


def test_the_queue_runs_the_same_queries_for_5_and_10_values(
    client, demo, five, django_assert_max_num_queries
):
    client.force_login(demo["admin"])
    with django_assert_max_num_queries(12) as five_queries:
        client.get(QUEUE)
    for n in range(6, 11):
        submit(demo["editor"], f"BA{n}")
    with django_assert_max_num_queries(len(five_queries)):
        assert text(client.get(QUEUE)).count('name="chosen"') == 10


def test_the_queue_shows_each_values_target_and_the_status_it_will_get(client, demo, five):
    red = services.measurement_save(
        indicator=indicator("BA9"), period=QUARTER, by=demo["editor"], expected_version=0,
        submit=True, value="70", commentary="Staff shortages.", improvement_actions="Recruiting.",
    )  # fmt: skip
    client.force_login(demo["admin"])
    cells = re.sub(r"<[^>]+>", " ", text(client.get(QUEUE)))
    cells = re.sub(r"\s+", " ", cells)
    # Target 90%: 95 is green; 70 is below 81 (10% short), so red.
    assert "BA1 Indicator BA1 Adult Services 2017/18-Q2 95.0% 90.0% Green" in cells
    assert f"BA9 Indicator BA9 Adult Services {red.period} 70.0% 90.0% Red" in cells


def test_values_still_waiting_when_their_quarter_locks_leave_the_queues(client, demo, five):
    """The lock reports them as gaps; nobody can approve them now, so no queue offers them: the
    approvals page lists them apart, saying how a published figure is corrected."""
    from scorecard.home import home_for
    from scorecard.performance.choices import PeriodState

    services.reporting_period_set_state(period=QUARTER, state=PeriodState.LOCKED, by=demo["admin"])
    client.force_login(demo["admin"])
    page = " ".join(lxml.html.fromstring(client.get(QUEUE).content).text_content().split())
    assert "Nothing is waiting for your approval." in page
    locked = page[page.index("Locked before approval") :]
    assert "were still waiting when their quarter was locked" in locked
    assert all(f"BA{n} Indicator BA{n}, {QUARTER}" in locked for n in range(1, 6))
    assert home_for(demo["admin"]).approvals == []
    # The value's own page says so instead of offering a decision that would be refused.
    review = client.get(
        reverse("performance:measurement_review", args=[five[0].pk])
    ).content.decode()
    assert "was locked before this value was approved" in review
    assert 'value="approve"' not in review
    # The editor who submitted them is not told they wait for someone else either.
    client.force_login(demo["editor"])
    assert "Your values waiting for someone else" not in text(client.get(QUEUE))
    assert {m.state for m in Measurement.objects.all()} == {WorkflowState.SUBMITTED}
