"""A project's RAG (red, amber, green) by rule: schedule, budget and savings, and overall.

The thresholds are data (`RagRules`, stored by the projects app and edited by administrators):

- **schedule**: the worst slippage of the project's milestones, the days between a milestone's
  planned date and its actual date (done), its forecast date (not done), or today (not done, no
  forecast, planned date passed). Measured in days, or in percent of the project's duration.
  A milestone not due yet with a later forecast is "forecast 43 days late", not late.
- **budget**: the variance of spend (forecast, or actual where there is no forecast) against the
  budget, in percent of the budget. An overspend counts; an underspend counts only when the
  rules say so (some councils want money left unspent reported too).
- **savings**: the shortfall of savings achieved against the savings profile (the target for
  the period), in percent of the profile.

A rating is amber at or beyond its amber threshold, red at or beyond its red threshold; a
part with nothing to rate (no milestones, no budget, no savings profile) has no rating. The
overall rating is the worst of the three, or the project manager's judgement, which must give
its reason.

Pure module: no Django import; `today` is a parameter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

HUNDRED = Decimal(100)


class Rag(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


RAG_RANK = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2}  # higher is better


class ScheduleUnit(StrEnum):
    DAYS = "days"
    PERCENT = "percent"


class RagError(ValueError):
    """Rules or a judgement that cannot be used; the message says what to change."""


@dataclass(frozen=True)
class RagRules:
    """Thresholds, each "amber at or beyond", "red at or beyond" (red never below amber)."""

    schedule_unit: ScheduleUnit = ScheduleUnit.DAYS
    schedule_amber: Decimal = Decimal(14)
    schedule_red: Decimal = Decimal(42)
    budget_amber_percent: Decimal = Decimal(5)
    budget_red_percent: Decimal = Decimal(10)
    underspend_counts: bool = False
    savings_amber_percent: Decimal = Decimal(5)
    savings_red_percent: Decimal = Decimal(15)

    def problems(self) -> dict[str, str]:
        """Field -> what is wrong, empty when the rules can be used."""
        problems = {}
        pairs = {
            "schedule": (self.schedule_amber, self.schedule_red),
            "budget": (self.budget_amber_percent, self.budget_red_percent),
            "savings": (self.savings_amber_percent, self.savings_red_percent),
        }
        for part, (amber, red) in pairs.items():
            if amber < 0 or red < 0:
                problems[part] = f"The {part} thresholds cannot be negative."
            elif red < amber:
                problems[part] = f"The {part} red threshold must be at or beyond the amber one."
        return problems


DEFAULT_RULES = RagRules()


@dataclass(frozen=True)
class MilestoneDates:
    name: str
    planned: dt.date
    forecast: dt.date | None = None
    actual: dt.date | None = None


@dataclass(frozen=True)
class PartRating:
    rag: Rag | None
    reason: str


@dataclass(frozen=True)
class ProjectRag:
    schedule: PartRating
    budget: PartRating
    savings: PartRating
    overall: Rag | None
    reason: str
    judged: bool = False


def _band(measure: Decimal, amber: Decimal, red: Decimal) -> Rag:
    if measure >= red:
        return Rag.RED
    if measure >= amber:
        return Rag.AMBER
    return Rag.GREEN


def slippage_days(milestone: MilestoneDates, today: dt.date) -> int:
    """Days late (0 when on or before its planned date)."""
    if milestone.actual is not None:
        finish = milestone.actual
    elif milestone.forecast is not None:
        finish = milestone.forecast
    else:
        finish = max(milestone.planned, today)
    return max((finish - milestone.planned).days, 0)


class MilestoneState(StrEnum):
    DONE = "done"
    DONE_LATE = "done late"
    MISSED = "missed"
    FORECAST_LATE = "forecast late"
    ON_TRACK = "on track"


def milestone_state(milestone: MilestoneDates, today: dt.date) -> MilestoneState:
    if milestone.actual is not None:
        late = milestone.actual > milestone.planned
        return MilestoneState.DONE_LATE if late else MilestoneState.DONE
    if milestone.planned < today:
        return MilestoneState.MISSED
    if milestone.forecast is not None and milestone.forecast > milestone.planned:
        return MilestoneState.FORECAST_LATE
    return MilestoneState.ON_TRACK


def rate_schedule(
    milestones: Iterable[MilestoneDates],
    *,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    rules: RagRules = DEFAULT_RULES,
) -> PartRating:
    milestones = list(milestones)
    if not milestones:
        return PartRating(None, "No milestones to rate.")
    worst = max(milestones, key=lambda m: (slippage_days(m, today), m.planned))
    days = slippage_days(worst, today)
    # A milestone not due yet is not late: only its forecast is (it still counts, as a warning).
    # One done late says so, so that the reason does not read as a milestone still missed.
    late = {MilestoneState.FORECAST_LATE: "forecast ", MilestoneState.DONE_LATE: "done "}.get(
        milestone_state(worst, today), ""
    )
    if rules.schedule_unit == ScheduleUnit.PERCENT:
        duration = max((end - start).days, 1)
        measure = Decimal(days) * HUNDRED / Decimal(duration)
        words = f"{late}{days} days late, {measure:.0f}% of the project's {duration} days"
    else:
        measure = Decimal(days)
        words = f"{late}{days} days late"
    rag = _band(measure, rules.schedule_amber, rules.schedule_red)
    if days == 0:
        return PartRating(rag, "Every milestone on or ahead of its planned date.")
    return PartRating(rag, f"Milestone “{worst.name}” {words}.")


def rate_budget(
    budget: Decimal | None, spend: Decimal | None, *, rules: RagRules = DEFAULT_RULES
) -> PartRating:
    """`spend` is the forecast outturn, or the actual spend where there is no forecast."""
    if budget is None or budget <= 0 or spend is None:
        return PartRating(None, "No budget to rate.")
    variance = (spend - budget) * HUNDRED / budget
    over = variance > 0
    measure = variance if over or rules.underspend_counts else Decimal(0)
    rag = _band(abs(measure), rules.budget_amber_percent, rules.budget_red_percent)
    if variance == 0:
        return PartRating(rag, "Spend on budget.")
    side = "over" if over else "under"
    return PartRating(rag, f"Spend {abs(variance):.1f}% {side} budget.")


def rate_savings(
    profile: Decimal | None, achieved: Decimal | None, *, rules: RagRules = DEFAULT_RULES
) -> PartRating:
    if profile is None or profile <= 0:
        return PartRating(None, "No savings profile to rate.")
    achieved = achieved or Decimal(0)
    shortfall = max((profile - achieved) * HUNDRED / profile, Decimal(0))
    rag = _band(shortfall, rules.savings_amber_percent, rules.savings_red_percent)
    if shortfall == 0:
        return PartRating(rag, "Savings achieved to profile.")
    return PartRating(rag, f"Savings {shortfall:.1f}% short of profile.")


def worst(ratings: Iterable[Rag | None]) -> Rag | None:
    rated = [r for r in ratings if r is not None]
    return min(rated, key=RAG_RANK.__getitem__) if rated else None


def rate_project(
    *,
    schedule: PartRating,
    budget: PartRating,
    savings: PartRating,
    judgement: Rag | None = None,
    judgement_reason: str = "",
) -> ProjectRag:
    """The overall rating: the worst of the parts, or the project manager's judgement, which is
    refused (RagError) without its reason."""
    if judgement is not None:
        if not judgement_reason.strip():
            raise RagError("Give the reason for your judgement of the project's rating.")
        return ProjectRag(
            schedule, budget, savings, Rag(judgement), judgement_reason.strip(), judged=True
        )
    if judgement_reason.strip():
        raise RagError("A reason was given but no judgement: choose the rating or clear it.")
    parts = {"Schedule": schedule, "Budget": budget, "Savings": savings}
    overall = worst(p.rag for p in parts.values())
    if overall is None:
        return ProjectRag(schedule, budget, savings, None, "Nothing to rate yet.")
    reasons = [f"{name}: {p.reason}" for name, p in parts.items() if p.rag == overall]
    return ProjectRag(schedule, budget, savings, overall, " ".join(reasons))
