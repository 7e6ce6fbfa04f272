"""Import of the risk sheets: registers, risk areas, risks, controls, actions and assessments."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.core import levels
from scorecard.organisation.access import Action as Do
from scorecard.organisation.models import Directorate
from scorecard.risks import services as risk_services
from scorecard.risks.access import action_access, register_access
from scorecard.risks.choices import RegisterKind, RiskStatus
from scorecard.risks.models import (
    Action,
    Assessment,
    Control,
    Register,
    Risk,
    RiskArea,
    RiskCategory,
)
from scorecard.risks.selectors import NoCurrentMatrix, risk_matrix_current

from .outcome import CHANGED, CREATED, UNCHANGED, Problem, RowFailed

LEVEL_AXES = {
    "inherent_likelihood": "likelihood", "inherent_impact": "impact",
    "current_likelihood": "likelihood", "current_impact": "impact",
    "target_likelihood": "likelihood", "target_impact": "impact",
    "likelihood": "likelihood", "impact": "impact",
}  # fmt: skip
SCORES = {"inherent_score": "inherent", "current_score": "current"}
# The column-matching page's choice that adds what the file names (`create_named`).
CREATE_NAMED = (
    "Add the categories, registers and owners the file names that are not in the system yet"
)
MISSING_HINTS = {
    "risk category": f"add it under Risk categories, or tick '{CREATE_NAMED}' on the "
    "column-matching page",
    "risk register": f"add it under Risk registers, or tick '{CREATE_NAMED}' on the "
    "column-matching page and choose what it is added as",
}


class RiskSheets:
    """Handlers of the register, risk area, risk, control, action and assessment sheets."""

    # Set from the column-matching page's choices (`services.import_file`).
    create_named = False  # add the categories and registers the file names
    level_scale: int | None = None  # the file's levels run 1..level_scale, not the matrix's
    register_kind = ""  # what a new register is added as: "corporate", "project:CODE"...

    # --- the file's own words -------------------------------------------------------------------

    def _matrix_labels(self) -> dict[str, dict[int, str]]:
        if not hasattr(self, "_labels"):
            try:
                matrix = risk_matrix_current()
            except NoCurrentMatrix:
                self._labels = {"likelihood": {}, "impact": {}}
            else:
                self._labels = {
                    "likelihood": {lv.number: lv.label for lv in matrix.likelihood},
                    "impact": {lv.number: lv.label for lv in matrix.impact},
                }
        return self._labels

    def _level(self, sheet, number, key, value):
        """A likelihood or impact as the matrix's number: from its label or a synonym, or from
        a number on the file's own scale when the page says the file uses another."""
        if value is None:
            return None
        axis = LEVEL_AXES[key]
        labels = self._matrix_labels()[axis]
        if isinstance(value, str):
            found = levels.level_from_words(value, labels, axis)
            if found is None:
                words = ", ".join(labels.values())
                self._fail(
                    sheet, number, key,
                    f"'{value}' is not a {axis} of the risk matrix: give a number from 1 to "
                    f"{len(labels)} or one of {words}",
                )  # fmt: skip
            return found
        if self.level_scale and labels:
            try:
                return levels.rescale(value, file_top=self.level_scale, matrix_top=len(labels))
            except ValueError:
                self._fail(
                    sheet, number, key,
                    f"{value} is not on the file's scale of 1 to {self.level_scale}",
                )  # fmt: skip
        return value

    def _check_scores(self, sheet, number, values, reference) -> None:
        """A score the file gives that is not its likelihood x impact is listed in the preview
        (the file's own numbers, as the council printed them); the import goes on."""
        for key, stage in SCORES.items():
            given = values.get(key)
            lk, im = values.get(f"{stage}_likelihood"), values.get(f"{stage}_impact")
            if given is None or not isinstance(lk, int) or not isinstance(im, int):
                continue
            if given != lk * im:
                self.outcome.notices.append(
                    Problem(
                        sheet.source, number, sheet.headers.get(key),
                        f"risk {reference}'s {stage} score is {given} in the file, but its "
                        f"likelihood {lk} x impact {im} is {lk * im}: the register keeps {lk * im}",
                    )
                )  # fmt: skip

    def _named(self, what: str, label: str) -> None:
        """Something the file names that the import adds (a category, a register, an owner),
        listed in the preview before anything is written."""
        counts = self.outcome.counts.setdefault(what, {CREATED: 0, CHANGED: 0, UNCHANGED: 0})
        counts[CREATED] += 1
        self.outcome.changes.append({"sheet": what, "row": None, "action": CREATED, "label": label})

    def _missing(self, sheet, number, key, what: str, text: str):
        """Remember a name the system does not have, to say it once with all its rows."""
        if not hasattr(self, "_missing_names"):
            self._missing_names = {}
        found = self._missing_names.setdefault((sheet.source, key, what, text.lower()), [text])
        found.append(number)
        raise RowFailed

    def _report_missing(self, sheet) -> None:
        names = getattr(self, "_missing_names", {})
        for (source, key, what, _), (text, *rows) in list(names.items()):
            if source != sheet.source:
                continue
            del names[(source, key, what, _)]
            where = f"row {rows[0]}" if len(rows) == 1 else f"rows {', '.join(map(str, rows))}"
            self.outcome.problems.append(
                Problem(
                    source, None, sheet.headers.get(key),
                    f"there is no {what} '{text}' ({where}): {MISSING_HINTS[what]}",
                )
            )  # fmt: skip

    def _category(self, sheet, number, key, text) -> RiskCategory:
        if not hasattr(self, "_categories"):
            self._categories = {}
            for category in RiskCategory.objects.all():
                self._categories[category.code.lower()] = category
                self._categories.setdefault(category.name.lower(), category)
        name = " ".join(str(text).split())
        found = self._categories.get(name.lower())
        if found is None and self.create_named and self.teams["risks"]:
            found = risk_services.risk_category_create(name=name)
            self._categories[name.lower()] = found
            self._named("Risk categories", found.name)
        if found is None:
            self._missing(sheet, number, key, "risk category", name)
        if found.is_archived:
            self._fail(sheet, number, key, f"{found} is archived: choose a category in use")
        return found

    def _register_named(self, sheet, number, key, text) -> Register:
        """A register by name; one the file names is added, when the page says to, as the kind
        of register chosen there (the council's corporate register unless said otherwise)."""
        name = " ".join(str(text).split())
        found = Register.objects.filter(name__iexact=name).first()
        if found is None and self.create_named and self.teams["risks"]:
            found = self._register_add(sheet, number, key, name)
        if found is None:
            self._missing(sheet, number, key, "risk register", name)
        return found

    def _register_add(self, sheet, number, key, name) -> Register:
        kind, _, code = (self.register_kind or RegisterKind.CORPORATE).partition(":")
        directorate = None
        if code:
            directorate = Directorate.objects.filter(code=code, is_archived=False).first()
            if directorate is None:
                self._fail(sheet, number, key, f"there is no directorate '{code}'")
        if kind == RegisterKind.CORPORATE and Register.objects.filter(kind=kind).exists():
            self._fail(
                sheet, number, key,
                f"the council has its corporate register already: choose to add {name} as a "
                "directorate's or a project's register, or add it on the Risk registers page",
            )  # fmt: skip
        parent = None
        if kind != RegisterKind.CORPORATE:
            parent = Register.objects.filter(kind=RegisterKind.CORPORATE, is_archived=False).first()
        try:
            register = risk_services.register_create(
                name=name, kind=RegisterKind(kind), directorate=directorate, parent=parent
            )
        except (ValidationError, ValueError) as error:
            messages = getattr(error, "messages", [str(error)])
            self._fail(sheet, number, key, " ".join(messages))
        label = RegisterKind(kind).label.lower()
        where = f" of {directorate.name}" if directorate else ""
        self._named("Registers", f"{register.name} (a {label} register{where})")
        self._registers_added = {*getattr(self, "_registers_added", ()), register.pk}
        return register

    def _apply_registers(self, sheet, rows) -> None:
        def handle(number, values):
            register = Register.objects.filter(name__iexact=values["name"]).first()
            directorate = self._directorate(sheet, number, "directorate", values.get("directorate"))
            parent = self._register(sheet, number, "parent", values.get("parent"))
            if register is None:
                register = risk_services.register_create(
                    name=values["name"],
                    kind=values["kind"],
                    directorate=directorate,
                    parent=parent,
                    description=self._text(values, "description"),
                )
                if values.get("is_archived"):
                    risk_services.register_archive(register=register)
                return CREATED, register.name
            same = (register.kind, register.directorate_id, register.parent_id) == (
                values["kind"],
                getattr(directorate, "pk", None),
                getattr(parent, "pk", None),
            )
            same = same and (
                "description" not in values
                or register.description == self._text(values, "description")
            )
            if not same:
                self._fail(
                    sheet,
                    number,
                    "kind",
                    f"{register.name} is already in the system with another kind, directorate, parent or description: change it on its page",
                )
            if values.get("is_archived") and not register.is_archived:
                risk_services.register_archive(register=register)
                return CHANGED, register.name
            return UNCHANGED, register.name

        self._each(sheet, rows, handle)

    def _apply_risk_areas(self, sheet, rows) -> None:
        def handle(number, values):
            area = RiskArea.objects.filter(name__iexact=values["name"]).first()
            owner = self._person(sheet, number, "owner", values["owner"])
            wanted = {"name": values["name"], "owner": owner}
            for key in ("description", "mitigation_summary"):
                if key in values:
                    wanted[key] = self._text(values, key)
            if values.get("is_archived") is not None:
                wanted["is_archived"] = values["is_archived"]
            if area is None:
                area = risk_services.risk_area_create(
                    **{k: v for k, v in wanted.items() if k != "is_archived"}
                )
                if wanted.get("is_archived"):
                    risk_services.risk_area_update(area=area, is_archived=True)
                return CREATED, area.name
            changes = {k: v for k, v in wanted.items() if getattr(area, k) != v}
            if not changes:
                return UNCHANGED, area.name
            risk_services.risk_area_update(area=area, **changes)
            return CHANGED, area.name

        self._each(sheet, rows, handle)

    RISK_FIELDS = [
        "title", "category", "owner", "area", "cause", "event", "consequence",
        "inherent_likelihood", "inherent_impact", "target_likelihood", "target_impact",
        "target_date", "review_months", "is_confidential",
    ]  # fmt: skip
    RISK_TEXT = {"cause", "event", "consequence"}
    RISK_NULLABLE = {"area", "target_likelihood", "target_impact", "target_date", "review_months"}

    def _apply_risks(self, sheet, rows) -> None:
        self._load_risks(values["reference"] for _, values in rows)
        editable_registers = set(register_access(self.user, Do.EDIT).values_list("pk", flat=True))

        def handle(number, values):
            risk = self._risks.get(values["reference"].lower())
            self._check_scores(sheet, number, values, values["reference"])
            register, owner, category = self._together(
                lambda: self._register_named(sheet, number, "register", values["register"]),
                lambda: self._person(sheet, number, "owner", values.get("owner")),
                lambda: (
                    self._category(sheet, number, "category", values["category"])
                    if "category" in values
                    else None
                ),
            )
            incoming = {}
            for key in self.RISK_FIELDS:
                if key not in values:
                    continue
                value = values[key]
                if key in LEVEL_AXES:
                    value = self._level(sheet, number, key, value)
                elif key == "category":
                    value = category
                elif key == "owner":
                    value = owner
                elif key == "area" and value is not None:
                    value = RiskArea.objects.filter(name__iexact=value).first()
                    if value is None:
                        self._fail(sheet, number, key, f"there is no risk area '{values[key]}'")
                if value is None and key in self.RISK_TEXT:
                    value = ""
                if value is None and key not in self.RISK_NULLABLE:
                    continue
                incoming[key] = value
            current = (
                self._level(sheet, number, "current_likelihood", values["current_likelihood"]),
                self._level(sheet, number, "current_impact", values["current_impact"]),
            )
            status = values.get("status")
            if risk is None:
                if register.pk not in editable_registers | getattr(self, "_registers_added", set()):
                    self._fail(
                        sheet, number, "register", f"you may not add risks to {register.name}"
                    )
                risk = risk_services.risk_create(
                    reference=values["reference"], register=register,
                    current_likelihood=current[0], current_impact=current[1],
                    identified_on=values.get("identified_on"), **incoming,
                )  # fmt: skip
                self._risks[risk.reference.lower()] = risk
                self._risks_editable.add(risk.pk)
                action = CREATED
            else:
                if risk.pk not in self._risks_editable:
                    self._fail(
                        sheet, number, "reference", f"you may not change risk {risk.reference}"
                    )
                if register.pk not in {risk.register_id, risk.escalated_to_id}:
                    self._fail(
                        sheet,
                        number,
                        "register",
                        f"risk {risk.reference} is on {risk.register}: a risk moves to another register by escalation, on its page",
                    )
                changes = {
                    k: v
                    for k, v in incoming.items()
                    if (risk.category_id != v.code if k == "category" else getattr(risk, k) != v)
                }
                if changes and risk.status == RiskStatus.CLOSED:
                    self._fail(
                        sheet,
                        number,
                        "reference",
                        f"risk {risk.reference} is closed, so it cannot be changed",
                    )
                if changes:
                    risk_services.risk_update(risk=risk, **changes)
                action = CHANGED if changes else UNCHANGED
            self._risk_followups.append((sheet, number, risk, current, status, values))
            return action, str(risk)

        self._each(sheet, rows, handle)
        self._report_missing(sheet)

    def _apply_controls(self, sheet, rows) -> None:
        self._load_risks(values["risk"] for _, values in rows)
        existing = defaultdict(list)
        for control in Control.objects.filter(risk__reference__in=[v["risk"] for _, v in rows]):
            existing[(control.risk_id, control.description.strip())].append(control)

        def handle(number, values):
            risk = self._risk(sheet, number, "risk", values["risk"])
            found = existing[(risk.pk, values["description"])]
            control = found[0] if found else None
            owner = (
                self._person(sheet, number, "owner", values.get("owner"))
                if "owner" in values
                else (control.owner if control else None)
            )
            effectiveness = values.get("effectiveness") or (
                control.effectiveness if control else "not_assessed"
            )
            label = f"{risk.reference}: {values['description'][:60]}"
            if control is None:
                control = risk_services.control_create(
                    risk=risk,
                    description=values["description"],
                    owner=owner,
                    effectiveness=effectiveness,
                )
                existing[(risk.pk, values["description"])].append(control)
                if values.get("is_archived"):
                    risk_services.control_archive(control=control)
                return CREATED, label
            if (control.owner_id, control.effectiveness) != (
                getattr(owner, "pk", None),
                effectiveness,
            ):
                self._fail(
                    sheet,
                    number,
                    "effectiveness",
                    "this control is already recorded with another owner or effectiveness: change it on the risk's page",
                )
            if values.get("is_archived") and not control.is_archived:
                risk_services.control_archive(control=control)
                return CHANGED, label
            return UNCHANGED, label

        self._each(sheet, rows, handle)

    def _apply_actions(self, sheet, rows) -> None:
        self._load_risks(values["risk"] for _, values in rows)
        references = [v["risk"] for _, v in rows]
        existing = {}
        for item in Action.objects.filter(risk__reference__in=references):
            existing.setdefault((item.risk_id, item.description.strip()), item)
        # action_access: those who may change the risk, and an action's owner (its progress).
        own = set(
            action_access(self.user, Do.EDIT)
            .filter(risk__reference__in=references)
            .values_list("pk", flat=True)
        )
        progress_fields = ["status", "percent_complete", "progress", "on_track", "revised_due_on"]

        def handle(number, values):
            risk, owner = self._together(
                lambda: self._risk(sheet, number, "risk", values["risk"], edit=False),
                lambda: self._person(sheet, number, "owner", values["owner"]),
            )
            item = existing.get((risk.pk, values["description"]))
            if risk.pk not in self._risks_editable and (item is None or item.pk not in own):
                self._fail(sheet, number, "risk", f"you may not change risk {risk.reference}")
            label = f"{risk.reference}: {values['description'][:60]}"
            action = UNCHANGED
            if item is None:
                item = risk_services.action_create(
                    risk=risk,
                    description=values["description"],
                    owner=owner,
                    due_on=values["due_on"],
                    already_agreed=True,  # a register's actions, agreed before the import
                )
                existing[(risk.pk, values["description"])] = item
                action = CREATED
            elif item.due_on != values["due_on"]:
                self._fail(
                    sheet,
                    number,
                    "due_on",
                    f"the agreed due date is {item.due_on:%d/%m/%Y} and never changes: put a new date in Revised due on",
                )
            changes = {}
            for key in progress_fields:
                if key in values and values[key] is not None and getattr(item, key) != values[key]:
                    changes[key] = values[key]
            if item.owner_id != owner.pk:
                if risk.pk not in self._risks_editable:
                    self._fail(
                        sheet,
                        number,
                        "owner",
                        f"you may report progress on this action but not change risk {risk.reference}",
                    )
                changes["owner"] = owner
            if "progress" in values and values["progress"] is None and item.progress:
                changes["progress"] = ""
            if changes:
                risk_services.action_update(action=item, **changes)
                action = action if action == CREATED else CHANGED
            return action, label

        self._each(sheet, rows, handle)

    def _apply_assessments(self, sheet, rows) -> None:
        self._load_risks(values["risk"] for _, values in rows)
        existing = {
            (a.risk_id, a.assessed_on): a
            for a in Assessment.objects.filter(risk__reference__in=[v["risk"] for _, v in rows])
        }
        rows = sorted(rows, key=lambda r: (r[1]["assessed_on"], r[0]))  # date order, as recorded

        def handle(number, values):
            risk, period = self._together(
                lambda: self._risk(sheet, number, "risk", values["risk"]),
                lambda: (
                    self._period(sheet, number, "period", values["period"]).key
                    if values.get("period")
                    else None
                ),
            )
            values = values | {
                key: self._level(sheet, number, key, values[key])
                for key in ("likelihood", "impact")
            }
            found = existing.get((risk.pk, values["assessed_on"]))
            label = f"{risk.reference} {values['assessed_on']:%d/%m/%Y}"
            if found is not None:
                same = (found.likelihood, found.impact) == (values["likelihood"], values["impact"])
                same = same and (period is None or period == found.period)
                same = same and (
                    "commentary" not in values
                    or self._text(values, "commentary") == found.commentary
                )
                if not same:
                    self._fail(
                        sheet,
                        number,
                        "likelihood",
                        f"risk {risk.reference} already has an assessment on {values['assessed_on']:%d/%m/%Y} with other figures: past assessments are not changed",
                    )
                return UNCHANGED, label
            self._actor(sheet, number, "assessor", values.get("assessor"), role="assessor")
            risk = Risk.objects.get(pk=risk.pk)
            assessment = risk_services.assessment_record(
                risk=risk, likelihood=values["likelihood"], impact=values["impact"], assessor=self.user,
                assessed_on=values["assessed_on"], period=period, commentary=self._text(values, "commentary"),
            )  # fmt: skip
            existing[(risk.pk, values["assessed_on"])] = assessment
            return CREATED, label

        self._each(sheet, rows, handle)

    def _finish_risks(self) -> None:
        """After controls, actions and assessments: bring each risk's current rating to the file's
        (recording a review when it differs) and close the risks the file says are closed."""
        for sheet, number, risk, current, status, values in self._risk_followups:
            try:
                with transaction.atomic():
                    risk = Risk.objects.get(pk=risk.pk)
                    changed = False
                    if (
                        risk.current_likelihood,
                        risk.current_impact,
                    ) != current and risk.status != RiskStatus.CLOSED:
                        risk_services.assessment_record(
                            risk=risk, likelihood=current[0], impact=current[1], assessor=self.user,
                            assessed_on=self.assessed_on_for_changes,
                            commentary="Current rating changed by an import.",
                        )  # fmt: skip
                        changed = True
                    if status == RiskStatus.CLOSED and risk.status != RiskStatus.CLOSED:
                        risk = Risk.objects.get(pk=risk.pk)
                        risk_services.risk_close(
                            risk=risk,
                            reason=self._text(values, "closure_reason") or "Closed.",
                            closed_on=values.get("closed_on"),
                        )
                        changed = True
                    elif status == RiskStatus.OPEN and risk.status == RiskStatus.CLOSED:
                        self._fail(
                            sheet,
                            number,
                            "status",
                            f"risk {risk.reference} is closed: a closed risk is not reopened by an import",
                        )
            except RowFailed:
                continue
            except ValidationError as error:
                self._service_problems(sheet, number, error)
                continue
            if changed:
                self._count_changed(sheet, number, str(risk))
