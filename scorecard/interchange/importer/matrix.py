"""Import of the risk matrix (matrices, levels, bands, cells, read together) and the risk appetite.

A new matrix is checked row by row (each level, band and cell), then created whole through
`risk_matrix_create`, which refuses gaps and unbanded cells. In a stored matrix, a cell moves to
another band through `risk_matrix_cell_set_band` and a matrix becomes current through
`risk_matrix_make_current`; a level's label or descriptor through `risk_matrix_level_update`; a
band's label, colour or review frequency through `risk_matrix_band_update` (its severity never
changes). A stored matrix keeps its size.
"""

from django.core.exceptions import ValidationError

from scorecard.core import scoring
from scorecard.risks import services as risk_services
from scorecard.risks.choices import MatrixAxis
from scorecard.risks.models import MatrixBand, MatrixCell, MatrixLevel, RiskAppetite, RiskMatrix

from .outcome import CHANGED, CREATED, UNCHANGED, Problem

LEVEL_FIELDS = ("label", "descriptor")
BAND_FIELDS = ("label", "colour", "severity", "review_months")
FIXED_SEVERITY = (
    "a band's severity never changes, so past assessments and the ranking keep their meaning"
)
FIXED_SIZE = "a stored matrix keeps its scales, bands and cells: to change its size, import a new matrix under another name"


