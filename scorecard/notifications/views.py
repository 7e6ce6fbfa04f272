"""The schedule (administrators) and each person's alert choices (that person alone)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from scorecard.organisation.selectors import user_can_manage_organisation
from scorecard.web import form_saved

from . import forms, services
from .access import alert_preferences_access
from .models import ScheduledRun
from .selectors import alert_choices, schedule_get


@login_required
def schedule_edit(request: HttpRequest) -> HttpResponse:
    if not user_can_manage_organisation(request.user):
        raise PermissionDenied
    schedule = schedule_get()
    initial = {name: getattr(schedule, name) for name in services.SCHEDULE_FIELDS}
    form = forms.ScheduleForm(request.POST or None, initial=initial)

    def save(data):
        services.schedule_update(**data)
        return "Schedule saved.", reverse("notifications:schedule")

    return form_saved(request, form, save) or render(
        request,
        "notifications/schedule.html",
        {
            "active_section": "administration",
            "form": form,
            "runs": list(ScheduledRun.objects.all()[:10]),
        },
    )


@login_required
def alert_settings(request: HttpRequest) -> HttpResponse:
    person = request.user
    if not alert_preferences_access(request.user, person):
        raise PermissionDenied
    form = forms.AlertChoicesForm(request.POST or None, initial=alert_choices(person))

    def save(data):
        services.alert_preferences_set(person=person, choices=data)
        return "Your alert settings are saved.", reverse("notifications:alerts")

    return form_saved(request, form, save) or render(
        request, "notifications/alerts.html", {"form": form}
    )
