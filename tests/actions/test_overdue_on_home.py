"""An action's due date passing puts it on its owner's home page and in their next reminder."""

import datetime as dt
import re

import lxml.html
import pytest
from django.core import mail
from django.utils import timezone

from scorecard.home import home_for
from scorecard.notifications.schedule import run_due
from scorecard.notifications.services import schedule_update
from scorecard.organisation.models import OrganisationSettings
from scorecard.risks.choices import ACTION_STATUSES_OPEN
from scorecard.risks.models import Action

pytestmark = pytest.mark.django_db


def test_an_action_past_its_due_date_shows_on_its_owners_home_page(
    client, demo_council, django_assert_max_num_queries
):
    action = (
        Action.objects.filter(status__in=ACTION_STATUSES_OPEN, owner__isnull=False)
        .order_by("due_on", "pk")
        .first()
    )
    due = action.revised_due_on or action.due_on
    owner = action.owner

    assert action.pk not in {a.pk for a in home_for(owner, today=due).actions}
    late = home_for(owner, today=due + dt.timedelta(days=3)).actions
    assert action.pk in {a.pk for a in late}
    assert next(a for a in late if a.pk == action.pk).days_overdue == 3
    assert all(a.owner_id == owner.pk for a in late)

    # The page itself, with the council's clock moved to three days after the due date.
    OrganisationSettings.objects.update(clock_date=due + dt.timedelta(days=3))
    client.force_login(owner)
    # As tests/test_home.py bounds every home page (with the decisions waiting for a person).
    with django_assert_max_num_queries(33):  # as tests/test_home.py bounds the home page
        response = client.get("/")
    page = lxml.html.fromstring(response.content)
    section = page.xpath("//section[@aria-labelledby='home-actions']")[0]
    text = re.sub(r"\s+", " ", section.text_content())
    assert action.description.split("\n")[0][:40] in text
    assert "3 days late" in text

    # Once done, it leaves the list.
    Action.objects.filter(pk=action.pk).update(status="completed")
    assert action.pk not in {
        a.pk for a in home_for(owner, today=due + dt.timedelta(days=3)).actions
    }


def test_an_action_past_its_due_date_is_in_its_owners_next_reminder(demo_council):
    action = (
        Action.objects.filter(
            status__in=ACTION_STATUSES_OPEN, owner__isnull=False, owner__email__gt=""
        )
        .order_by("due_on", "pk")
        .first()
    )
    due = action.revised_due_on or action.due_on
    schedule_update(
        send_time=dt.time(9, 0), late_every_days=1, reviews_overdue=False, digest_weekday=6
    )
    line = f"Action on risk {action.risk.reference} {action.risk.title}: {action.description[:80]}"

    def moment(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(10, 0), tzinfo=timezone.get_current_timezone())

    def to_owner():
        return [m.body for m in mail.outbox if m.to == [action.owner.email]]

    run_due(moment(due))
    assert not any(line in body for body in to_owner())
    mail.outbox.clear()
    run_due(moment(due + dt.timedelta(days=1)))
    assert any(line in body for body in to_owner())
