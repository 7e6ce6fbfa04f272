"""The whole demo council, loaded once per test session and copied back in for each test.

`load_demo()` takes seconds (every record through its service, with history and rating); about a
hundred and fifty tests start from it. The first of them that starts from an empty database
loads it for real and keeps every row it left; each later test that starts from a database
holding no other data gets those rows written back table by table, which takes a tenth of a
second. A test that has made data of its own first gets `load_demo()` itself.
`tests/demo/test_demo_snapshot.py` checks that the copy is the demo as loaded.
"""

import json

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

# Filled by Django's migrate signal, not by the demo (their ids differ after a flush); and the
# dashboards' change log, which the database's triggers write as the rows go back in.
_NOT_KEPT = {
    "django_migrations",
    "django_content_type",
    "auth_permission",
    "django_session",
    "reporting_linechange",
}
# Made again by the migrate signal after a transactional test's flush, with new ids: replaced.
_REMADE = {"risks_riskcategory"}
_snapshot: dict[str, tuple] | None = None


def load_demo_fast(load_demo) -> None:
    """Run `load_demo` and keep its rows (from a database that held no data); after that, write
    them back when that is safe."""
    global _snapshot
    if _snapshot is not None and _holds_only_what_snapshot_holds(_snapshot):
        _restore(_snapshot)
        return
    keep = _snapshot is None and _holds_no_data()
    load_demo()
    if keep:
        _snapshot = {table: _read(table) for table in _tables()}


def _tables() -> list[str]:
    names = connection.introspection.django_table_names(only_existing=True, include_views=False)
    return sorted(set(names) - _NOT_KEPT)


def _read(table: str) -> tuple:
    """(columns, rows): on PostgreSQL one JSON text (so the database converts its own types back)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT coalesce(json_agg(t), '[]')::text FROM \"{table}\" t")  # noqa: S608
            return (None, cursor.fetchone()[0])
        cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608
        return ([column[0] for column in cursor.description], cursor.fetchall())


def _holds_no_data() -> bool:
    """Nothing but what migrations make: the demo loaded now is the demo alone."""
    with connection.cursor() as cursor:
        for table in set(_tables()) - _REMADE:
            cursor.execute(f'SELECT 1 FROM "{table}" LIMIT 1')  # noqa: S608
            if cursor.fetchone():
                return False
    return True


def _holds_only_what_snapshot_holds(snapshot) -> bool:
    """Every row now in the database is one of the snapshot's (a migration's data, say)."""
    for table in set(_tables()) - _REMADE:
        now = _read(table)
        if connection.vendor == "postgresql":
            if now[1] != "[]" and not _json_rows(now[1]) <= _json_rows(snapshot[table][1]):
                return False
        elif now[1] and not set(now[1]) <= set(snapshot[table][1]):
            return False
    return True


def _json_rows(text: str) -> set[str]:
    return {json.dumps(row, sort_keys=True) for row in json.loads(text)}


@transaction.atomic
def _restore(snapshot) -> None:
    with connection.cursor() as cursor:
        for table, (columns, rows) in snapshot.items():
            cursor.execute(f'DELETE FROM "{table}"')  # noqa: S608
            if connection.vendor == "postgresql":
                if rows != "[]":
                    cursor.execute(
                        f'INSERT INTO "{table}" SELECT * FROM json_populate_recordset(NULL::"{table}", %s)',  # noqa: S608
                        [rows],
                    )
            elif rows:
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)  # noqa: S608
        # PostgreSQL's id sequences do not follow explicit ids: move them past the restored rows.
        models = [
            m for m in apps.get_models(include_auto_created=True) if m._meta.db_table in snapshot
        ]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
