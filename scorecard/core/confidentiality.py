"""Who may read a confidential risk, as a rule on rows already read (no Django import).

The risks app's `risk_access` says it in SQL. Reports read risks from elsewhere: lines kept in
the process and shared between people, or frozen in a published snapshot. They are filtered
for each reader with this rule, the same one, from facts read once per request:

- administrators and auditors read every risk;
- a person with no role reads none;
- everyone else reads a risk that is not confidential, and a confidential one only when they
  own it or hold a role in the directorate of the risk's own register.

A risk counts as confidential when its line says so (as published) or it is confidential now.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class RiskVisibility:
    """What a reader is to the rule: read once, then applied to any number of rows."""

    sees_all: bool = False
    sees_any: bool = True
    directorate_codes: frozenset[str] = frozenset()
    owned: frozenset[int] = frozenset()  # risks the reader owns
    confidential_now: frozenset[int] = frozenset()  # risks confidential today

    def allows(self, risk_id: int, is_confidential: bool, directorate_code: str) -> bool:
        """May the reader see this risk (its own register in `directorate_code`)?"""
        if self.sees_all:
            return True
        if not self.sees_any:
            return False
        if not (is_confidential or risk_id in self.confidential_now):
            return True
        return risk_id in self.owned or bool(
            directorate_code and directorate_code in self.directorate_codes
        )

    def hidden(self, lines) -> frozenset[int]:
        """The risk ids of `lines` (with risk_id, is_confidential, directorate_code) the
        reader may not see."""
        if self.sees_all:
            return frozenset()
        return frozenset(
            line.risk_id
            for line in lines
            if not self.allows(line.risk_id, line.is_confidential, line.directorate_code)
        )


EVERY_RISK = RiskVisibility(sees_all=True)
NO_RISK = RiskVisibility(sees_any=False)
