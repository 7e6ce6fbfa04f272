"""Which reporting quarters are open and which are locked, for every app.

The quarters are kept by the performance app, which the risks app may not import; work on a
risk (a review) is still filed to an open quarter and refused for a locked one. The performance
app registers its reader here in `AppConfig.ready`; this module imports nothing from the apps.
"""

from collections.abc import Callable

from scorecard.core.periods import Period, parse

# () -> {quarter key: "open" | "locked"}
_reader: list[Callable[[], dict[str, str]]] = []


def register(reader: Callable[[], dict[str, str]]) -> None:
    _reader[:] = [reader]


def quarter_states() -> dict[str, str]:
    """Each recorded quarter's state by its key (empty when no app keeps quarters)."""
    return _reader[0]() if _reader else {}


def open_and_locked(start_month: int) -> tuple[list[Period], list[str]]:
    """The open quarters, and the keys of the locked ones."""
    states = quarter_states()
    return (
        [parse(key, start_month) for key, state in states.items() if state == "open"],
        [key for key, state in states.items() if state == "locked"],
    )
