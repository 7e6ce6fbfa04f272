"""`scorecard bench`: every figure issue-listed is printed, with its queries and the floor ratio.

Times are never asserted (they depend on the machine); what is checked is that the bench
measures what it says: each page answered, its queries were counted, the floor was run.
"""

import io
import json

import pytest
from django.core.management import call_command

from scorecard.ops.bench import LINES_FROM_NOTHING

pytestmark = pytest.mark.django_db

PAGES = [
    "performance dashboard",
    "risk dashboard",
    "indicator list (first page)",
    "risk register list (first page)",
    "indicator page",
    "risk page",
    "API indicators list",
    "API measurements list",
    "API risks list",
    "API assessments list",
]


def bench(*args) -> dict:
    out = io.StringIO()
    call_command("bench", "--scale", "demo", "--repeat", "1", "--json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_bench_measures_the_pages_floors_and_imports_of_the_demo(demo_council):
    # Documents are left out here (they take seconds each); `--only` picks the rest.
    result = bench(
        *("--only", "dashboard", "--only", "list", "--only", "page", "--only", "import"),
        *("--import-rows", "50"),
    )
    figures = {f["name"]: f for f in result["figures"]}

    assert result["database"] in {"sqlite", "postgresql"}
    assert result["data"]["indicators"] > 70 and result["data"]["risks"] > 150
    for name in PAGES:
        assert figures[name]["queries"] > 0, name
        assert figures[name]["median_ms"] > 0, name
        assert figures[name]["first_ms"] > 0, name  # the cold read is reported, not hidden
    assert not any("pack" in name or "DOCX" in name for name in figures)

    # Every line of both dashboards built from nothing, as in a new process: its time and memory.
    cold = figures[LINES_FROM_NOTHING]
    assert cold["queries"] > 0 and cold["peak_mb"] > 0 and cold["median_ms"] > 0

    floor = figures["floor: performance counts in one SQL query"]
    assert floor["queries"] == 1
    dashboard = figures["performance dashboard"]
    assert dashboard["floor_ms"] == floor["median_ms"]
    assert dashboard["ratio"] == pytest.approx(dashboard["median_ms"] / floor["median_ms"], 0.05)
    assert figures["risk dashboard"]["floor_ms"] is not None

    imports = [f for f in result["figures"] if f["name"].startswith("import")]
    assert imports and all("rows/s" in f["note"] for f in imports)
    assert result["max_rss_mb"] > 0 and result["seconds"] > 0


def test_bench_table_names_the_scale_and_every_figure(demo_council):
    out = io.StringIO()
    call_command(
        "bench", "--scale", "demo", "--repeat", "1", "--only", "risk page", "--import-rows", "0",
        stdout=out,
    )  # fmt: skip
    text = out.getvalue()
    assert "demo scale on" in text and "period 2017/18-Q2" in text
    assert "| risk page |" in text
    assert "| floor: risk heat map in one SQL query |" in text
    assert "| performance dashboard |" not in text


def test_bench_gives_the_public_pages_median(demo_council):
    figures = {f["name"]: f for f in bench("--only", "public", "--import-rows", "0")["figures"]}
    pages = [n for n in figures if n.startswith("public ") and n.endswith(" page")]
    assert len(pages) == 4
    assert all(figures[n]["queries"] > 0 and figures[n]["median_ms"] > 0 for n in pages)
    median = figures["public pages (median of the pages above)"]
    assert min(figures[n]["median_ms"] for n in pages) <= median["median_ms"]
    assert median["median_ms"] <= max(figures[n]["median_ms"] for n in pages)
