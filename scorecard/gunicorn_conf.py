"""gunicorn's settings for `scorecard serve` (`--config python:scorecard.gunicorn_conf`).

The application is loaded once, in the master, which builds the dashboards' lines of the
default quarter before it listens, and brings them up to date before it forks each worker: the
first workers, and those restarted after `--max-requests`, start warm instead of making their
first reader wait for every line (decision 0011).
"""

preload_app = True


def _warm() -> None:
    # Imported here: gunicorn reads this module before the application (and Django) is loaded.
    from scorecard.reporting.warm import warm_before_fork

    warm_before_fork()


def on_starting(server) -> None:
    # Before gunicorn handles SIGCHLD: loading the PDF library runs a few short subprocesses,
    # which the master would otherwise reap and log as workers that died.
    _warm()


def pre_fork(server, worker) -> None:
    _warm()
