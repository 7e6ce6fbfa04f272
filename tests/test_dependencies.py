"""Dependencies run one way: the layers of docs/architecture.md, checked on the source."""

import ast
from pathlib import Path

import pytest

SCORECARD = Path(__file__).resolve().parents[1] / "scorecard"

# Package -> packages of the project it must never import.
FORBIDDEN = {
    "core": ["django", "scorecard.organisation", "scorecard.projects", "scorecard.performance", "scorecard.risks",
             "scorecard.reporting", "scorecard.interchange", "scorecard.api", "scorecard.rendering",
             "scorecard.benchmarking"],
    "rendering": ["django", "scorecard.organisation", "scorecard.projects", "scorecard.performance", "scorecard.risks",
                  "scorecard.reporting", "scorecard.interchange", "scorecard.api",
                  "scorecard.benchmarking"],
    "organisation": ["scorecard.projects", "scorecard.performance", "scorecard.risks", "scorecard.reporting",
                     "scorecard.interchange", "scorecard.api", "scorecard.benchmarking"],
    "performance": ["scorecard.risks", "scorecard.projects", "scorecard.reporting", "scorecard.interchange", "scorecard.api",
                    "scorecard.benchmarking"],
    "risks": ["scorecard.performance", "scorecard.projects", "scorecard.reporting", "scorecard.interchange", "scorecard.api",
              "scorecard.benchmarking"],
    # Benchmarking sits on performance: it adds its panel to the indicator page (scorecard.panels).
    "benchmarking": ["scorecard.risks", "scorecard.reporting", "scorecard.interchange",
                     "scorecard.api"],
    "reporting": ["scorecard.interchange", "scorecard.api", "scorecard.public"],
    # The public site reads published snapshots (reporting) and open data (interchange).
    "public": ["scorecard.api"],
    # Projects sit on performance and risks: they link indicators and attach project registers.
    "projects": ["scorecard.reporting", "scorecard.interchange", "scorecard.api",
                 "scorecard.benchmarking", "scorecard.public"],
}  # fmt: skip


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_the_layers_below_it(package):
    breaches = []
    for path in sorted((SCORECARD / package).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for name in imported_modules(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[package]):
                breaches.append(f"{path.relative_to(SCORECARD.parent)} imports {name}")
    assert breaches == []
