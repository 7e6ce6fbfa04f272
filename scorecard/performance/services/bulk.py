"""Approving several values at once from the queue: each value is its own approval, through
`measurement_approve`, so each is checked, versioned and kept in the history as if approved
from its review page. A value refused (one's own, changed since, no longer submitted) does
not stop the others."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from scorecard.organisation.models import User

from ..models import Measurement
from .records import measurement_approve


@dataclass(frozen=True)
class Refusal:
    measurement: Measurement
    reason: str

    @property
    def row(self) -> str:
        return f"{self.measurement.indicator.code} {self.measurement.period}"


def measurements_approve(
    *, chosen: list[tuple[Measurement, int]], by: User
) -> tuple[list[Measurement], list[Refusal]]:
    """Approve each (value, version the person saw); return those approved and those refused,
    with the reason, in the order given."""
    approved, refused = [], []
    for measurement, version in chosen:
        try:
            approved.append(
                measurement_approve(measurement=measurement, by=by, expected_version=version)
            )
        except ValidationError as error:
            refused.append(Refusal(measurement, " ".join(error.messages)))
    return approved, refused
