"""The values of a quarter's report approved by the person who entered them (allowed only by
the organisation's settings), listed in the pack's notes so Cabinet and audit can see them."""

from dataclasses import dataclass

from django.db.models import Q

from scorecard.core.periods import Period, parse
from scorecard.performance.engine import financial_year_start_month
from scorecard.performance.models import Measurement

from .selectors import ReportData


@dataclass(frozen=True)
class SelfApproval:
    code: str
    period_label: str  # "Quarter Three 2017/18"
    person: str  # "J. Smith"

    def __str__(self) -> str:
        return f"{self.code} {self.period_label} ({self.person})"


def short_name(person) -> str:
    """ "J. Smith" for Jane Smith; the username when no name is known."""
    if person is None:
        return "the system"
    if person.first_name and person.last_name:
        return f"{person.first_name[0]}. {person.last_name}"
    return person.get_full_name() or person.username


def self_approvals(data: ReportData) -> list[SelfApproval]:
    """The report's indicators' self-approved values reported in its quarter: the value each
    line shows, and the months and quarter of the quarter (one query)."""
    lines = {line.indicator_id: line for line in data.indicators}
    if not lines:
        return []
    quarter: Period = data.period
    shown = Q()
    for line in lines.values():
        if line.stored_period:
            shown |= Q(indicator_id=line.indicator_id, period=line.stored_period)
    in_quarter = Q(
        indicator_id__in=list(lines),
        period_start__gte=quarter.start,
        period_start__lte=quarter.end,
        period__contains="-",  # a quarter or a month; a year's value counts where it is shown
    )
    found = (
        Measurement.objects.filter(shown | in_quarter, self_approved=True)
        .select_related("entered_by")
        .order_by()
    )
    start_month = financial_year_start_month()
    rows = [
        (lines[m.indicator_id].code, parse(m.period, start_month), short_name(m.entered_by))
        for m in found
    ]
    rows.sort(key=lambda row: (row[0], row[1].start, row[1].key))
    return [SelfApproval(code, period.label, person) for code, period, person in rows]
