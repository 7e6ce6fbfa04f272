"""Panels that a higher layer adds to a lower layer's page, without the lower layer importing it.

The indicator page belongs to `performance`, which may not import `risks`, `benchmarking` or
`reporting`; the risk page belongs to `risks`, which may not import `performance`. An app above
them registers a function for a page (in its AppConfig.ready), and the page's view merges what
the functions return into its context:

    panels.register("indicator", benchmark_panel)      # in benchmarking/apps.py
    context.update(panels.collect("indicator", request=request, obj=indicator))

Each function takes `request` and `obj` (keywords) and returns a dict of template variables.
This module imports nothing from the apps.
"""

from collections import defaultdict
from collections.abc import Callable

Panel = Callable[..., dict]

_PANELS: dict[str, list[Panel]] = defaultdict(list)


def register(page: str, panel: Panel) -> None:
    if panel not in _PANELS[page]:
        _PANELS[page].append(panel)


def collect(page: str, **kwargs) -> dict:
    context: dict = {}
    for panel in _PANELS[page]:
        context.update(panel(**kwargs))
    return context
