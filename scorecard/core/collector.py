"""Python's cycle collector paused during one large piece of work."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector while a large build runs (the dashboards' lines, an import, a
    PDF), then run it once over what the build made.

    Such a build makes hundreds of thousands of objects that live until it ends; the collector
    would scan them, and every long-lived object of the process, again and again (a sixth to a
    third of the build's time). All of them are young when it ends, so one collection of the
    youngest generation frees the garbage without scanning the rest. Nested pauses resume once,
    at the outermost.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(0)
