"""Live report lines kept between requests, and brought up to date from the audit trail.

A live quarter's lines need every value of every indicator and every review of every risk
(5,000 indicators and 20,000 risks: seconds of Python per request). They are kept in this
process, per quarter, with the audit trail's marks at the time: the newest history row and the
highest id of each table they are built from. Each read compares the marks in one query:

- nothing changed: the kept lines are used as they are;
- a value, target, review... changed: the history rows and rows added since the marks name the
  indicators or risks concerned, and only their lines are built again;
- the shape changed (a scorecard version, a register, the matrix...), or the trail does not
  follow on from the marks (a row rolled back): every line is built again.

So an edit shows on the next read; nothing relies on every write path remembering to clear a
cache. Rows written without a history row (bulk inserts) are caught by their new ids.
"""

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q

KEEP = 16  # quarters kept per process, least recently read dropped first

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


@dataclass
class _Kept:
    marks: tuple
    lines: dict  # key (indicator or risk id) -> line
    shown: Lines


_kept: "OrderedDict[tuple, _Kept]" = OrderedDict()
_lock = threading.Lock()


def _marks(sources: list[Source], previous: tuple | None) -> tuple[tuple, bool]:
    """Each source's (newest history id, its date, highest id), and whether the previous marks'
    newest history rows are still there, in one query."""
    quote = connection.ops.quote_name
    parts, params = [], []
    for i, source in enumerate(sources):
        # Table and column names come from the models, never from input.
        history = quote(source.model.history.model._meta.db_table)
        table = quote(source.model._meta.db_table)
        pk = quote(source.model._meta.pk.column)
        newest = f"FROM {history} ORDER BY history_id DESC LIMIT 1"
        parts += [
            f"(SELECT history_id {newest})",
            f"(SELECT history_date {newest})",
            f"(SELECT MAX({pk}) FROM {table})",  # noqa: S608
            f"(SELECT COUNT(*) FROM {history} WHERE history_id = %s AND history_date = %s)",  # noqa: S608
        ]
        old = previous[i] if previous else (None, None, None)
        params += [old[0] or 0, old[1]]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    marks = tuple(tuple(row[i * 4 : i * 4 + 3]) for i in range(len(sources)))
    follows = previous is not None and all(
        old[0] is None or row[i * 4 + 3] == 1 for i, old in enumerate(previous)
    )
    return marks, follows


def changed_since(sources: list[Source], marks: tuple, field: str = "pk") -> Q:
    """The indicators or risks (as a filter on `field`) that a row written after `marks` names."""
    condition = Q(pk__in=[])
    for source, (history_id, _, top_id) in zip(sources, marks, strict=True):
        if source.key is None:
            continue
        model = source.model
        condition |= Q(
            **{
                f"{field}__in": model.history.filter(history_id__gt=history_id or 0).values(
                    source.key
                )
            }
        )
        condition |= Q(
            **{f"{field}__in": model.objects.filter(pk__gt=top_id or 0).values(source.key)}
        )
    return condition


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
    previous = kept.marks if kept else None
    marks, follows = _marks(sources, previous)
    if kept is not None and marks == kept.marks:
        with _lock:
            _kept.move_to_end(key)
        return kept.shown
    shape_same = kept is not None and all(
        new == old for s, new, old in zip(sources, marks, previous, strict=True) if s.key is None
    )
    if kept is not None and follows and shape_same:
        condition = changed_since(sources, previous)
        lines = dict(kept.lines)
        for pk, line in build(condition).items():
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
    with _lock:
        _kept[key] = kept = _Kept(marks, lines, Lines(lines.values()))
        _kept.move_to_end(key)
        while len(_kept) > KEEP:
            _kept.popitem(last=False)
    return kept.shown


def _order(line):
    return line.order if hasattr(line, "order") else line.reference


def forget() -> None:
    """Drop every kept line (tests that write behind the audit trail's back)."""
    with _lock:
        _kept.clear()
