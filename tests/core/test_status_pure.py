import subprocess
import sys

PERFORMANCE_CORES = [
    "scorecard.core.polarity",
    "scorecard.core.aggregation",
    "scorecard.core.direction",
    "scorecard.core.indicator_schedule",
    "scorecard.core.status_rules",
    "scorecard.core.status",
]


def test_performance_cores_import_without_django():
    code = "import sys\n" + "".join(f"import {m}\n" for m in PERFORMANCE_CORES)
    code += "assert 'django' not in sys.modules, sorted(m for m in sys.modules if 'django' in m)\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
