"""Status rules as data: how an indicator's value turns into green, amber or red.

A rule is stored as JSON on the indicator. Four ready-made kinds, and a general one:

    {"type": "tolerance", "amber": {"percent": 10}}
        green on or better than target (or within an optional "green" margin),
        amber short of target by no more than the amber margin, red beyond it.
    {"type": "thresholds", "green": 95, "amber": 90}
        explicit values: for "higher is better" green at 95 or more, amber at 90 or more,
        otherwise red; for "lower is better" the other way round.
    {"type": "manual"}
        an officer chooses the rating each period and must give a reason.
    {"type": "data_only"}
        the figure is shown for information, never rated.
    {"type": "clauses", "clauses": [...]}
        ordered clauses, the first whose conditions all hold gives the rating; the last
        clause has no conditions and says what happens otherwise. Conditions:
          {"test": "meets_target"}
          {"test": "within", "margin": {"percent": 10}}     on or within 10% of target
          {"test": "beyond", "margin": {"percent": 10}}     more than 10% short of target
          {"test": "at_least", "value": 95}  /  {"test": "at_most", "value": 5}
          {"test": "direction", "against": "same_period_last_year" | "previous_period",
           "is": ["improving", "no_change", "deteriorating", "not_comparable"]}

Any rule may carry "no_change": {"percent": 2}, the band inside which a change counts as
"no noticeable change" for the direction of travel (default: any change counts).

Pure module: no Django import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from .direction import Direction
from .polarity import ZERO_MARGIN, Margin, Polarity, shortfall, to_decimal, within


class Rating(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


RATING_RANK = {Rating.RED: 0, Rating.AMBER: 1, Rating.GREEN: 2}  # higher is better


class RuleError(ValueError):
    """A status rule that cannot be read; the message says what to write instead."""


class Against(StrEnum):
    PREVIOUS_PERIOD = "previous_period"
    SAME_PERIOD_LAST_YEAR = "same_period_last_year"


@dataclass(frozen=True)
class Facts:
    """What a rule may look at when rating one period."""

    value: Decimal
    target: Decimal | None
    polarity: Polarity
    directions: Mapping[Against, Direction] = field(default_factory=dict)


# --- conditions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Condition:
    test: str
    margin: Margin = ZERO_MARGIN
    value: Decimal | None = None
    against: Against | None = None
    directions: frozenset[Direction] = frozenset()

    @property
    def needs_target(self) -> bool:
        return self.test in {"meets_target", "within", "beyond"}

    def holds(self, facts: Facts) -> bool:
        if self.test == "meets_target":
            return shortfall(facts.value, facts.target, facts.polarity) <= 0
        if self.test == "within":
            return within(facts.value, facts.target, facts.polarity, self.margin)
        if self.test == "beyond":
            return not within(facts.value, facts.target, facts.polarity, self.margin)
        if self.test == "at_least":
            return facts.value >= self.value
        if self.test == "at_most":
            return facts.value <= self.value
        if self.test == "direction":
            return facts.directions.get(self.against, Direction.NOT_COMPARABLE) in self.directions
        raise RuleError(f"Unknown test {self.test!r}.")

    def describe(self) -> str:
        if self.test == "meets_target":
            return "on or better than target"
        if self.test == "within":
            return f"on or within {self.margin.describe()} of target"
        if self.test == "beyond":
            return f"more than {self.margin.describe()} short of target"
        if self.test == "at_least":
            return f"{self.value} or more"
        if self.test == "at_most":
            return f"{self.value} or less"
        words = " or ".join(d.value.replace("_", " ") for d in sorted(self.directions))
        return f"{words} against the {self.against.value.replace('_', ' ')}"


@dataclass(frozen=True)
class Clause:
    rating: Rating
    conditions: tuple[Condition, ...] = ()

    def holds(self, facts: Facts) -> bool:
        return all(c.holds(facts) for c in self.conditions)

    def describe(self) -> str:
        if not self.conditions:
            return f"{self.rating.value}: none of the conditions above holds"
        return f"{self.rating.value}: " + " and ".join(c.describe() for c in self.conditions)


# --- rules --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A parsed rule. `kind` is the type written in the data; clauses do the rating."""

    kind: str
    clauses: tuple[Clause, ...] = ()
    polarity_clauses: Mapping[Polarity, tuple[Clause, ...]] = field(default_factory=dict)
    no_change: Margin = ZERO_MARGIN

    @property
    def is_manual(self) -> bool:
        return self.kind == "manual"

    @property
    def is_data_only(self) -> bool:
        return self.kind == "data_only"

    def clauses_for(self, polarity: Polarity) -> tuple[Clause, ...]:
        return self.polarity_clauses.get(polarity, self.clauses)

    def thresholds(self, polarity: Polarity) -> tuple[Decimal, Decimal] | None:
        """The green and amber thresholds of an explicit-thresholds rule, else None."""
        clauses = self.clauses_for(polarity)
        if self.kind != "thresholds" or len(clauses) < 2:
            return None
        return clauses[0].conditions[0].value, clauses[1].conditions[0].value

    def needs_target(self, polarity: Polarity) -> bool:
        return any(c.needs_target for cl in self.clauses_for(polarity) for c in cl.conditions)

    def rate(self, facts: Facts) -> tuple[Rating, Clause]:
        for clause in self.clauses_for(facts.polarity):
            if clause.holds(facts):
                return clause.rating, clause
        raise RuleError("No clause applies: the last clause must have no conditions.")

    def check_polarity(self, polarity: Polarity) -> None:
        """Raise RuleError when this rule cannot rate an indicator of this polarity."""
        if self.kind != "thresholds" or polarity in self.polarity_clauses:
            return
        if polarity is Polarity.HIGHER:
            raise RuleError(
                "Higher is better here, so the green threshold must be above the amber one."
            )
        if polarity is Polarity.LOWER:
            raise RuleError(
                "Lower is better here, so the green threshold must be below the amber one."
            )
        raise RuleError("Explicit thresholds need an indicator where higher or lower is better.")


