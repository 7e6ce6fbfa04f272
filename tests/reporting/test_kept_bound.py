"""The kept lines are bounded by how many lines they hold, not by how many quarters."""

from types import SimpleNamespace

import pytest

from scorecard.reporting import kept

pytestmark = pytest.mark.django_db


def test_the_least_recently_read_quarter_goes_once_the_lines_are_too_many(monkeypatch):
    monkeypatch.setattr(kept, "KEEP_LINES", 5)
    kept.forget()
    builds = []

    def read(quarter: str, size: int):
        def build(condition):
            builds.append(quarter)
            return {n: SimpleNamespace(order=n) for n in range(size)}

        return kept.kept_lines((quarter,), [], build)

    read("Q1", 3)
    read("Q2", 2)  # five lines: both kept
    read("Q1", 3)
    assert builds == ["Q1", "Q2"]
    read("Q3", 1)  # six lines: Q2, read least recently, goes
    read("Q1", 3)
    assert builds == ["Q1", "Q2", "Q3"]
    read("Q2", 2)
    assert builds == ["Q1", "Q2", "Q3", "Q2"]
    read("Big", 9)  # more than the bound alone: every other quarter goes, this one stays
    read("Big", 9)
    assert builds[-1] == "Big" and builds.count("Big") == 1
    read("Q1", 3)
    assert builds[-1] == "Q1"
    kept.forget()
