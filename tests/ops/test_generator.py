"""`scorecard generate` at a small size, and the pages' query counts as the council grows."""

import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scorecard.ops.generator import GeneratorError, generate, last_years
from scorecard.performance.models import Indicator, Measurement, Target
from scorecard.reporting import kept
from scorecard.risks.models import Assessment, Risk

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


def pages(client) -> dict[str, str]:
    quarter = last_years(1)[-1].quarters()[-1]
    indicator = Indicator.objects.filter(code__startswith="S1-").order_by("code").first()
    risk = Risk.objects.filter(reference__startswith="S1-").order_by("reference").first()
    return {
        "performance dashboard": f"{reverse('reporting:performance_dashboard')}?period={quarter.key}",
        "risk dashboard": f"{reverse('reporting:risk_dashboard')}?period={quarter.key}",
        "indicator list": reverse("performance:index"),
        "risk register": reverse("risks:index"),
        "indicator page": reverse("performance:indicator", args=[indicator.pk]),
        "risk page": reverse("risks:risk", args=[risk.pk]),
    }


def query_counts(client, user) -> dict[str, int]:
    # Both councils counted from a first read: no dashboard lines kept from before (the small
    # council's lines would otherwise meet the rolled-back writes and be built again).
    kept.forget()
    client.force_login(user)
    counts = {}
    for name, url in pages(client).items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(captured)
    return counts


def test_generate_command_writes_what_it_says(demo):
    out = io.StringIO()
    call_command(
        "generate", "--indicators", "50", "--risks", "100", "--years", "1", "--seed", "7",
        "--no-progress", stdout=out,
    )  # fmt: skip
    assert "Generated 50 indicators, 600 values, 50 targets, 100 risks and 400 assessments" in (
        out.getvalue()
    )
    assert Indicator.objects.filter(code__startswith="S7-").count() == 50
    assert Measurement.objects.filter(indicator__code__startswith="S7-").count() == 50 * 12
    assert Target.objects.filter(indicator__code__startswith="S7-").count() == 50
    assert Assessment.objects.filter(risk__reference__startswith="S7-").count() == 100 * 4
    with pytest.raises(GeneratorError, match="Seed 7 was generated here already"):
        generate(indicators=1, risks=0, years=1, seed=7)


def test_the_pages_query_counts_do_not_grow_with_the_council(client, demo):
    with transaction.atomic():
        try:
            generate(indicators=5, risks=10, years=1, seed=1)
            small = query_counts(client, demo["admin"])
            raise Rollback
        except Rollback:
            transaction.set_rollback(True)
    generate(indicators=50, risks=100, years=1, seed=1)
    large = query_counts(client, demo["admin"])
    assert large == small


@pytest.mark.django_db(transaction=True)
def test_after_a_bulk_load_postgresql_has_the_tables_statistics(demo):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite keeps no planner statistics to refresh")
    call_command(
        "generate", "--indicators", "5", "--risks", "5", "--years", "1", "--seed", "3",
        "--no-progress", stdout=io.StringIO(),
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL"
            " AND relname IN ('performance_measurement', 'risks_assessment')"
        )
        analysed = {name for (name,) in cursor.fetchall()}
    assert analysed == {"performance_measurement", "risks_assessment"}