DEFAULT_RULE_DATA = {"type": "tolerance", "amber": {"percent": "10"}}


def parse_rule(data: object) -> Rule:
    """Read a rule from its JSON form; RuleError says what is wrong in plain words."""
    if not isinstance(data, Mapping):
        raise RuleError('A status rule is written as an object such as {"type": "tolerance", ...}.')
    kind = data.get("type")
    try:
        no_change = (
            Margin.from_data(data["no_change"], "no change band")
            if "no_change" in data
            else ZERO_MARGIN
        )
        rule = _PARSERS[kind](data) if kind in _PARSERS else None
    except (ValueError, TypeError, KeyError) as error:
        if isinstance(error, RuleError):
            raise
        raise RuleError(str(error).strip("'\"")) from error
    if rule is None:
        raise RuleError(
            f"Unknown rule type {kind!r}: use tolerance, thresholds, manual, data_only or clauses."
        )
    return Rule(rule.kind, rule.clauses, rule.polarity_clauses, no_change)


def _tolerance(data: Mapping) -> Rule:
    amber = Margin.from_data(data.get("amber"), "amber margin")
    green_first = Condition("meets_target")
    if "green" in data:
        green_first = Condition("within", margin=Margin.from_data(data["green"], "green margin"))
    if green_first.margin.kind == amber.kind and green_first.margin.amount > amber.amount:
        raise RuleError("The green margin cannot be wider than the amber margin.")
    return Rule(
        "tolerance",
        (
            Clause(Rating.GREEN, (green_first,)),
            Clause(Rating.AMBER, (Condition("within", margin=amber),)),
            Clause(Rating.RED),
        ),
    )


def _thresholds(data: Mapping) -> Rule:
    green = to_decimal(data.get("green"), "green threshold")
    amber = to_decimal(data.get("amber"), "amber threshold")

    def clauses(test: str) -> tuple[Clause, ...]:
        return (
            Clause(Rating.GREEN, (Condition(test, value=green),)),
            Clause(Rating.AMBER, (Condition(test, value=amber),)),
            Clause(Rating.RED),
        )

    if green < amber:
        higher, lower = (), clauses("at_most")
    elif green > amber:
        higher, lower = clauses("at_least"), ()
    else:
        raise RuleError("The green and amber thresholds must differ.")
    by_polarity = {Polarity.HIGHER: higher, Polarity.LOWER: lower}
    return Rule("thresholds", (), {p: c for p, c in by_polarity.items() if c})


def _clauses(data: Mapping) -> Rule:
    raw = data.get("clauses")
    if not isinstance(raw, list) or not raw:
        raise RuleError('A "clauses" rule needs a list of clauses.')
    clauses = tuple(_clause(item, n) for n, item in enumerate(raw, start=1))
    if clauses[-1].conditions:
        raise RuleError("The last clause must have no conditions: it says what happens otherwise.")
    return Rule("clauses", clauses)


def _clause(data: object, number: int) -> Clause:
    if not isinstance(data, Mapping):
        raise RuleError(
            f'Clause {number} must be an object such as {{"rating": "red", "when": [...]}}.'
        )
    try:
        rating = Rating(data.get("rating"))
    except ValueError:
        raise RuleError(f"Clause {number}: the rating is green, amber or red.") from None
    when = data.get("when", [])
    if not isinstance(when, list):
        raise RuleError(f'Clause {number}: "when" is a list of conditions.')
    return Clause(rating, tuple(_condition(item, number) for item in when))


_TESTS = {"meets_target", "within", "beyond", "at_least", "at_most", "direction"}


def _condition(data: object, number: int) -> Condition:
    test = data.get("test") if isinstance(data, Mapping) else None
    if test not in _TESTS:
        raise RuleError(
            f"Clause {number}: each condition needs a test, one of {', '.join(sorted(_TESTS))}."
        )
    if test in {"within", "beyond"}:
        return Condition(test, margin=Margin.from_data(data.get("margin"), "margin"))
    if test in {"at_least", "at_most"}:
        return Condition(test, value=to_decimal(data.get("value"), "threshold"))
    if test == "direction":
        try:
            against = Against(data.get("against"))
            directions = frozenset(Direction(d) for d in data.get("is", []))
        except ValueError:
            raise RuleError(
                f"Clause {number}: a direction test compares against previous_period or "
                "same_period_last_year and lists improving, no_change, deteriorating or not_comparable."
            ) from None
        if not directions:
            raise RuleError(f'Clause {number}: list at least one direction under "is".')
        return Condition(test, against=against, directions=directions)
    return Condition(test)


_PARSERS = {
    "tolerance": _tolerance,
    "thresholds": _thresholds,
    "manual": lambda data: Rule("manual"),
    "data_only": lambda data: Rule("data_only"),
    "clauses": _clauses,
}
