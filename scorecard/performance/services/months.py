"""A monthly indicator's three months of a quarter, saved from one form: each month through
`measurement_save`, with its own version check; all of them or none."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.organisation.models import User

from ..models import Indicator, Measurement
from .workflow import measurement_save


@dataclass(frozen=True)
class MonthInput:
    """What was typed for one month, as `measurement_save` takes it."""

    period: str  # the month's key, "2017/18-M10"
    label: str  # "October 2017", for the messages
    expected_version: int
    values: dict = field(default_factory=dict)


class MonthsRefused(ValidationError):
    """One or more months were refused, so none was saved. `by_month` maps a month's key to
    its refusal; the message names each month."""

    def __init__(self, by_month: dict[str, ValidationError], labels: dict[str, str]):
        self.by_month = by_month
        lines = []
        for key, error in by_month.items():
            texts = error.messages if not hasattr(error, "error_dict") else error.message_dict
            if isinstance(texts, dict):
                texts = [t for values in texts.values() for t in values]
            lines.extend(f"{labels[key]}: {text}" for text in texts)
        super().__init__(lines)


@transaction.atomic
def measurements_save_months(
    *, indicator: Indicator, months: list[MonthInput], by: User, submit: bool = False
) -> list[Measurement]:
    """Save (or save and submit) each month's value. Every month is tried, so that the person
    learns of every refusal at once; if any is refused, nothing is written."""
    if not months:
        raise ValidationError("Enter a value for at least one month.")
    saved, refused = [], {}
    for month in months:
        try:
            with transaction.atomic():
                saved.append(
                    measurement_save(
                        indicator=indicator,
                        period=month.period,
                        by=by,
                        expected_version=month.expected_version,
                        submit=submit,
                        **month.values,
                    )
                )
        except ValidationError as error:
            refused[month.period] = error
    if refused:
        raise MonthsRefused(refused, {m.period: m.label for m in months})
    return saved
