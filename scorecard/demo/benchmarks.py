"""Comparators for the demo council's ASCOF indicators, from real published files (data/).

The demo council is fictional: its own values come from its scorecard, and real councils'
published values are its comparators, in two groups: all English councils and the West
Midlands. HW08 (ASCOF 2D) is compared in 2017/18 through Oflog, so Quarter Two 2017/18 shows a
rank; HW02 (1E), HW09 (1G) and HW06 (2A2) carry the 2020-21 ASCOF values, a later year than the
demo's, so they show the comparators without ranking the council.
"""

from pathlib import Path

from scorecard.benchmarking.imports import read_ascof, read_oflog
from scorecard.benchmarking.models import ComparatorValue, GroupKind
from scorecard.benchmarking.services import comparator_group_ensure, comparators_import
from scorecard.performance.models import Indicator

DATA = Path(__file__).resolve().parent / "data"
OFLOG = DATA / "oflog_ASC5_2015-16_to_2017-18.csv"
ASCOF = DATA / "ascof_2020-21_1E_1G_2A2.csv"
REGION = "West Midlands"
ASCOF_MEASURES = {"HW02": "1E", "HW09": "1G", "HW06": "2A2"}


def load() -> None:
    if ComparatorValue.objects.exists():
        return
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=["HW08", *ASCOF_MEASURES])}
    if "HW08" in indicators:
        parsed = read_oflog(OFLOG.read_text(encoding="utf-8"), measure="ASC5")
        comparators_import(
            indicator=indicators["HW08"], parsed=parsed, source="oflog", measure="ASC5",
            regions=False,
        )  # fmt: skip
        region = {r.area_code: r.area_name for r in parsed.rows if r.region == REGION}
        comparator_group_ensure(name=REGION, kind=GroupKind.REGION, members=region, order=10)
    text = ASCOF.read_text(encoding="utf-8")
    for code, measure in ASCOF_MEASURES.items():
        if code in indicators:
            parsed = read_ascof(text, measure=measure, year="2020-21")
            comparators_import(
                indicator=indicators[code], parsed=parsed, source="ascof", measure=measure,
                regions=False,
            )  # fmt: skip