class MatrixSheets:
    """Handlers of the risk matrix sheets and of the Risk appetite sheet."""

    def _apply_matrix(self, members: dict) -> None:
        stored = {m.name.lower(): m for m in RiskMatrix.objects.all()}
        lsheet, bsheet, csheet = (
            members.get(key, (None,))[0]
            for key in ("matrix_levels", "matrix_bands", "matrix_cells")
        )
        new = {}  # name -> {"likelihood": [], "impact": [], "bands": [], "cells": {}, "name": ...}

        def part(name: str) -> dict | None:
            if name.lower() in stored:
                return None
            return new.setdefault(
                name.lower(),
                {"name": name, "likelihood": [], "impact": [], "bands": [], "cells": {}},
            )

        def level(number, values):
            label = f"{values['matrix']}: {values['axis']} {values['number']}"
            row = MatrixLevel(
                axis=values["axis"], number=values["number"], label=values["label"],
                descriptor=self._text(values, "descriptor"),
            )  # fmt: skip
            building = part(values["matrix"])
            if building is not None:
                row.full_clean(exclude=["matrix"])
                building[values["axis"]].append(
                    scoring.Level(row.number, row.label, row.descriptor)
                )
                return CREATED, label
            found = MatrixLevel.objects.filter(
                matrix=stored[values["matrix"].lower()], axis=row.axis, number=row.number
            ).first()
            if found is None:
                self._fail(lsheet, number, "number", FIXED_SIZE)
            if all(getattr(found, k) == getattr(row, k) for k in LEVEL_FIELDS):
                return UNCHANGED, label
            risk_services.risk_matrix_level_update(
                level=found, label=row.label, descriptor=row.descriptor
            )
            return CHANGED, label

        def band(number, values):
            label = f"{values['matrix']}: {values['key']}"
            row = MatrixBand(**{k: values[k] for k in ("key", *BAND_FIELDS)})
            building = part(values["matrix"])
            if building is not None:
                row.full_clean(exclude=["matrix"])
                building["bands"].append(
                    scoring.Band(row.key, row.label, row.colour, row.severity, row.review_months)
                )
                return CREATED, label
            found = MatrixBand.objects.filter(
                matrix=stored[values["matrix"].lower()], key=row.key
            ).first()
            if found is None:
                self._fail(bsheet, number, "key", FIXED_SIZE)
            if all(getattr(found, k) == getattr(row, k) for k in BAND_FIELDS):
                return UNCHANGED, label
            if found.severity != row.severity:
                self._fail(bsheet, number, "severity", FIXED_SEVERITY)
            risk_services.risk_matrix_band_update(
                band=found, label=row.label, colour=row.colour, review_months=row.review_months
            )
            return CHANGED, label

        def cell(number, values):
            where = (values["likelihood"], values["impact"])
            label = f"{values['matrix']}: likelihood {where[0]} x impact {where[1]}"
            building = part(values["matrix"])
            if building is not None:
                if where in building["cells"]:
                    self._fail(csheet, number, "impact", "this cell is on the sheet twice")
                if values["band"] not in {b.key for b in building["bands"]}:
                    self._fail(
                        csheet,
                        number,
                        "band",
                        f"there is no band '{values['band']}' on Matrix bands",
                    )
                building["cells"][where] = values["band"]
                return CREATED, label
            matrix = stored[values["matrix"].lower()]
            found = MatrixCell.objects.filter(
                matrix=matrix, likelihood=where[0], impact=where[1]
            ).select_related("band")
            found = found.first()
            if found is None:
                self._fail(csheet, number, "likelihood", FIXED_SIZE)
            if found.band.key == values["band"]:
                return UNCHANGED, label
            risk_services.risk_matrix_cell_set_band(
                matrix=matrix, likelihood=where[0], impact=where[1], band_key=values["band"]
            )
            return CHANGED, label

        for key, handle in (
            ("matrix_levels", level),
            ("matrix_bands", band),
            ("matrix_cells", cell),
        ):
            if key in members:
                sheet, rows = members[key]
                self._each(sheet, rows, handle)
        made = self._create_matrices(members, new)
        if "risk_matrices" in members:
            self._apply_matrix_rows(*members["risk_matrices"], made)

    def _create_matrices(self, members: dict, new: dict) -> set[str]:
        """Create each new matrix whole; its problems name the sheet of the part they are about."""
        sheets = {
            MatrixAxis.LIKELIHOOD: "matrix_levels",
            MatrixAxis.IMPACT: "matrix_levels",
            "bands": "matrix_bands",
            "cells": "matrix_cells",
        }
        made = set()
        for building in new.values():
            try:
                risk_services.risk_matrix_create(
                    name=building["name"], likelihood=building["likelihood"],
                    impact=building["impact"], bands=building["bands"], cells=building["cells"],
                    make_current=False,
                )  # fmt: skip
            except ValidationError as error:
                for part, messages in error.message_dict.items():
                    sheet = members.get(sheets.get(part, ""), (None,))[0]
                    source = sheet.source if sheet else sheets.get(part, "Risk matrices")
                    for message in messages:
                        self.outcome.problems.append(
                            Problem(source, None, None, f"{building['name']}: {message}")
                        )
                continue
            made.add(building["name"].lower())
        return made

    def _apply_matrix_rows(self, sheet, rows, made: set[str]) -> None:
        # Rows that make a matrix current first: a matrix stops being current when another is.
        rows = sorted(rows, key=lambda row: not row[1].get("is_current"))
        was_current = set(RiskMatrix.objects.filter(is_current=True).values_list("pk", flat=True))

        def handle(number, values):
            matrix = RiskMatrix.objects.filter(name__iexact=values["name"]).first()
            created = values["name"].lower() in made
            if matrix is None:
                self._fail(
                    sheet,
                    number,
                    "name",
                    f"there is no matrix called '{values['name']}': give its levels, bands and "
                    "cells on the Matrix levels, Matrix bands and Matrix cells sheets",
                )
            action = CREATED if created else UNCHANGED
            current = values.get("is_current")
            if current and not matrix.is_current:
                risk_services.risk_matrix_make_current(matrix=matrix)
                action = action if created else CHANGED
            elif current is False and matrix.pk in was_current and not matrix.is_current:
                action = CHANGED  # another row of the file made another matrix current
            elif current is False and matrix.is_current:
                self._fail(
                    sheet,
                    number,
                    "is_current",
                    f"{matrix.name} is the current matrix: it stops being current when another matrix is made current",
                )
            return action, matrix.name

        self._each(sheet, rows, handle)

    def _apply_risk_appetite(self, sheet, rows) -> None:
        existing = {a.category_id: a for a in RiskAppetite.objects.all()}

        def handle(number, values):
            category = self._category(sheet, number, "category", values["category"])
            found = existing.get(category.code)
            statement = (
                self._text(values, "statement")
                if "statement" in values
                else (found.statement if found else "")
            )
            label = f"{category}: up to {values['maximum_score']}"
            if found and (found.maximum_score, found.statement) == (
                values["maximum_score"],
                statement,
            ):
                return UNCHANGED, label
            existing[category.code] = risk_services.risk_appetite_set(
                category=category,
                maximum_score=values["maximum_score"],
                statement=statement,
            )
            return (CHANGED if found else CREATED), label

        self._each(sheet, rows, handle)
        self._report_missing(sheet)
