"""Live report lines kept between requests, and brought up to date from the changes recorded.

A live quarter's lines need every value of every indicator and every review of every risk
(5,000 indicators and 20,000 risks: seconds of Python per request). They are kept in this
process, per quarter, with a mark: how far the table of changes (`LineChange`, written by
triggers in each writer's own transaction, `line_triggers.py`) had been read. Each read asks,
in one query, for the changes committed since the mark (decision 0021):

- none: the kept lines are used as they are;
- a value, target, review... changed: the changes name the indicators or risks concerned, and
  only their lines are built again;
- the shape changed (a scorecard version, a register, the matrix...), or the mark cannot be
  followed (a first read, a rolled-back write the lines had seen): every line is built again.

"Since the mark" is decided by commit, not by id: on PostgreSQL by the transaction snapshot
taken with the mark (a change is new if its transaction was not visible in it); on SQLite, whose
writers take turns, by id. So an edit shows on the next read, however transactions overlap.
"""

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q

from . import line_changes

# Lines kept per process over all quarters, least recently read quarter dropped first (about
# four quarters of 5,000 indicators and 20,000 risks); the quarter just read is always kept.
KEEP_LINES = 100_000
# More changed indicators or risks than this at once (an import): every line is built again.
MOST_CHANGED = 2_000

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Source:
    """A table the lines are built from; `key` is its column naming the indicator or risk
    (None for shape tables, whose changes rebuild every line)."""

    model: type
    key: str | None = None


class Lines(list):
    """Kept lines, shared between requests: never change them. `derived` keeps what is computed
    from exactly these lines (counts, the heat map), so it goes when they do."""

    def __init__(self, lines=()):
        super().__init__(lines)
        self.derived: dict = {}


def derived(lines: list, key: str, compute: Callable[[], object]):
    """`compute()`, kept with `lines` when they are kept lines, else computed every time."""
    store = getattr(lines, "derived", None)
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


@dataclass(frozen=True)
class _Kept:
    mark: object  # how far the changes were read (line_changes.read)
    lines: dict  # key (indicator or risk id) -> line
    shown: Lines


_kept: "OrderedDict[tuple, _Kept]" = OrderedDict()
_lock = threading.Lock()


def _changed(sources: list[Source], changes: list[tuple[str, int | None]] | None) -> set | None:
    """The indicators or risks whose lines `changes` touch; None if every line must be built
    again."""
    if changes is None:
        return None
    by_label = {source.model._meta.label_lower: source for source in sources}
    keys = set()
    for label, key in changes:
        source = by_label.get(label)
        if source is None:
            continue  # another family's table
        if source.key is None or key is None:
            return None  # the shape changed
        keys.add(key)
    if len(keys) > MOST_CHANGED:
        return None
    return keys


def kept_lines(
    key: tuple,
    sources: list[Source],
    build: Callable[[Q | None], dict],
) -> Lines:
    """The lines for `key`, in the order `build` gives them. `build(None)` builds every line;
    `build(condition)` only those whose indicator or risk matches `condition`, as a dict by id,
    with None for an id whose line is gone (a risk closed before the quarter, say)."""
    # Not the date: the lines are built from the quarter and the database alone (no line says
    # "late", which would move with the date), so a new day keeps them (decision 0011).
    key = (connection.alias, connection.settings_dict.get("NAME"), *key)
    with _lock:
        kept = _kept.get(key)
    mark, changes = line_changes.read(kept.mark if kept else None)
    keys = _changed(sources, changes) if kept is not None else None
    if keys is not None and not keys:
        # Nothing of these lines changed: the same lines, with the newer mark.
        _keep(key, _Kept(mark, kept.lines, kept.shown))
        return kept.shown
    if keys is not None:
        lines = dict(kept.lines)
        for pk, line in build(Q(pk__in=sorted(keys))).items():
            if line is None:
                lines.pop(pk, None)
            else:
                lines[pk] = line
        lines = dict(sorted(lines.items(), key=lambda item: _order(item[1])))
    else:
        started = time.perf_counter()
        lines = build(None)
        # A reader waits for this: the log says how often and how long (in a process that was
        # not warmed, or after a change of shape).
        logger.info(
            "Built all %d kept lines of %s in %.1f s.",
            len(lines),
            " ".join(map(str, key[2:])),
            time.perf_counter() - started,
        )
    kept = _Kept(mark, lines, Lines(lines.values()))
    _keep(key, kept)
    return kept.shown


def _keep(key: tuple, kept: _Kept) -> None:
    """Keep `kept` as the newest read, within KEEP_LINES over all quarters. Any mark kept with
    its own lines is safe, even one older than another thread's: the lines hold at least every
    change the mark has read, and the next read takes every change since."""
    with _lock:
        _kept[key] = kept
        _kept.move_to_end(key)
        while len(_kept) > 1 and sum(len(k.lines) for k in _kept.values()) > KEEP_LINES:
            _kept.popitem(last=False)


def _order(line):
    return line.order if hasattr(line, "order") else line.reference


def forget() -> None:
    """Drop every kept line (tests that write behind the audit trail's back)."""
    with _lock:
        _kept.clear()
