"""Run the load test: gunicorn on loopback, locust headless against it, then the check that
every value a simulated user submitted is in the database.

Full run (50 users for 60 seconds, production settings, a fresh PostgreSQL database with the
demo council): `make load-test`. The test suite runs a short version (tests/load/test_load.py).
Locust runs in its own process: it patches the standard library (gevent) when imported.
"""

import argparse
import csv
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
LOCUSTFILE = Path(__file__).with_name("locustfile.py")
LOOPBACK = "127.0.0.1"


@dataclass
class Result:
    stats: list[dict]  # one row per page: name, requests, failures, p50, p95 (milliseconds)
    failures: int
    records: list[dict]
    lost: list[str]
    output: str

    def figures(self, label: str) -> list[str]:
        lines = [f"{label}: {len(self.records)} values submitted, {len(self.lost)} lost"]
        lines += [
            f"  {row['name']:<30} {row['requests']:>6} requests {row['failures']:>3} failed"
            f"  p50 {row['p50']:>5} ms  p95 {row['p95']:>5} ms"
            for row in self.stats
        ]
        return lines


def require_loopback(database_url: str) -> None:
    """The load test never leaves this machine: the database must be local too."""
    parts = urlsplit(database_url)
    if parts.scheme.startswith("sqlite"):
        return
    if parts.hostname not in {LOOPBACK, "localhost", "::1"}:
        raise SystemExit(f"The load test runs on loopback only, not against {parts.hostname}.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def start_server(
    *, database_url: str, port: int, workers: int, production: bool, folder: Path
) -> subprocess.Popen:
    require_loopback(database_url)
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment.update(DATABASE_URL=database_url, SCORECARD_VAR_DIR=str(folder / "var"))
    command = [sys.executable, "-m", "scorecard.cli", "serve", "--host", LOOPBACK]
    command += ["--port", str(port), "--workers", str(workers)]
    if production:
        environment.update(
            SECRET_KEY=os.environ["SECRET_KEY"],
            ALLOWED_HOSTS=LOOPBACK,
            DATABASE_CONN_MAX_AGE="60",
        )
        command.append("--production")
    else:
        environment.update(SCORECARD_ENV="test")
    log = (folder / "server.log").open("w")
    # A session of its own, so that stopping it stops gunicorn's workers too.
    return subprocess.Popen(  # noqa: S603 - fixed argument list
        command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip


def wait_until_up(server: subprocess.Popen, url: str, folder: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("The server stopped:\n" + (folder / "server.log").read_text())
        # As the TLS-terminating proxy would ask, so that production does not redirect to HTTPS.
        request = urllib.request.Request(  # noqa: S310 - an http URL on loopback
            url + "/sign-in/", headers={"X-Forwarded-Proto": "https"}
        )
        try:
            with urllib.request.urlopen(request, timeout=5):  # noqa: S310 - loopback
                return
        except OSError:
            time.sleep(0.5)
    log = (folder / "server.log").read_text()[-3000:]
    raise RuntimeError(f"The server did not answer within {timeout} seconds:\n{log}")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def run_locust(
    *, url: str, users: int, seconds: int, folder: Path, behind_proxy: bool
) -> subprocess.CompletedProcess:
    # Users finish the request they are in when time is up, so that what they record is whole.
    stop_timeout = 10 if seconds >= 60 else 3
    environment = dict(os.environ, LOAD_PLAN=str(folder / "plan.json"))
    environment.update(LOAD_RECORDS=str(folder), LOAD_BEHIND_PROXY="1" if behind_proxy else "0")
    command = [
        sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless",
        "--users", str(users), "--spawn-rate", str(max(1, users // 5)),
        "--run-time", f"{seconds}s", "--stop-timeout", str(stop_timeout), "--host", url,
        "--csv", str(folder / "locust"), "--only-summary", "--loglevel", "WARNING",
    ]  # fmt: skip
    return subprocess.run(  # noqa: S603 - fixed argument list
        command, cwd=ROOT, env=environment, capture_output=True, text=True,
        timeout=seconds + 120,
    )  # fmt: skip


def read_stats(folder: Path) -> tuple[list[dict], int]:
    rows, failures = [], 0
    with (folder / "locust_stats.csv").open() as file:
        for row in csv.DictReader(file):
            if row["Name"] == "Aggregated":
                failures = int(row["Failure Count"])
                continue
            rows.append(
                {
                    "name": row["Name"],
                    "requests": int(row["Request Count"]),
                    "failures": int(row["Failure Count"]),
                    "p50": row["50%"],
                    "p95": row["95%"],
                }
            )
    return sorted(rows, key=lambda r: r["name"]), failures


def load_test(
    *, database_url: str, users: int, seconds: int, workers: int, production: bool, folder: Path
) -> Result:
    """Prepare the accounts (in this process's database), serve, load, check."""
    from tests.load import plan as load_plan

    plan = load_plan.prepare(users=users)
    (folder / "plan.json").write_text(json.dumps(plan))
    port = free_port()
    url = f"http://{LOOPBACK}:{port}"
    server = start_server(
        database_url=database_url, port=port, workers=workers, production=production,
        folder=folder,
    )  # fmt: skip
    try:
        # Production collects and compresses the static files first: minutes on a busy machine.
        wait_until_up(server, url, folder, timeout=900 if production else 120)
        locust = run_locust(
            url=url, users=users, seconds=seconds, folder=folder, behind_proxy=production
        )
    finally:
        stop_server(server)
    stats, failures = read_stats(folder)
    if not stats:
        failures = max(failures, 1)  # nothing ran: never report that as a clean run
    records = load_plan.read_records(folder)
    lost = load_plan.lost_values(plan, records)
    return Result(stats, failures, records, lost, locust.stdout + locust.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to the PostgreSQL database holding the demo council.")
    require_loopback(database_url)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scorecard.settings")
    # The server must read the sessions this process creates for the signed-in users.
    os.environ["SECRET_KEY"] = secrets.token_urlsafe(50)
    import django

    django.setup()
    with tempfile.TemporaryDirectory(prefix="scorecard-load-") as name:
        result = load_test(
            database_url=database_url, users=args.users, seconds=args.seconds,
            workers=args.workers, production=True, folder=Path(name),
        )  # fmt: skip
    print(result.output)
    label = f"Load test, {args.users} users for {args.seconds} s, {args.workers} gunicorn workers"
    print("\n".join(result.figures(label)))
    for line in result.lost[:20]:
        print("LOST:", line)
    return 0 if result.failures == 0 and not result.lost and result.records else 1


if __name__ == "__main__":
    sys.exit(main())
