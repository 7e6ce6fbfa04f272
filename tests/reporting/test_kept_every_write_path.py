"""The kept lines see a change whichever way it was written: the admin, a queryset update or a
bulk insert (no signal, no history row), raw SQL, a delete, and not a write rolled back.
Every change is recorded by a database trigger in the writer's own transaction."""

from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.urls import reverse

from scorecard.ops.generator import generate, last_years
from scorecard.performance.models import Indicator, Measurement
from scorecard.reporting import kept
from scorecard.reporting.selectors import report_data

pytestmark = pytest.mark.django_db

QUARTER = last_years(1)[-1].quarters()[-1]


def _shown() -> dict[str, tuple]:
    """Each indicator's title and latest trend point as the performance dashboard has them."""
    data = report_data(QUARTER, keep=True, risks=False)
    return {
        line.code: (line.title, [line.trend[-1][0], Decimal(line.trend[-1][1])])
        for line in data.indicators
    }


@pytest.fixture
def council(demo):
    generate(indicators=3, risks=0, years=1, seed=43)
    kept.forget()
    return demo


def _latest(code: str) -> Measurement:
    period = _shown()[code][1][0]
    return Measurement.objects.get(indicator__code=code, period=period)


def test_a_queryset_update_is_seen(council):
    code = sorted(_shown())[0]
    latest = _latest(code)
    Measurement.objects.filter(pk=latest.pk).update(value=Decimal("777"))
    assert _shown()[code][1] == [latest.period, Decimal("777")]


def test_raw_sql_is_seen(council):
    code = sorted(_shown())[1]
    latest = _latest(code)
    table = connection.ops.quote_name(Measurement._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET value = 555 WHERE id = %s", [latest.pk])  # noqa: S608
    assert _shown()[code][1] == [latest.period, Decimal("555")]


def test_a_bulk_insert_and_a_delete_are_seen(council):
    code = sorted(_shown())[2]
    latest = _latest(code)
    latest.delete()
    assert _shown()[code][1][0] != latest.period  # the value is gone from the line
    latest.pk = None
    latest.value = Decimal("321")
    Measurement.objects.bulk_create([latest])
    assert _shown()[code][1] == [latest.period, Decimal("321")]


def test_the_admin_is_seen(admin_client, council):
    client = admin_client
    indicator = Indicator.objects.get(code=sorted(_shown())[0])
    url = reverse("admin:performance_indicator_change", args=[indicator.pk])
    page = client.get(url)
    assert page.status_code == 200
    # The form as the page fills it, with its inline targets as they are.
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {
        field.html_name: field.value()
        for form in forms
        for field in form
        if field.value() is not None
    }
    data["title"] = "Renamed in the admin"
    response = client.post(url, data)
    assert response.status_code == 302
    assert _shown()[indicator.code][0] == "Renamed in the admin"


def test_a_rolled_back_write_the_lines_saw_is_forgotten(council):
    code = sorted(_shown())[0]
    latest = _latest(code)
    before = _shown()[code]
    with pytest.raises(RuntimeError), transaction.atomic():
        Measurement.objects.filter(pk=latest.pk).update(value=Decimal("999"))
        # The writer sees its own change.
        assert _shown()[code][1] == [latest.period, Decimal("999")]
        raise RuntimeError("rolled back")
    assert _shown()[code] == before
