"""Writes: importing comparator values and keeping the comparator groups."""

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.organisation import clock
from scorecard.performance.models import Indicator

from .imports import PEER_GROUP_SOURCE, Parsed
from .models import ComparatorGroup, ComparatorGroupMember, ComparatorValue, GroupKind

ALL_COUNCILS = "All English councils"


@transaction.atomic
def comparator_group_ensure(
    *, name: str, kind: str, members: dict[str, str] | None = None, order: int = 0
) -> ComparatorGroup:
    """The group called `name`, created if new, with `members` (ONS code -> name) added."""
    group = ComparatorGroup.objects.filter(name=name).first()
    if group is None:
        group = ComparatorGroup(name=name, kind=kind, order=order)
        group.full_clean()
        group.save()
    _members_set(group=group, members=members or {}, exactly=False)
    return group


def _members_set(*, group: ComparatorGroup, members: dict[str, str], exactly: bool) -> None:
    """Add `members` (ONS code -> name) to `group`, bringing back archived ones; with `exactly`,
    archive every other member (a member is never deleted: its history stays)."""
    have = {m.area_code: m for m in group.members.all()}
    new = [
        ComparatorGroupMember(group=group, area_code=code, area_name=area)
        for code, area in sorted(members.items())
        if code not in have
    ]
    ComparatorGroupMember.objects.bulk_create(new)
    for code, member in have.items():
        archive = exactly and code not in members
        if member.is_archived != archive:
            member.is_archived = archive
            member.save(update_fields=["is_archived"])


def _named_list_check(*, name: str, members: dict[str, str], group=None) -> None:
    if not members:
        raise ValidationError({"members": "Choose at least one council for the group."})
    clash = ComparatorGroup.objects.filter(name__iexact=name.strip())
    if group is not None:
        clash = clash.exclude(pk=group.pk)
    if clash.exists():
        raise ValidationError({"name": f"There is already a comparator group called {name}."})


@transaction.atomic
def comparator_group_create(
    *, name: str, members: dict[str, str], description: str = ""
) -> ComparatorGroup:
    """A named list of councils (e.g. nearest neighbours), with its members by ONS code."""
    _named_list_check(name=name, members=members)
    group = ComparatorGroup(
        name=name.strip(), kind=GroupKind.LIST, description=description, order=20
    )
    group.full_clean()
    group.save()
    _members_set(group=group, members=members, exactly=True)
    return group


@transaction.atomic
def comparator_group_update(
    *,
    group: ComparatorGroup,
    name: str,
    members: dict[str, str],
    description: str = "",
    is_archived: bool = False,
) -> ComparatorGroup:
    """Rename a named list, set exactly its members, or archive it (never deleted)."""
    if group.kind != GroupKind.LIST:
        raise ValidationError(
            {"name": f"{group} is filled from the national files: only named lists change here."}
        )
    _named_list_check(name=name, members=members, group=group)
    group.name, group.description, group.is_archived = name.strip(), description, is_archived
    group.full_clean()
    group.save(update_fields=["name", "description", "is_archived"])
    _members_set(group=group, members=members, exactly=True)
    return group


@transaction.atomic
def comparator_group_refresh(*, name: str, members: dict[str, str]) -> ComparatorGroup:
    """The named list `name` with exactly `members` (created, or brought up to date, from a
    file that defines the group, such as a near-neighbour peer group)."""
    group = ComparatorGroup.objects.filter(name=name).first()
    if group is None:
        return comparator_group_create(name=name, members=members)
    return comparator_group_update(
        group=group, name=name, members=members, description=group.description
    )


@transaction.atomic
def comparators_import(
    *, indicator: Indicator, parsed: Parsed, source: str, measure: str, regions: bool = True
) -> int:
    """Store every row of `parsed` as `indicator`'s comparator values (replacing the same area
    and year), all or nothing. Adds the All English councils group, and a group per region
    when the file names the councils' regions. Returns the number of values stored."""
    polarities = {row.polarity for row in parsed.rows if row.polarity}
    ranked = indicator.polarity in ("higher", "lower")
    if polarities and ranked and polarities != {indicator.polarity}:
        raise ValidationError(
            {
                "polarity": f"The file ranks {measure} as {' and '.join(sorted(polarities))} "
                f"is better, but {indicator.code} is {indicator.polarity} is better."
            }
        )
    if not parsed.rows:
        raise ValidationError({"file": f"The file holds no published value of {measure}."})
    now = clock.now()
    years = {row.year for row in parsed.rows}
    existing = {
        (v.year, v.area_code): v
        for v in ComparatorValue.objects.filter(indicator=indicator, year__in=years)
    }
    create, update = [], []
    for row in parsed.rows:
        fields = {
            "area_name": row.area_name,
            "level": row.level,
            "value": row.value,
            "numerator": row.numerator,
            "denominator": row.denominator,
            "published_median": row.published_median,
            "source": source,
            "measure": measure,
            "imported_at": now,
        }
        value = existing.get((row.year, row.area_code))
        if value is None:
            value = ComparatorValue(
                indicator=indicator, year=row.year, area_code=row.area_code, **fields
            )
            create.append(value)
        else:
            for name, field_value in fields.items():
                setattr(value, name, field_value)
            update.append(value)
        value.full_clean(exclude=["indicator"], validate_unique=False)
    ComparatorValue.objects.bulk_create(create)
    ComparatorValue.objects.bulk_update(update, [*fields])
    comparator_group_ensure(name=ALL_COUNCILS, kind=GroupKind.ALL)
    if regions:
        by_region: dict[str, dict[str, str]] = {}
        for row in parsed.rows:
            if row.region and row.level == "council":
                by_region.setdefault(row.region, {})[row.area_code] = row.area_name
        for region, members in sorted(by_region.items()):
            comparator_group_ensure(name=region, kind=GroupKind.REGION, members=members, order=10)
    return len(parsed.rows)


@transaction.atomic
def peer_group_import(*, indicator: Indicator, parsed: Parsed, group: str, measure: str) -> int:
    """A near-neighbour file: its values for `indicator`, and the named list `group` with
    exactly the councils of the file. All or nothing; returns the number of values stored."""
    if not group.strip():
        raise ValidationError({"group": "Name the group the file's councils make."})
    stored = comparators_import(
        indicator=indicator, parsed=parsed, source=PEER_GROUP_SOURCE, measure=measure,
        regions=False,
    )  # fmt: skip
    comparator_group_refresh(name=group.strip(), members=parsed.councils)
    return stored
