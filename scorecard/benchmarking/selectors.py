"""Reads: where the council's value of an indicator stands among each comparator group.

`indicator_benchmarks` answers for any number of indicators in a fixed number of queries: the
groups and their members, the comparator values of the latest year of each indicator, the
council's own approved values of those years, and its ONS code (its own row in national data is
never one of its comparators).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Max, Prefetch, Q
from django.urls import reverse

from scorecard.core.benchmark import Position, median, position
from scorecard.core.polarity import Polarity
from scorecard.organisation.selectors import organisation_settings_get
from scorecard.performance.choices import WorkflowState
from scorecard.performance.models import Indicator, Measurement

from .access import comparator_group_access
from .imports import PEER_GROUP_SOURCE
from .models import AreaLevel, ComparatorGroup, ComparatorGroupMember, ComparatorValue, GroupKind


@dataclass(frozen=True)
class Benchmark:
    """One indicator against one comparator group in one year."""

    group: ComparatorGroup
    year: str
    count: int  # comparator councils with a value
    median: Decimal  # of the comparators alone
    published_median: Decimal | None  # Oflog's MEDIAN of all councils, for reference
    source: str
    own_period: str  # the period of the council's value ("" when it has none that year)
    position: Position | None  # the council among the comparators, when it has a value


def groups_list():
    members = ComparatorGroupMember.objects.filter(is_archived=False).only("group_id", "area_code")
    return ComparatorGroup.objects.filter(is_archived=False).prefetch_related(
        Prefetch("members", queryset=members)
    )


# --- The comparator groups page -------------------------------------------------------------------


@dataclass(frozen=True)
class GroupRow:
    group: ComparatorGroup
    members: list[ComparatorGroupMember]  # empty for all English councils
    councils: int  # councils counted: the members, or every council with a value
    values: int  # comparator values of those councils, every indicator and year


def groups_for_page(user) -> list[GroupRow]:
    """Every group `user` may see, archived last, with its members and how many values it
    holds (three queries: groups, members, values per council)."""
    members = ComparatorGroupMember.objects.filter(is_archived=False)
    groups = (
        comparator_group_access(user)
        .order_by("is_archived", "order", "name")
        .prefetch_related(Prefetch("members", queryset=members))
    )
    per_council, national = {}, {}
    for code, n, from_national_files in (
        ComparatorValue.objects.filter(level=AreaLevel.COUNCIL)
        .values_list("area_code")
        .annotate(n=Count("pk"), national=Count("pk", filter=~Q(source=PEER_GROUP_SOURCE)))
        .values_list("area_code", "n", "national")
    ):
        per_council[code] = n
        if from_national_files:
            national[code] = from_national_files
    rows = []
    for group in groups:
        listed = list(group.members.all())
        if group.kind == GroupKind.ALL:
            rows.append(GroupRow(group, [], len(national), sum(national.values())))
        else:
            total = sum(per_council.get(m.area_code, 0) for m in listed)
            rows.append(GroupRow(group, listed, len(listed), total))
    return rows


def comparator_councils() -> dict[str, str]:
    """Every council known in the comparator data and in the groups: ONS code -> name, by name
    (two queries)."""
    known = dict(
        ComparatorValue.objects.filter(level=AreaLevel.COUNCIL)
        .values_list("area_code", "area_name")
        .distinct()
    )
    for code, name in ComparatorGroupMember.objects.values_list("area_code", "area_name"):
        known.setdefault(code, name)
    return dict(sorted(known.items(), key=lambda item: (item[1].lower(), item[0])))


def _members(group: ComparatorGroup) -> set[str] | None:
    """The ONS codes of a group's councils; None for all English councils."""
    if group.kind == GroupKind.ALL:
        return None
    return {m.area_code for m in group.members.all()}


def group_values(
    group: ComparatorGroup, values: list[ComparatorValue], *, exclude: str = ""
) -> list[ComparatorValue]:
    """The council-level values of `values` that belong to `group` (less the area `exclude`)."""
    members = _members(group)
    return [
        v
        for v in values
        if v.level == AreaLevel.COUNCIL
        and v.area_code != exclude
        and (
            v.area_code in members
            if members is not None
            else v.source != PEER_GROUP_SOURCE  # a peer group is not every English council
        )
    ]


def _own_values(indicators: list[Indicator], years: dict[int, str]) -> dict[int, Measurement]:
    """The council's approved value in each indicator's comparator year: the annual figure, or
    else the latest period of that year (one query)."""
    condition = Q(pk__in=[])
    for indicator in indicators:
        if indicator.pk in years:
            condition |= Q(indicator_id=indicator.pk, period__startswith=years[indicator.pk])
    found: dict[int, Measurement] = {}
    if not years:
        return found
    rows = (
        Measurement.objects.filter(condition, state=WorkflowState.APPROVED, value__isnull=False)
        .only("indicator_id", "period", "period_start", "value")
        .order_by("indicator_id", "-period_start", "period")
    )
    for m in rows:
        best = found.get(m.indicator_id)
        # The annual figure (period "2017/18") beats any quarter or month of the year.
        if best is None or (m.period == years[m.indicator_id] and best.period != m.period):
            found[m.indicator_id] = m
    return found


def indicator_benchmarks(indicators: list[Indicator]) -> dict[int, list[Benchmark]]:
    """Each indicator's benchmarks in the latest year with comparator values, per group."""
    if not indicators:
        return {}
    ids = [i.pk for i in indicators]
    latest = dict(
        ComparatorValue.objects.filter(indicator_id__in=ids)
        .values_list("indicator_id")
        .annotate(year=Max("year"))
        .values_list("indicator_id", "year")
    )
    if not latest:
        return {}
    condition = Q(pk__in=[])
    for indicator_id, year in latest.items():
        condition |= Q(indicator_id=indicator_id, year=year)
    values: dict[int, list[ComparatorValue]] = defaultdict(list)
    for v in ComparatorValue.objects.filter(condition):
        values[v.indicator_id].append(v)
    groups = list(groups_list())
    own = _own_values(indicators, latest)
    own_code = organisation_settings_get().ons_code
    result: dict[int, list[Benchmark]] = {}
    for indicator in indicators:
        if indicator.pk not in latest:
            continue
        polarity = Polarity(indicator.polarity)
        mine = own.get(indicator.pk)
        published = next(
            (v.published_median for v in values[indicator.pk] if v.published_median is not None),
            None,
        )
        result[indicator.pk] = []
        for group in groups:
            chosen = group_values(group, values[indicator.pk], exclude=own_code)
            if not chosen:
                continue
            numbers = [v.value for v in chosen]
            result[indicator.pk].append(
                Benchmark(
                    group=group,
                    year=latest[indicator.pk],
                    count=len(numbers),
                    median=median(numbers),
                    published_median=published if group.kind == GroupKind.ALL else None,
                    source=chosen[0].source,
                    own_period=mine.period if mine else "",
                    position=position(mine.value, numbers, polarity) if mine else None,
                )
            )
    return result


def indicator_panel(*, request, obj) -> dict:
    """The Benchmarking section of the indicator page."""
    return {
        "benchmarks": indicator_benchmarks([obj]).get(obj.pk, []),
        "comparator_groups_url": reverse("benchmarking:groups"),
    }
