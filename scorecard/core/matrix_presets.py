"""Ready-made risk matrices a council can start from: 3 x 3, 4 x 4, 5 x 5 and 6 x 6.

Each is banded green, amber and red by score, at about the same share of the highest score
as the common 5 x 5 matrix (green up to a quarter, red from about a half or more), so a
council can pick one with one click and then rename its levels or move cells between bands.

Pure module: no Django import.
"""

from __future__ import annotations

from dataclasses import dataclass

from .scoring import DEFAULT_BANDS, DEFAULT_IMPACT, DEFAULT_LIKELIHOOD, Level, Matrix, score


@dataclass(frozen=True)
class Preset:
    size: int
    likelihood: tuple[str, ...]
    impact: tuple[str, ...]
    green_up_to: int  # highest score in the green band
    amber_up_to: int  # highest score in the amber band; anything above is red

    @property
    def name(self) -> str:
        return f"Corporate {self.size} x {self.size} matrix"

    def band_key(self, risk_score: int) -> str:
        if risk_score <= self.green_up_to:
            return "green"
        return "amber" if risk_score <= self.amber_up_to else "red"

    def matrix(self) -> Matrix:
        if self.size == 5:  # the common matrix keeps what each level means
            likelihood, impact = DEFAULT_LIKELIHOOD, DEFAULT_IMPACT
        else:
            likelihood = tuple(Level(n, label) for n, label in enumerate(self.likelihood, 1))
            impact = tuple(Level(n, label) for n, label in enumerate(self.impact, 1))
        cells = {
            (lk, im): self.band_key(score(lk, im))
            for lk in range(1, self.size + 1)
            for im in range(1, self.size + 1)
        }
        return Matrix(likelihood, impact, DEFAULT_BANDS, cells)


PRESETS = {
    3: Preset(3, ("Unlikely", "Possible", "Likely"), ("Minor", "Moderate", "Major"), 2, 4),
    4: Preset(
        4,
        ("Unlikely", "Possible", "Likely", "Almost certain"),
        ("Minor", "Moderate", "Major", "Severe"),
        3,
        8,
    ),
    5: Preset(
        5,
        tuple(level.label for level in DEFAULT_LIKELIHOOD),
        tuple(level.label for level in DEFAULT_IMPACT),
        6,
        12,
    ),
    6: Preset(
        6,
        ("Very rare", "Rare", "Unlikely", "Possible", "Likely", "Almost certain"),
        ("Negligible", "Minor", "Moderate", "Major", "Severe", "Catastrophic"),
        8,
        18,
    ),
}
