"""What an officer needs beside the value form: the unit, the target for the period and the rule
that rates it, the last four values with their ratings, the same period last year, and the last
commentary and improvement actions (to copy forward).

Two queries whatever the indicator's history: its approved values, then its targets. The
ratings come from the status engine, as the scorecard gives them.
"""

from dataclasses import dataclass
from decimal import Decimal

from scorecard.core.figures import figure
from scorecard.core.periods import Period, parse
from scorecard.core.polarity import Polarity
from scorecard.core.status import History, Status, evaluate
from scorecard.core.status_rules import Clause, Rule

from .choices import WorkflowState
from .engine import financial_year_start_month, history_parts, profile_for, targets_by_period
from .models import Indicator, Measurement

LAST_VALUES = 4
LOOK_BACK = 12  # due periods searched for the last four values (three years of quarters)


@dataclass(frozen=True)
class PastValue:
    """An earlier period's published figure and the status it was given."""

    period: Period
    status: Status

    @property
    def value(self) -> Decimal | None:
        return self.status.value


@dataclass(frozen=True)
class LastNotes:
    """The latest earlier approved value's commentary and improvement actions."""

    period: Period
    commentary: str
    improvement_actions: str
    commentary_is_internal: bool = False  # copied forward with it: internal stays unpublished


@dataclass(frozen=True)
class ValueFormContext:
    unit: str
    target: Decimal | None
    rule_in_words: str
    last_values: list[PastValue]  # newest first, at most four
    same_period_last_year: PastValue
    last_notes: LastNotes | None


def value_form_context(*, indicator: Indicator, period: Period) -> ValueFormContext:
    """The context for keying in `indicator`'s value for `period` (a stored period, or the
    quarter of a monthly indicator's three-month form). Only approved values are shown: they
    are the ones that count in the scorecard."""
    start_month = financial_year_start_month()
    approved = list(
        indicator.measurements.filter(state=WorkflowState.APPROVED).order_by("-period_start")
    )
    readings, manual = history_parts(approved, start_month)
    targets = targets_by_period(indicator, start_month)
    profile = profile_for(indicator)
    history = History(readings, targets, manual)
    # The target is read with this period's own value left out: it rates the value being typed.
    without_this = History(
        {
            p: r
            for p, r in readings.items()
            if not (period.start <= p.start and p.end <= period.end)
        },
        targets,
        manual,
    )
    return ValueFormContext(
        unit=indicator.get_unit_display(),
        target=evaluate(profile, period, without_this).target,
        rule_in_words=rule_in_words(
            profile.rule,
            profile.polarity,
            show=lambda v: figure(v, indicator.decimals, indicator.unit),
            data_only=profile.is_data_only,
        ),
        last_values=_last_values(profile, period, history),
        same_period_last_year=_past(profile, period.same_period_last_year(), history),
        last_notes=_last_notes(approved, period, start_month),
    )


def _last_notes(approved: list[Measurement], period: Period, start_month: int):
    for m in approved:  # newest first
        if m.period_start < period.start and (m.commentary or m.improvement_actions):
            return LastNotes(
                parse(m.period, start_month),
                m.commentary,
                m.improvement_actions,
                m.commentary_is_internal,
            )
    return None


def _past(profile, period: Period, history: History) -> PastValue:
    return PastValue(period, evaluate(profile, period, history))


def _last_values(profile, period: Period, history: History) -> list[PastValue]:
    found = []
    candidate = period
    for _ in range(LOOK_BACK):
        candidate = profile.schedule.previous_due(candidate)
        if candidate is None or len(found) == LAST_VALUES:
            break
        past = _past(profile, candidate, history)
        if past.value is not None or past.status.manual_reason:
            found.append(past)
    return found


def rule_in_words(rule: Rule, polarity: Polarity, *, show=str, data_only: bool = False) -> str:
    """How a value is rated, in a sentence: "Green when on or better than target; amber when
    on or within 10% of target; red otherwise." (`show` writes a threshold as the page does.)"""
    if data_only:
        return "Shown for information, not rated."
    if rule.is_manual:
        return "Rated by hand: choose green, amber or red and give the reason."
    thresholds = rule.thresholds(polarity)
    if thresholds is not None:
        green, amber = thresholds
        words = "or more" if polarity is Polarity.HIGHER else "or less"
        return f"Green at {show(green)} {words}; amber at {show(amber)} {words}; red otherwise."
    parts = [_clause_in_words(clause) for clause in rule.clauses_for(polarity)]
    sentence = "; ".join(parts) + "."
    return sentence[0].upper() + sentence[1:] if parts else ""


def _clause_in_words(clause: Clause) -> str:
    if not clause.conditions:
        return f"{clause.rating.value} otherwise"
    return f"{clause.rating.value} when " + " and ".join(c.describe() for c in clause.conditions)
