"""The small council history that the value form's tests (database and browser) read."""

from scorecard.organisation.models import Directorate
from scorecard.performance import services
from scorecard.performance.choices import Frequency, Unit, WorkflowState

from .factories import IndicatorFactory, MeasurementFactory, TargetFactory


def open_quarter(demo) -> str:
    services.reporting_period_open(period="2017/18-Q3", by=demo["admin"])
    return "2017/18-Q3"


def indicator_with_history(demo):
    """Quarterly, a percentage, higher is better, amber within 10% of the target.

    Targets: 80 for 2016/17, 90 for 2017/18 with Quarter Three profiled at 92.
    Approved values, and the ratings worked by hand:
      2016/17 Q2  85  (target 80: green)      commentary "Older commentary."
      2016/17 Q3  78  (80 * 0.9 = 72 <= 78 < 80: amber)
      2016/17 Q4  82  (green)
      2017/18 Q1  88  (90 * 0.9 = 81 <= 88 < 90: amber)   commentary and actions
      2017/18 Q2  95  (green), no commentary
    A value submitted but never approved (2016/17 Q1) does not count.
    """
    indicator = IndicatorFactory(
        code="ASC-V1",
        title="Older people helped to live at home",
        directorate=Directorate.objects.get(code="ASC"),
        unit=Unit.PERCENTAGE,
        owner=demo["admin"],
    )
    TargetFactory(indicator=indicator, period="2016/17", value=80)
    TargetFactory(indicator=indicator, period="2017/18", value=90)
    TargetFactory(indicator=indicator, period="2017/18-Q3", value=92)
    for period, value, notes in [
        ("2016/17-Q2", 85, ("Older commentary.", "Older actions.")),
        ("2016/17-Q3", 78, ("", "")),
        ("2016/17-Q4", 82, ("", "")),
        ("2017/18-Q1", 88, ("Winter pressures eased.", "Two more reablement staff.")),
        ("2017/18-Q2", 95, ("", "")),
    ]:
        MeasurementFactory(
            indicator=indicator, period=period, value=value,
            commentary=notes[0], improvement_actions=notes[1],
        )  # fmt: skip
    MeasurementFactory(
        indicator=indicator, period="2016/17-Q1", value=10, state=WorkflowState.SUBMITTED,
        commentary="Never approved.",
    )  # fmt: skip
    return indicator


def monthly_indicator(demo):
    """Monthly, a number, higher is better, target 100 a month (red below 90)."""
    indicator = IndicatorFactory(
        code="ASC-M1", title="Reablement packages started",
        directorate=Directorate.objects.get(code="ASC"), frequency=Frequency.MONTHLY,
        unit=Unit.NUMBER, decimals=0, owner=demo["admin"],
    )  # fmt: skip
    TargetFactory(indicator=indicator, period="2017/18", value=100)
    return indicator
