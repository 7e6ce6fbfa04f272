"""An action's due date passing puts it on its owner's home page, as the clock moves on."""

import datetime as dt
import re

import lxml.html
import pytest

from scorecard.home import home_for
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
    with django_assert_max_num_queries(31):
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
