"""Back up and restore the configured database.

SQLite: SQLite's online backup API, page by page, safe while the product is serving; the file
written is itself a SQLite database. PostgreSQL: `pg_dump --format=custom` and `pg_restore`
(PostgreSQL's client programs must be on PATH), run against the settings' database.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that cannot be done, with a message for the person running it."""


def _vendor(alias: str) -> str:
    return connections[alias].vendor


def _pg_environment(settings_dict: dict) -> tuple[list[str], dict]:
    """The connection arguments and environment for PostgreSQL's client programs."""
    args = []
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    environment = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    sslmode = (settings_dict.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        environment["PGSSLMODE"] = str(sslmode)
    return args, environment


def _program(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise BackupError(f"{name} was not found: install PostgreSQL's client programs.")
    return path


def _run(command: list[str], environment: dict) -> None:
    result = subprocess.run(command, env=environment, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def database_name(alias: str = "default") -> str:
    connection = connections[alias]
    return str(connection.settings_dict["NAME"])


def backup(path: Path, *, alias: str = "default") -> Path:
    """Write a consistent copy of the database to path, and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = connections[alias]
    if _vendor(alias) == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    elif _vendor(alias) == "postgresql":
        args, environment = _pg_environment(connection.settings_dict)
        _run(
            [_program("pg_dump"), *args, "--format=custom", "--no-owner", "--no-privileges",
             "--file", str(path), database_name(alias)],
            environment,
        )  # fmt: skip
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")
    return path


def restore(path: Path, *, alias: str = "default") -> None:
    """Replace the whole database with the backup at path (made by backup())."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    with path.open("rb") as file:
        head = file.read(16)
    connection = connections[alias]
    if _vendor(alias) == "sqlite":
        if head != SQLITE_MAGIC:
            raise BackupError(f"{path} is not a SQLite backup made by `scorecard backup`.")
        connection.close()
        connection.ensure_connection()
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    elif _vendor(alias) == "postgresql":
        if not head.startswith(PG_MAGIC):
            raise BackupError(f"{path} is not a PostgreSQL backup made by `scorecard backup`.")
        connection.close()
        args, environment = _pg_environment(connection.settings_dict)
        _run(
            [_program("pg_restore"), *args, "--clean", "--if-exists", "--no-owner",
             "--no-privileges", "--single-transaction", "--exit-on-error",
             "--dbname", database_name(alias), str(path)],
            environment,
        )  # fmt: skip
    else:
        raise BackupError(f"Restoring {connection.vendor} databases is not supported.")


def table_counts(alias: str = "default") -> dict[str, int]:
    """Rows in every table of the database: a restore that loses nothing keeps every count."""
    connection = connections[alias]
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts
