"""A status rule written in plain words, as a council says it, turned into the rule's data.

    "green within 5% of target, amber within 10%"   tolerance with a green and an amber margin
    "amber within 10%"                                green on target or better
    "amber within 2 of target"                        a margin in the indicator's own units
    "green at 95, amber at 90"                        thresholds
    "rated by hand" / "manual"                        an officer chooses the rating
    "for information only" / "data only"              never rated

Pure module: no Django import.
"""

from __future__ import annotations

import re

from .status_rules import RuleError, parse_rule

MANUAL = {"manual", "rated by hand", "by hand", "hand", "manually"}
DATA_ONLY = {
    "data only",
    "for information",
    "for information only",
    "information only",
    "not rated",
}
NUMBER = r"(\d+(?:\.\d+)?)"
WITHIN = re.compile(
    rf"\b(green|amber)\s+(?:if\s+|when\s+)?within\s+{NUMBER}\s*(%|percent|per cent)?"
)
AT = re.compile(rf"\b(green|amber)\s+(?:at|from|is|=)?\s*{NUMBER}(?!\s*(?:%|percent|per cent))")
EXAMPLES = (
    "write it as, for example, 'green within 5% of target, amber within 10%', "
    "'green at 95, amber at 90', 'rated by hand' or 'for information only'"
)


def rule_from_words(text: str) -> dict:
    """The rule's data for `text`; RuleError saying how to write it when it cannot be read."""
    words = " ".join(str(text).lower().replace("-", " ").split()).strip(" .")
    if words in MANUAL:
        return {"type": "manual"}
    if words in DATA_ONLY:
        return {"type": "data_only"}
    margins = {colour: (amount, unit) for colour, amount, unit in WITHIN.findall(words)}
    if margins:
        if "amber" not in margins:
            raise RuleError(f"'{text}' says no amber margin: {EXAMPLES}")
        data = {"type": "tolerance"}
        for colour, (amount, unit) in margins.items():
            data[colour] = {"percent" if unit else "absolute": amount}
        return _checked(text, data)
    levels = dict(AT.findall(words))
    if set(levels) == {"green", "amber"}:
        return _checked(text, {"type": "thresholds", **levels})
    raise RuleError(f"'{text}' is not a rule this page reads: {EXAMPLES}")


def _checked(text: str, data: dict) -> dict:
    try:
        parse_rule(data)
    except RuleError as error:
        raise RuleError(f"'{text}': {error}") from None
    return data


def looks_like_json(text: str) -> bool:
    return str(text).lstrip().startswith("{")
