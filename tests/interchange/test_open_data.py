"""Open data: the published, non-confidential part of each locked quarter, with no sign-in."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError

from scorecard.performance.choices import PeriodState
from scorecard.performance.services import reporting_period_set_state
from scorecard.reporting.models import IndicatorSnapshot, RiskSnapshot, Snapshot

pytestmark = pytest.mark.django_db


def test_open_data_lists_each_locked_quarter_with_csv_and_json(
    client, demo_council, django_assert_max_num_queries
):
    snapshot = Snapshot.objects.get()
    secret = RiskSnapshot.objects.filter(snapshot=snapshot).order_by("reference").first()
    RiskSnapshot.objects.filter(pk=secret.pk).update(is_confidential=True)
    with django_assert_max_num_queries(5):
        page = client.get("/open-data/")
    assert page.status_code == 200
    slug = snapshot.period.replace("/", "-")
    assert f"/open-data/{slug}/indicators.csv" in page.content.decode()

    risks = client.get(f"/open-data/{slug}/risks.csv")
    assert risks.status_code == 200 and risks["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(risks.content.decode())))
    public = RiskSnapshot.objects.filter(snapshot=snapshot, is_confidential=False)
    assert sorted(r["reference"] for r in rows) == sorted(
        public.values_list("reference", flat=True)
    )
    assert secret.reference not in {r["reference"] for r in rows}
    assert "owner" not in rows[0]

    indicators = client.get(f"/open-data/{slug}/indicators.json").json()
    assert indicators["period"] == snapshot.period
    published = IndicatorSnapshot.objects.filter(snapshot=snapshot)
    assert [r["code"] for r in indicators["rows"]] == list(
        published.order_by("order", "code").values_list("code", flat=True)
    )

    with pytest.raises(ValidationError):  # a published quarter never reopens, so stays served
        reporting_period_set_state(
            period=snapshot.period, state=PeriodState.OPEN, by=demo_council["admin"]
        )
    assert client.get(f"/open-data/{slug}/risks.csv").status_code == 200
    assert client.get("/open-data/2099-00-Q1/risks.csv").status_code == 404
