"""Import of the Corporate Plans, their priorities, the scorecards and their versions.

A scorecard version is made at once with its indicators (the Scorecard entries rows with its
scorecard and quarter), through `scorecard_version_create`; a stored version never changes, so
a row that differs from it is refused. Plans, priorities and scorecards are created through the
performance services; a change to one of them (no service changes them yet) is written through
the model with full_clean() inside the import's transaction (`model_update`).
"""

import datetime as dt
from collections import defaultdict

from scorecard.core import periods
from scorecard.performance import services as performance_services
from scorecard.performance.models import (
    CorporatePlan,
    Priority,
    Scorecard,
    ScorecardEntry,
    ScorecardVersion,
)
from scorecard.performance.services.scorecard_fill import version_fillable

from .base import model_update
from .outcome import CHANGED, CREATED, UNCHANGED, RowFailed


def _changes(instance, wanted: dict) -> dict:
    return {k: v for k, v in wanted.items() if v is not None and getattr(instance, k) != v}


class PlanSheets:
    """Handlers of the Corporate Plans, Priorities, Scorecards and scorecard version sheets."""

    def _plan(self, sheet, number, key, title) -> CorporatePlan | None:
        if not title:
            return None
        found = CorporatePlan.objects.filter(title__iexact=title).first()
        if found is None:
            self._fail(sheet, number, key, f"there is no Corporate Plan called '{title}'")
        return found

    def _apply_corporate_plans(self, sheet, rows) -> None:
        existing = {p.title.lower(): p for p in CorporatePlan.objects.all()}

        def handle(number, values):
            plan = existing.get(values["title"].lower())
            wanted = {"adopted_on": values["adopted_on"], "is_archived": values.get("is_archived")}
            if plan is None:
                plan = performance_services.corporate_plan_create(
                    title=values["title"], adopted_on=values["adopted_on"]
                )
                existing[plan.title.lower()] = plan
                if wanted["is_archived"]:
                    model_update(plan, is_archived=True)
                return CREATED, plan.title
            changes = _changes(plan, wanted)
            if not changes:
                return UNCHANGED, plan.title
            model_update(plan, **changes)
            return CHANGED, plan.title

        self._each(sheet, rows, handle)

    def _apply_priorities(self, sheet, rows) -> None:
        existing = {(p.plan_id, p.code.lower()): p for p in Priority.objects.all()}

        def handle(number, values):
            plan = self._plan(sheet, number, "plan", values["plan"])
            priority = existing.get((plan.pk, values["code"].lower()))
            label = f"{plan.title}: {values['code']} {values['title']}"
            wanted = {
                "title": values["title"],
                "order": values.get("order"),
                "is_archived": values.get("is_archived"),
            }
            if priority is None:
                priority = performance_services.priority_create(
                    plan=plan,
                    code=values["code"],
                    title=values["title"],
                    order=wanted["order"] or 0,
                )
                existing[(plan.pk, priority.code.lower())] = priority
                if wanted["is_archived"]:
                    model_update(priority, is_archived=True)
                return CREATED, label
            changes = _changes(priority, wanted)
            if not changes:
                return UNCHANGED, label
            model_update(priority, **changes)
            return CHANGED, label

        self._each(sheet, rows, handle)

    def _apply_scorecards(self, sheet, rows) -> None:
        existing = {s.name.lower(): s for s in Scorecard.objects.all()}

        def handle(number, values):
            scorecard = existing.get(values["name"].lower())
            directorate = self._directorate(sheet, number, "directorate", values.get("directorate"))
            if scorecard is None:
                scorecard = performance_services.scorecard_create(
                    name=values["name"],
                    tier=values["tier"],
                    directorate=directorate,
                    is_published=bool(values.get("is_published")),
                )
                existing[scorecard.name.lower()] = scorecard
                if values.get("is_archived"):
                    model_update(scorecard, is_archived=True)
                return CREATED, scorecard.name
            changes = _changes(
                scorecard,
                {
                    "tier": values["tier"],
                    "is_published": values.get("is_published"),
                    "is_archived": values.get("is_archived"),
                },
            )
            if "directorate" in values and scorecard.directorate_id != getattr(
                directorate, "pk", None
            ):
                changes["directorate"] = directorate
            if not changes:
                return UNCHANGED, scorecard.name
            model_update(scorecard, **changes)
            return CHANGED, scorecard.name

        self._each(sheet, rows, handle)

    # --- versions and their entries, read together ---------------------------------------------

    def _apply_scorecard_versions(self, members: dict) -> None:
        vsheet, vrows = members.get("scorecard_versions", (None, []))
        esheet, erows = members.get("scorecard_entries", (None, []))
        self._load_indicators(values["indicator"] for _, values in erows)
        self._scorecards = {s.name.lower(): s for s in Scorecard.objects.all()}
        self._versions = {
            (v.scorecard_id, v.live_from): v
            for v in ScorecardVersion.objects.select_related("corporate_plan")
        }
        stored = defaultdict(list)
        for e in ScorecardEntry.objects.order_by("order", "pk"):
            stored[e.version_id].append((e.indicator_id, e.priority_id))
        entries = defaultdict(list)  # (scorecard name, quarter) -> entry rows
        for number, values in erows:
            try:
                quarter = self._period(
                    esheet, number, "live_from", values["live_from"], ("quarter",)
                )
            except RowFailed:
                continue
            entries[(values["scorecard"].lower(), quarter.key)].append((number, values))

        def handle(number, values):
            scorecard = self._scorecard(vsheet, number, values["scorecard"])
            quarter = self._period(vsheet, number, "live_from", values["live_from"], ("quarter",))
            plan = self._plan(vsheet, number, "corporate_plan", values.get("corporate_plan"))
            rows = entries.pop((scorecard.name.lower(), quarter.key), [])
            wanted = self._version_entries(esheet, rows, plan)
            label = f"{scorecard.name} from {quarter.key}"
            version = self._versions.get((scorecard.pk, quarter.key))
            if version is None:
                version = performance_services.scorecard_version_create(
                    scorecard=scorecard, live_from=quarter.key, entries=wanted,
                    corporate_plan=plan, notes=self._text(values, "notes"),
                )  # fmt: skip
                self._versions[(scorecard.pk, quarter.key)] = version
                self._record_entries(esheet, rows, CREATED, label)
                return CREATED, label
            same = version.corporate_plan_id == getattr(plan, "pk", None)
            same = same and ("notes" not in values or self._text(values, "notes") == version.notes)
            same = same and (not rows or self._same_entries(stored[version.pk], wanted))
            if not same:
                self._fail(
                    vsheet,
                    number,
                    "live_from",
                    f"the version of {scorecard.name} live from {quarter.key} is already in the system "
                    "with other contents, and a version never changes: add a new version live from a later quarter",
                )
            self._record_entries(esheet, rows, UNCHANGED, label)
            return UNCHANGED, label

        if vsheet is not None:
            order = sorted(vrows, key=lambda row: (row[1]["scorecard"].lower(), self._start(row)))
            self._each(vsheet, order, handle)
        for (name, quarter), rows in entries.items():  # entries of versions not on the sheet
            self._entries_of_stored_version(esheet, name, quarter, rows, stored)

    def _start(self, row) -> dt.date:
        """When a version row's quarter starts, to import a scorecard's versions in order."""
        try:
            return periods.parse(str(row[1]["live_from"]), self.start_month).start
        except periods.PeriodError:
            return dt.date.min  # refused with its row and column when imported

    def _scorecard(self, sheet, number, name) -> Scorecard:
        found = self._scorecards.get(str(name).lower())
        if found is None:
            found = Scorecard.objects.filter(name__iexact=name).first()
        if found is None:
            self._fail(sheet, number, "scorecard", f"there is no scorecard called '{name}'")
        return found

    def _version_entries(self, sheet, rows, plan) -> list:
        """The indicators of a version, in the order of their Order column, with their priority."""
        priorities = {p.code.lower(): p for p in plan.priorities.all()} if plan else {}
        wanted = []
        for number, values in sorted(rows, key=lambda row: (row[1].get("order") or 0, row[0])):
            indicator = self._indicator(sheet, number, "indicator", values["indicator"])
            code = values.get("priority")
            priority = priorities.get(str(code).lower()) if code else None
            if code and priority is None:
                where = f"in {plan}" if plan else "because the version has no Corporate Plan"
                self._fail(sheet, number, "priority", f"there is no priority '{code}' {where}")
            wanted.append((indicator, priority))
        return wanted

    @staticmethod
    def _same_entries(stored: list, wanted: list) -> bool:
        return stored == [(i.pk, getattr(p, "pk", None)) for i, p in wanted]

    def _record_entries(self, sheet, rows, action, label) -> None:
        for number, values in rows:
            self._record(sheet, number, action, f"{values['indicator']} on {label}")
            self._done += 1

    def _entries_of_stored_version(self, sheet, name, quarter, rows, stored) -> None:
        first = rows[0][0]
        try:
            scorecard = self._scorecard(sheet, first, rows[0][1]["scorecard"])
            version = self._versions.get((scorecard.pk, quarter))
            if version is None:
                self._fail(
                    sheet,
                    first,
                    "live_from",
                    f"{scorecard.name} has no version live from {quarter}: add it on the Scorecard versions sheet",
                )
            wanted = self._version_entries(sheet, rows, version.corporate_plan)
            added = []
            if not self._same_entries(stored[version.pk], wanted):
                added = self._entries_added(sheet, first, scorecard, version, stored, wanted)
        except RowFailed:
            return
        label = f"{scorecard.name} from {quarter}"
        codes = {i.code.lower() for i in added}
        for number, values in rows:
            action = CREATED if str(values["indicator"]).lower() in codes else UNCHANGED
            self._record(sheet, number, action, f"{values['indicator']} on {label}")
            self._done += 1

    def _entries_added(self, sheet, first, scorecard, version, stored, wanted) -> list:
        """A stored version takes more indicators until its first quarter is locked (the rule
        of the matching page's scorecard choice); it never loses or reorders any."""
        pairs = [(i.pk, getattr(p, "pk", None)) for i, p in wanted]
        kept = stored[version.pk]
        latest = scorecard.versions.order_by("-live_from_start").first()
        only_added = set(kept) <= set(pairs)
        if (
            not only_added
            or latest.pk != version.pk
            or not version_fillable(version)
            or any(p is not None for (pk, p) in pairs if pk not in {k for k, _ in kept})
        ):
            self._fail(
                sheet, first, "indicator",
                f"the version of {scorecard.name} live from {version.live_from} is already in "
                "the system with other indicators: a version takes more indicators, without "
                "priorities, only while it is the scorecard's current one and its first quarter "
                "is not locked; it never loses any. Add a new version live from a later quarter",
            )  # fmt: skip
        on = {k for k, _ in kept}
        added = [i for i, _ in wanted if i.pk not in on]
        performance_services.scorecard_entries_add(
            scorecard=scorecard, indicators=added, live_from=version.live_from
        )
        stored[version.pk] = kept + [(i.pk, None) for i in added]
        return added
