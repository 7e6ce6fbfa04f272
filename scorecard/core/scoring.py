"""Risk scoring: the matrix, score, band, ranking, movement and review dates.

A risk is rated on two scales, likelihood and impact, each numbered from 1 (lowest).
Its score is likelihood x impact; the matrix says which band (green, amber, red...)
each cell falls in. Councils redraw their matrices, so the matrix is data: levels with
labels and descriptors, bands with a colour and a review frequency, and one band per
cell. The default is the common 5 x 5 matrix: green 1-6, amber 8-12, red 15-25.

Pure module: no Django import.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

Movement = Literal["up", "down", "same", "new"]

LIKELIHOOD = "likelihood"
IMPACT = "impact"


class ScoringError(ValueError):
    """A likelihood or impact that the matrix does not have."""


@dataclass(frozen=True)
class Level:
    """One step on the likelihood or the impact scale."""

    number: int
    label: str
    descriptor: str = ""


@dataclass(frozen=True)
class Band:
    """A rating band: its colour and how often risks in it are reviewed.

    severity orders the bands: a higher number is a more serious band.
    """

    key: str
    label: str
    colour: str
    severity: int
    review_months: int


@dataclass(frozen=True)
class Matrix:
    """A risk matrix: two scales, the bands, and the band of every (likelihood, impact) cell."""

    likelihood: tuple[Level, ...]
    impact: tuple[Level, ...]
    bands: tuple[Band, ...]
    cells: Mapping[tuple[int, int], str] = field(hash=False)

    @property
    def likelihood_levels(self) -> int:
        return len(self.likelihood)

    @property
    def impact_levels(self) -> int:
        return len(self.impact)

    @property
    def highest_score(self) -> int:
        return self.likelihood_levels * self.impact_levels

    def contains(self, likelihood: int, impact: int) -> bool:
        return (likelihood, impact) in self.cells

    def band_named(self, key: str) -> Band:
        for band in self.bands:
            if band.key == key:
                return band
        raise ScoringError(f"The matrix has no band called {key!r}.")

    def band_for(self, likelihood: int, impact: int) -> Band:
        """The band of a cell; refuses a likelihood or impact the matrix does not have."""
        check_level(LIKELIHOOD, likelihood, self.likelihood_levels)
        check_level(IMPACT, impact, self.impact_levels)
        return self.band_named(self.cells[(likelihood, impact)])

    def level(self, axis: str, number: int) -> Level:
        levels = self.likelihood if axis == LIKELIHOOD else self.impact
        check_level(axis, number, len(levels))
        return levels[number - 1]

    def problems(self) -> dict[str, list[str]]:
        """What is wrong with this matrix, by part; empty when it can be used."""
        return matrix_problems(
            likelihood=self.likelihood, impact=self.impact, bands=self.bands, cells=self.cells
        )


def check_level(axis: str, number: int, levels: int) -> int:
    """Refuse a likelihood or impact outside 1..levels, with a message a risk owner understands."""
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= levels:
        raise ScoringError(
            f"{axis.capitalize()} {number} is outside the risk matrix, which rates {axis} "
            f"from 1 to {levels}."
        )
    return number


def score(likelihood: int, impact: int) -> int:
    """The raw score: likelihood x impact."""
    if likelihood < 1 or impact < 1:
        raise ScoringError("Likelihood and impact are rated from 1 upwards.")
    return likelihood * impact


# --- validation -------------------------------------------------------------------------


def matrix_problems(
    *,
    likelihood: Iterable[Level],
    impact: Iterable[Level],
    bands: Iterable[Band],
    cells: Mapping[tuple[int, int], str],
) -> dict[str, list[str]]:
    """Every reason the matrix cannot be used, keyed by the part it concerns."""
    problems: dict[str, list[str]] = {}

    def add(part: str, message: str) -> None:
        problems.setdefault(part, []).append(message)

    scales = {LIKELIHOOD: list(likelihood), IMPACT: list(impact)}
    for axis, levels in scales.items():
        numbers = sorted(level.number for level in levels)
        if not numbers:
            add(axis, f"The {axis} scale needs at least one level.")
            continue
        if numbers != list(range(1, len(numbers) + 1)):
            add(
                axis,
                f"The {axis} levels must be numbered 1, 2, 3... without gaps or repeats; "
                f"they are {', '.join(map(str, numbers))}.",
            )
        for level in levels:
            if not level.label.strip():
                add(axis, f"{axis.capitalize()} level {level.number} needs a label.")

    bands = list(bands)
    keys = [band.key for band in bands]
    if not bands:
        add("bands", "The matrix needs at least one band.")
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        add("bands", f"The band {key!r} is defined more than once.")
    for band in bands:
        if band.review_months < 1:
            add("bands", f"The review frequency of the {band.label} band must be 1 month or more.")

    known = set(keys)
    likelihood_numbers = {level.number for level in scales[LIKELIHOOD]}
    impact_numbers = {level.number for level in scales[IMPACT]}
    missing = [
        (lk, im)
        for lk in sorted(likelihood_numbers)
        for im in sorted(impact_numbers)
        if (lk, im) not in cells
    ]
    if missing:
        add("cells", "Every cell needs a band; missing: " + _cells_text(missing) + ".")
    outside = [
        cell
        for cell in sorted(cells)
        if cell[0] not in likelihood_numbers or cell[1] not in impact_numbers
    ]
    if outside:
        add("cells", "These cells are outside the scales: " + _cells_text(outside) + ".")
    unknown = sorted({key for key in cells.values() if key not in known})
    if unknown:
        add("cells", "These bands are used in cells but not defined: " + ", ".join(unknown) + ".")
    return problems


def _cells_text(cells: Iterable[tuple[int, int]]) -> str:
    return ", ".join(f"likelihood {lk} x impact {im}" for lk, im in cells)


# --- the default matrix -----------------------------------------------------------------

DEFAULT_LIKELIHOOD = (
    Level(1, "Rare", "May happen only in exceptional circumstances (less than 5% chance)."),
    Level(2, "Unlikely", "Could happen at some time but is not expected (5% to 20%)."),
    Level(3, "Possible", "Might happen at some time (21% to 50%)."),
    Level(4, "Likely", "Will probably happen in most circumstances (51% to 80%)."),
    Level(5, "Almost certain", "Is expected to happen (more than 80% chance)."),
)
DEFAULT_IMPACT = (
    Level(1, "Negligible", "No noticeable effect on services, people, money or reputation."),
    Level(2, "Minor", "Short disruption to a service, small cost, local complaints."),
    Level(3, "Moderate", "Service disrupted for days, significant cost, local media interest."),
    Level(4, "Major", "Key service fails for weeks, serious harm, large cost, national media."),
    Level(
        5, "Severe", "Death or lasting harm, failure of a statutory duty, government intervention."
    ),
)
# Colours from the GOV.UK Frontend palette, so the bands read well on every page.
DEFAULT_BANDS = (
    Band("green", "Green", "#00703c", severity=1, review_months=6),
    Band("amber", "Amber", "#f47738", severity=2, review_months=3),
    Band("red", "Red", "#d4351c", severity=3, review_months=1),
)


def default_band_key(risk_score: int) -> str:
    """The default banding by score: green 1-6, amber 8-12, red 15-25 (5 x 5 scores skip 7, 13, 14)."""
    if risk_score <= 6:
        return "green"
    if risk_score <= 12:
        return "amber"
    return "red"


def default_matrix() -> Matrix:
    """The default 5 x 5 matrix, banded from the score."""
    cells = {
        (lk.number, im.number): default_band_key(score(lk.number, im.number))
        for lk in DEFAULT_LIKELIHOOD
        for im in DEFAULT_IMPACT
    }
    return Matrix(DEFAULT_LIKELIHOOD, DEFAULT_IMPACT, DEFAULT_BANDS, cells)


# --- ranking, movement, review dates -----------------------------------------------------


def rank_key(*, risk_score: int, impact: int, likelihood: int, reference: str) -> tuple:
    """Sort key, most serious first: score, then impact, then likelihood (all high first),
    then reference (A to Z) so equal risks always come out in the same order.

    Impact breaks ties before likelihood because a severe but rare risk matters more to
    a council than a likely but minor one.
    """
    return (-risk_score, -impact, -likelihood, reference)


def movement(previous_score: int | None, current_score: int) -> Movement:
    """How a risk moved since its previous assessment: up (worse), down (better), same, new."""
    if previous_score is None:
        return "new"
    if current_score > previous_score:
        return "up"
    if current_score < previous_score:
        return "down"
    return "same"


def outside_appetite(risk_score: int, maximum_acceptable: int | None) -> bool:
    """Is the score above what the council accepts for the risk's category? No appetite set: no."""
    return maximum_acceptable is not None and risk_score > maximum_acceptable


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, kept inside shorter months (31 January + 1 = 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_review_date(last_review: dt.date, review_months: int) -> dt.date:
    """When a risk reviewed on `last_review` is next due, given its review frequency in months."""
    if review_months < 1:
        raise ScoringError("The review frequency must be 1 month or more.")
    return add_months(last_review, review_months)
