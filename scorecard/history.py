"""The History tab of object pages: who changed what, when, old value -> new value.

Built from django-simple-history's records with `diff_against`, so every domain model gets the
same audit trail. Records are read in one query per history table (with who made the change) and
the foreign keys they mention in one more query per related model, whatever the number of changes.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from scorecard.core.figures import figure, long_date
from scorecard.core.periods import PeriodError
from scorecard.core.periods import parse as parse_period

# Bookkeeping columns that say nothing to a reader.
IGNORED = {"version", "period_start", "live_from_start", "created_at"}


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: object
    who: str
    what: str  # e.g. "Value 2017/18-Q2"
    kind: str  # Created, Changed, Deleted
    changes: list[Change] = field(default_factory=list)


def _display(model_field: models.Field, value, related: dict) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(model_field, models.ForeignKey):
        return str(related.get((model_field.related_model, value), f"#{value}"))
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return "Yes" if value else "No"
    if hasattr(value, "normalize"):  # Decimal: no trailing zeros, thousands separated
        return figure(value)
    if isinstance(value, dt.datetime):  # a moment, in the council's time: 4 December 2017 11:11
        moment = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{long_date(moment)} {moment:%H:%M}"
    if isinstance(value, dt.date):
        return long_date(value)
    if model_field.name == "period" and isinstance(value, str):
        try:
            return parse_period(value).label  # "2017/18-Q2" is "Quarter Two 2017/18"
        except PeriodError:
            return value
    return str(value)


def history_entries(
    records: Iterable[QuerySet], *, describe=str, ignored: Sequence[str] = ()
) -> list[HistoryEntry]:
    """Entries, newest first, from one or more querysets of historical records.

    `describe(record)` names the object a record is about (e.g. "Value for 2017/18-Q2").
    """
    rows = []
    for queryset in records:
        rows.extend(queryset.select_related("history_user").order_by("history_date", "history_id"))
    skip = IGNORED | set(ignored)
    previous: dict[tuple[type, int], object] = {}
    pending: list[tuple[object, object]] = []
    wanted: dict[tuple[type, str], set] = defaultdict(set)  # (model, field referred to): values
    for record in sorted(rows, key=lambda r: (r.history_date, r.history_id)):
        key = (type(record), record.id)
        before = previous.get(key)
        previous[key] = record
        pending.append((record, before))
        for model_field in record.instance_type._meta.concrete_fields:
            if isinstance(model_field, models.ForeignKey):
                value = getattr(record, model_field.attname, None)
                if value is not None:
                    target = model_field.target_field.attname  # the pk, or a code (to_field)
                    wanted[(model_field.related_model, target)].add(value)
    related = {}
    for (model, target), ids in wanted.items():
        for key, obj in model._default_manager.in_bulk(ids, field_name=target).items():
            related[(model, key)] = obj
    entries = []
    for record, before in pending:
        fields = {f.name: f for f in record.instance_type._meta.concrete_fields}
        kind = {"+": "Created", "~": "Changed", "-": "Deleted"}[record.history_type]
        changes = []
        if before is None:
            for name, model_field in fields.items():
                if name in skip or name == "id":
                    continue
                value = getattr(record, model_field.attname, None)
                if value not in (None, "", False):
                    changes.append(
                        Change(model_field.verbose_name, "", _display(model_field, value, related))
                    )
        else:
            delta = record.diff_against(before, excluded_fields=skip)
            for change in delta.changes:
                model_field = fields[change.field]
                changes.append(
                    Change(
                        model_field.verbose_name,
                        _display(model_field, change.old, related),
                        _display(model_field, change.new, related),
                    )
                )
            if not changes:
                continue  # a save that changed nothing a reader can see
        who = record.history_user
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=(who.get_full_name() or who.username) if who else "The system",
                what=describe(record),
                kind=kind,
                changes=changes,
            )
        )
    entries.reverse()
    return entries


def record_version(obj) -> int:
    """The version of a record a form was opened at: the id of its latest history row.

    Every save adds a history row, so a changed id means someone saved since (one query)."""
    return obj.history.order_by("-history_id").values_list("history_id", flat=True).first() or 0
