"""SPC for indicators: the series, the minimum number of values, the indicator page."""

import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse

from scorecard.core.periods import Period, parse
from scorecard.history import record_version
from scorecard.performance.choices import Frequency, Polarity, WorkflowState
from scorecard.performance.spc import spc_data, spc_min_points, spc_series
from scorecard.rendering.charts import xmr_chart

from .factories import IndicatorFactory, MeasurementFactory, TargetFactory

MONTHS = [Period.month(2015, 4)]  # thirty months from April 2015
for _ in range(29):
    MONTHS.append(MONTHS[-1].next())


def indicator(**fields):
    base = {
        "frequency": Frequency.MONTHLY,
        "due_quarter": 4,
        "first_due_year": None,
        "polarity": Polarity.HIGHER,
    }
    return SimpleNamespace(**{**base, **fields})


def value(period: Period, figure, state=WorkflowState.APPROVED):
    return SimpleNamespace(
        period=period.key, period_start=period.start, value=Decimal(figure), state=state
    )


def test_the_series_is_approved_values_of_the_indicators_own_kind_up_to_the_period():
    values = [value(m, 10 + n) for n, m in enumerate(MONTHS[:6])]
    values += [value(MONTHS[6], 99, WorkflowState.DRAFT), value(parse("2015/16-Q1"), 50)]
    series = spc_series(indicator(), values, until=parse("2015/16-Q1"), start_month=4)
    assert [(p.key, v) for p, v in series] == [
        ("2015/16-M04", 10.0),
        ("2015/16-M05", 11.0),
        ("2015/16-M06", 12.0),
    ]


def test_fifteen_values_by_default_and_the_setting_changes_it(settings):
    values = [value(m, 10 + n % 3) for n, m in enumerate(MONTHS[:15])]
    assert spc_min_points() == 15
    assert spc_data(indicator(), values, start_month=4)["variation"] == "common"
    assert spc_data(indicator(), values[:14], start_month=4) == {}
    settings.SCORECARD_SPC_MIN_POINTS = 20
    assert spc_data(indicator(), values, start_month=4) == {}


def test_the_data_by_hand():
    # 10, 11, 12 repeated five times: mean 11; moving ranges 1, 1, 2, 1, 1, 2...: 14 ranges
    # summing 1+1+2 per cycle = 4 x 4 + 1 + 1 = 18, mean 18/14; limits 11 +/- 2.66 x 18/14.
    values = [value(m, 10 + n % 3) for n, m in enumerate(MONTHS[:15])]
    data = spc_data(indicator(), values, target=Decimal(5), start_month=4)
    assert data["mean"] == pytest.approx(11)
    assert data["upper"] == pytest.approx(11 + 2.66 * 18 / 14)
    assert data["assurance"] == "met"  # the lower limit, 7.58, is above the target of 5
    assert data["points"][0]["label"] == MONTHS[0].short_label
    assert not any(p["rules"] for p in data["points"])


def test_baseline_and_recalculation_come_from_the_indicator():
    # Fifteen values of 10/12, then fifteen of 30/32: one process sees a shift; recalculated
    # from the sixteenth month, the new process has its own mean and no special cause.
    figures = [10, 12] * 7 + [10] + [30, 32] * 7 + [30]
    values = [value(m, f) for m, f in zip(MONTHS, figures, strict=True)]
    whole = spc_data(indicator(), values, start_month=4)
    assert whole["variation"] == "improving"
    split = spc_data(indicator(spc_recalculate_from=MONTHS[15].key), values, start_month=4)
    assert split["mean"] == pytest.approx(464 / 15)  # (7 x 62 + 30) / 15
    assert split["recalculated_from"] == MONTHS[15].key
    assert split["variation"] == "common"
    fixed = spc_data(indicator(spc_baseline_points=15), values, start_month=4)
    assert fixed["baseline_count"] == 15
    assert fixed["mean"] == pytest.approx(164 / 15)  # (7 x 22 + 10) / 15
    assert "outside" in fixed["points"][-1]["rules"]


def test_the_xmr_chart_describes_itself():
    points = [
        {"label": f"M{n}", "value": v, "mean": 11, "upper": 14, "lower": 8, "rules": [], "side": ""}
        for n, v in enumerate([10, 11, 12, 15])
    ]
    points[-1].update(rules=["outside"], side="high")
    chart = xmr_chart(points, target=9, title="Calls answered", polarity="higher")
    assert chart.description == (
        "XmR chart of Calls answered: 4 values from M0 (10) to M3 (15); mean 11, process limits "
        "8 to 14; target 9; 1 point showing special cause variation."
    )
    assert chart.svg().startswith("<svg")


@pytest.mark.django_db
def test_the_indicator_page_shows_the_xmr_chart_and_its_icons(client, demo):
    kpi = IndicatorFactory(
        code="SPC1", title="Calls answered in 20 seconds", frequency=Frequency.MONTHLY
    )
    TargetFactory(indicator=kpi, period="2016/17", value=5)
    for n, m in enumerate(MONTHS[:16]):
        MeasurementFactory(indicator=kpi, period=m.key, value=10 + n % 3)
    client.force_login(demo["admin"])
    page = re.sub(r"\s+", " ", client.get(reverse("performance:indicator", args=[kpi.pk])).text)
    assert "Statistical process control" in page
    assert "Variation: </span>Common cause" in page
    assert "Assurance: </span>Target met consistently" in page
    assert "XmR chart of SPC1 Calls answered in 20 seconds: 16 values" in page
    assert "How to read the SPC icons" in page


@pytest.mark.django_db
def test_too_few_values_say_so(client, demo):
    kpi = IndicatorFactory(code="SPC2", frequency=Frequency.MONTHLY)
    for n, m in enumerate(MONTHS[:5]):
        MeasurementFactory(indicator=kpi, period=m.key, value=n)
    client.force_login(demo["admin"])
    page = re.sub(r"\s+", " ", client.get(reverse("performance:indicator", args=[kpi.pk])).text)
    assert "An XmR chart needs at least 15 approved values; this indicator has 5." in page


@pytest.mark.django_db
def test_an_administrator_sets_the_baseline_and_recalculation(client, demo):
    kpi = IndicatorFactory(code="SPC3", title="Invoices paid", frequency=Frequency.MONTHLY)
    client.force_login(demo["admin"])
    data = {
        "title": "Invoices paid", "directorate": kpi.directorate.pk, "unit": "number",
        "decimals": "1", "polarity": "higher", "frequency": "monthly", "due_quarter": "4",
        "aggregation": "latest", "target_basis": "period", "spc_baseline_points": "12",
        "spc_recalculate_from": "not a period", "spc_exclude_large_ranges": "on",
    }  # fmt: skip
    url = reverse("performance:indicator_edit", args=[kpi.pk])
    data["version"] = record_version(kpi)
    page = client.post(url, data).text
    assert "Write a period such as 2016/17-M04" in page
    data["spc_recalculate_from"] = "2016/17-M04"
    assert client.post(url, data).status_code == 302
    kpi.refresh_from_db()
    assert (kpi.spc_baseline_points, kpi.spc_recalculate_from, kpi.spc_exclude_large_ranges) == (
        12,
        "2016/17-M04",
        True,
    )
