"""The `scorecard` console script.

`scorecard SUBCOMMAND ...` runs the Django management command of the same name,
with hyphens read as underscores: `scorecard load-demo` runs `load_demo`. Later
features add subcommands by adding management commands.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scorecard.settings")
    from django.core.management import execute_from_command_line

    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    execute_from_command_line(["scorecard", *argv[1:]])


if __name__ == "__main__":
    main()
