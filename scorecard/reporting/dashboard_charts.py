"""The dashboards' count charts, drawn once per set of counts.

A chart's input is a handful of numbers that rarely change, while drawing it and encoding it
for the page takes milliseconds on every request, so each drawing is kept by those numbers: a new
value that changes a count gives a new key and a new drawing at once, never a stale one.
"""

from functools import lru_cache

from scorecard.rendering import charts


def counts_chart(
    counts: dict[str, int],
    *,
    title: str = "Indicators by status",
    axis_title: str = "Number of indicators",
    colours: dict[str, str] | None = None,
) -> dict:
    """The chart as the dashboards' templates take it: a data URI and its text alternative."""
    uri, description = _drawn(
        tuple(counts.items()), title, axis_title, tuple(colours.items()) if colours else None
    )
    return {"uri": uri, "description": description}


@lru_cache(maxsize=256)
def _drawn(counts: tuple, title: str, axis_title: str, colours: tuple | None) -> tuple[str, str]:
    chart = charts.status_counts_chart(
        dict(counts),
        title=title,
        axis_title=axis_title,
        colours=dict(colours) if colours else None,
    )
    return charts.as_data_uri(chart.svg()), chart.description
