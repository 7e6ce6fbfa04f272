"""The alert settings page (each person their own) and the schedule page (administrators)."""

import pytest
from django.urls import reverse

from scorecard.notifications.models import AlertPreference, Schedule

pytestmark = pytest.mark.django_db


def test_a_person_chooses_how_they_hear_of_each_kind_of_alert(
    client, demo, django_assert_max_num_queries
):
    client.force_login(demo["editor"])
    with django_assert_max_num_queries(8):
        page = client.get(reverse("notifications:alerts"))
    assert page.status_code == 200
    assert "An indicator turns red" in page.text and "In the weekly digest" in page.text
    saved = client.post(
        reverse("notifications:alerts"),
        {
            "indicator_red": "digest",
            "value_returned": "never",
            "risk_band_up": "immediately",
            "review_overdue": "immediately",
        },
        follow=True,
    )
    assert "Your alert settings are saved." in saved.text
    assert (
        dict(AlertPreference.objects.filter(person=demo["editor"]).values_list("kind", "delivery"))[
            "value_returned"
        ]
        == "never"
    )
    assert not AlertPreference.objects.exclude(person=demo["editor"]).exists()


def test_a_choice_that_is_not_offered_is_refused_and_nothing_is_written(client, demo):
    client.force_login(demo["editor"])
    page = client.post(
        reverse("notifications:alerts"),
        {"indicator_red": "hourly", "value_returned": "never", "risk_band_up": "never",
         "review_overdue": "never"},
    )  # fmt: skip
    assert page.status_code == 200
    assert "Select a valid choice" in page.text
    assert not AlertPreference.objects.exists()


def test_the_alert_settings_need_signing_in_and_are_linked_from_every_page(client, demo):
    assert client.get(reverse("notifications:alerts")).status_code == 302
    client.force_login(demo["reader"])
    assert reverse("notifications:alerts") in client.get(reverse("home")).text


def test_only_administrators_change_the_schedule(client, demo, django_assert_max_num_queries):
    client.force_login(demo["editor"])
    assert client.get(reverse("notifications:schedule")).status_code == 403
    client.force_login(demo["admin"])
    with django_assert_max_num_queries(10):
        assert client.get(reverse("notifications:schedule")).status_code == 200
    assert (
        reverse("notifications:schedule") in client.get(reverse("organisation:administration")).text
    )
    saved = client.post(
        reverse("notifications:schedule"),
        {"send_time": "07:30", "days_before_deadline": "3", "late_every_days": "2",
         "reviews_overdue": "on", "digest_weekday": "4", "digest_time": "16:00"},
        follow=True,
    )  # fmt: skip
    assert "Schedule saved." in saved.text
    schedule = Schedule.objects.get()
    assert (schedule.send_time.hour, schedule.days_before_deadline, schedule.digest_weekday) == (
        7,
        3,
        4,
    )


def test_a_schedule_out_of_range_is_refused_naming_the_field(client, demo):
    client.force_login(demo["admin"])
    page = client.post(
        reverse("notifications:schedule"),
        {"send_time": "25:00", "days_before_deadline": "3", "late_every_days": "99",
         "digest_weekday": "4", "digest_time": "16:00"},
    )  # fmt: skip
    assert page.status_code == 200
    assert "Enter a valid time" in page.text and "less than or equal to 60" in page.text
    assert Schedule.objects.get().send_time.hour == 9  # nothing written
