"""Heat maps: which risks sit in which cell, and whether a printed heat map agrees with the register.

Committee papers often carry a heat map drawn by hand from the register. This module
reads positions written as "L4/I3" (likelihood 4, impact 3) and compares a printed or
imported heat map with the register's own ratings: a risk printed in the wrong cell,
printed more than once, left off, or printed though the register does not hold it.

Pure module: no Django import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

FindingKind = Literal["wrong_cell", "printed_more_than_once", "not_printed", "not_in_register"]

_POSITION = re.compile(r"^L\s*(?P<likelihood>\d+)\s*/\s*I\s*(?P<impact>\d+)$", re.IGNORECASE)


class HeatMapError(ValueError):
    """Text that does not name a heat map cell."""


@dataclass(frozen=True, order=True)
class Position:
    """A cell of the heat map."""

    likelihood: int
    impact: int

    @property
    def key(self) -> str:
        return f"L{self.likelihood}/I{self.impact}"

    def __str__(self) -> str:
        return f"likelihood {self.likelihood} x impact {self.impact}"


def parse_positions(text: str) -> list[Position]:
    """Read "L4/I3" or several cells separated by ";" or "," ("L4/I3;L3/I4"). Empty text: none."""
    positions = []
    for part in re.split(r"[;,]", text or ""):
        part = part.strip()
        if not part:
            continue
        match = _POSITION.match(part)
        if match is None:
            raise HeatMapError(
                f"{part!r} is not a heat map cell: write L then the likelihood, a slash, "
                "I then the impact, e.g. L4/I3."
            )
        positions.append(Position(int(match["likelihood"]), int(match["impact"])))
    return positions


@dataclass(frozen=True)
class Finding:
    """One disagreement between a printed heat map and the register."""

    reference: str
    kind: FindingKind
    printed: tuple[Position, ...]
    scored: Position | None

    @property
    def message(self) -> str:
        printed = "; ".join(str(p) for p in self.printed)
        if self.kind == "wrong_cell":
            return (
                f"Risk {self.reference} is printed at {printed}, but the register rates it "
                f"{self.scored}."
            )
        if self.kind == "printed_more_than_once":
            return (
                f"Risk {self.reference} is printed {len(self.printed)} times ({printed}); "
                f"the register rates it {self.scored}."
            )
        if self.kind == "not_printed":
            return f"Risk {self.reference} ({self.scored}) is missing from the printed heat map."
        return f"Risk {self.reference} is printed at {printed} but is not in the register."


def check_printed_heat_map(
    *, scored: Mapping[str, Position], printed: Mapping[str, Sequence[Position]]
) -> list[Finding]:
    """Compare a printed heat map (reference -> cells it appears in) with the register's ratings.

    One finding per risk at most, so a risk printed twice is one problem, not two.
    Findings come back in reference order.
    """
    findings = []
    for reference in sorted(set(scored) | set(printed), key=_natural):
        cells = tuple(printed.get(reference, ()))
        rated = scored.get(reference)
        if rated is None:
            if cells:
                findings.append(Finding(reference, "not_in_register", cells, None))
        elif not cells:
            findings.append(Finding(reference, "not_printed", cells, rated))
        elif len(cells) > 1:
            findings.append(Finding(reference, "printed_more_than_once", cells, rated))
        elif cells[0] != rated:
            findings.append(Finding(reference, "wrong_cell", cells, rated))
    return findings


def references_by_cell(positions: Iterable[tuple[str, Position]]) -> dict[Position, list[str]]:
    """Group references by cell, each cell's references in natural order (2 before 10)."""
    cells: dict[Position, list[str]] = {}
    for reference, position in positions:
        cells.setdefault(position, []).append(reference)
    return {cell: sorted(refs, key=_natural) for cell, refs in sorted(cells.items())}


def _natural(reference: str) -> tuple:
    """Sort "CR2" before "CR10": numbers in a reference compare as numbers."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.lower())
        for part in re.split(r"(\d+)", reference)
        if part
    )
