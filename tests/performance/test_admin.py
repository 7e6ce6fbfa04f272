import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from .factories import MeasurementFactory, ScorecardEntryFactory, TargetFactory

pytestmark = pytest.mark.django_db


def performance_models():
    return [
        m
        for m in apps.get_app_config("performance").get_models()
        if not m.__name__.startswith("Historical")
    ]


def test_every_performance_model_is_in_the_admin():
    missing = [m.__name__ for m in performance_models() if m not in admin.site._registry]
    assert missing == []


def test_admin_lists_and_forms_open(admin_client):
    entry = ScorecardEntryFactory()
    MeasurementFactory(indicator=entry.indicator)
    TargetFactory(indicator=entry.indicator)
    for model in performance_models():
        opts = model._meta
        for view in ("changelist", "add"):
            response = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}"))
            assert response.status_code == 200, (model.__name__, view)
        obj = model.objects.first()
        if obj is not None:
            response = admin_client.get(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            )
            assert response.status_code == 200, (model.__name__, "change")
