"""The council's clock: the real date in production, a fixed one for the demo council."""

import datetime as dt

import pytest
from django.utils import timezone

from scorecard.organisation import clock
from scorecard.organisation.services import (
    directorate_create,
    organisation_clock_set,
    organisation_settings_update,
)

pytestmark = pytest.mark.django_db

DEMO_DAY = dt.date(2017, 12, 4)


def test_without_a_fixed_date_the_clock_is_the_real_one():
    assert clock.today() == timezone.localdate()
    assert abs(clock.now() - timezone.now()) < dt.timedelta(seconds=5)


def test_a_fixed_date_gives_that_day_at_the_real_time_of_day():
    organisation_clock_set(clock_date=DEMO_DAY)
    assert clock.today() == DEMO_DAY
    now, real = timezone.localtime(clock.now()), timezone.localtime()
    assert now.date() == DEMO_DAY
    apart = abs(now.hour * 60 + now.minute - (real.hour * 60 + real.minute))
    assert min(apart, 24 * 60 - apart) <= 1  # the same time of day (midnight may pass between)


def test_records_and_their_history_are_stamped_on_the_fixed_day():
    organisation_clock_set(clock_date=DEMO_DAY)
    directorate = directorate_create(code="ASC", name="Adult Services")
    assert timezone.localtime(directorate.history.get().history_date).date() == DEMO_DAY


def test_clearing_the_fixed_date_follows_the_real_clock_again():
    organisation_clock_set(clock_date=DEMO_DAY)
    organisation_settings_update(name="Midshire County Council", financial_year_start_month=4)
    assert clock.today() == DEMO_DAY  # changing other settings keeps the clock
    organisation_clock_set(clock_date=None)
    assert clock.today() == timezone.localdate()
