"""`scorecard serve` becomes gunicorn (no launcher left as a parent) and gunicorn's master starts
the task worker beside the web workers, and stops it with itself."""

from pathlib import Path

import pytest

from tests.load.run import LOOPBACK, free_port, start_server, stop_server, wait_until_up
from tests.load.test_load import database_url


def _command(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


@pytest.mark.django_db(transaction=True)
def test_serve_replaces_itself_with_gunicorn_which_starts_the_worker(tmp_path, monkeypatch):
    monkeypatch.setenv("SCORECARD_TASKS_BACKEND", "database")
    port = free_port()
    server = start_server(
        database_url=database_url(), port=port, workers=1, production=False, folder=tmp_path
    )
    try:
        wait_until_up(server, f"http://{LOOPBACK}:{port}", tmp_path, timeout=120)
        assert "gunicorn" in _command(server.pid)  # the same process: the launcher became it
        children = [_command(pid) for pid in _children(server.pid)]
        assert sum("scorecard.cli worker" in command for command in children) == 1, children
    finally:
        stop_server(server)
    assert "Started the task worker" in (tmp_path / "server.log").read_text()
