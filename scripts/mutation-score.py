"""Print the mutation score by module from `mutmut results --all true` (read on standard input).

Killed: a test failed on the mutant. Survived: every test passed, so the tests miss that change.
No tests: no test of the selection runs the function at all.
"""

import re
import sys
from collections import Counter, defaultdict

LINE = re.compile(r"^\s*(?P<module>[\w.]+)\.x\w*?__mutmut_\d+: (?P<verdict>.+)$")
COLUMNS = ("killed", "survived", "no tests", "timeout")


def main() -> None:
    by_module: dict[str, Counter] = defaultdict(Counter)
    for line in sys.stdin:
        match = LINE.match(line.rstrip())
        if match:
            by_module[match["module"]][match["verdict"]] += 1
    overall: Counter = Counter()
    print(f"{'module':40} " + " ".join(f"{c:>9}" for c in (*COLUMNS, "other", "total")))
    for module, counts in sorted(by_module.items()):
        overall.update(counts)
        _row(module, counts)
    _row("all", overall)


def _row(name: str, counts: Counter) -> None:
    total = sum(counts.values())
    other = total - sum(counts[c] for c in COLUMNS)
    cells = [counts[c] for c in COLUMNS] + [other, total]
    print(f"{name:40} " + " ".join(f"{n:>9,}" for n in cells))


if __name__ == "__main__":
    main()
