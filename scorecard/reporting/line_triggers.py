"""Database triggers that record every write to a table the kept lines are built from.

A trigger runs in the writer's own transaction, whatever wrote the row: a service, the admin,
an import, a bulk insert, a queryset update, raw SQL. Its `LineChange` row therefore commits
and rolls back with the change itself, which is what `kept.py` relies on (decision 0021).

The triggers are (re)installed after every `migrate` (the `post_migrate` signal): on SQLite,
Django rebuilds a table to alter it, which drops its triggers.
"""

from django.db.backends.base.base import BaseDatabaseWrapper

from .models import LineChange

PREFIX = "reporting_line_changed"

# One function for every table: its arguments name the model and the column holding the
# indicator or risk ('' for tables whose change rebuilds every line). An update that moves a
# row to another indicator or risk records both. Names come from the models, never from input.
POSTGRESQL_FUNCTION = """
CREATE OR REPLACE FUNCTION reporting_line_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    column_name text := NULLIF(TG_ARGV[1], '');
    old_key bigint;
    new_key bigint;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        INSERT INTO {table} (source, key, xact, token)
        VALUES (TG_ARGV[0], NULL, pg_current_xact_id()::text::bigint, 0);
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        old_key := (to_jsonb(OLD) ->> column_name)::bigint;
        INSERT INTO {table} (source, key, xact, token)
        VALUES (TG_ARGV[0], old_key, pg_current_xact_id()::text::bigint, 0);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_key := (to_jsonb(NEW) ->> column_name)::bigint;
        IF TG_OP = 'INSERT' OR (column_name IS NOT NULL AND new_key IS DISTINCT FROM old_key) THEN
            INSERT INTO {table} (source, key, xact, token)
            VALUES (TG_ARGV[0], new_key, pg_current_xact_id()::text::bigint, 0);
        END IF;
    END IF;
    RETURN NULL;
END $$;
"""


def _tracked() -> list[tuple[str, str, str | None]]:
    """(table, model label, key column or None) of every source of the kept lines."""
    from .indicator_lines import INDICATOR_SOURCES
    from .risk_lines import RISK_SOURCES

    tracked = {}
    for source in [*INDICATOR_SOURCES, *RISK_SOURCES]:
        meta = source.model._meta
        column = meta.get_field(source.key).column if source.key else None
        tracked[meta.db_table] = (meta.db_table, meta.label_lower, column)
    return list(tracked.values())


def _postgresql(table: str, label: str, column: str | None, quote, _changes: str) -> list[str]:
    name = quote(PREFIX)
    target = quote(table)
    arguments = f"'{label}', '{column or ''}'"
    return [
        f"DROP TRIGGER IF EXISTS {name} ON {target}",
        f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON {target} "
        f"FOR EACH ROW EXECUTE FUNCTION {PREFIX}({arguments})",
        f"DROP TRIGGER IF EXISTS {quote(PREFIX + '_truncate')} ON {target}",
        f"CREATE TRIGGER {quote(PREFIX + '_truncate')} AFTER TRUNCATE ON {target} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PREFIX}({arguments})",
    ]


def _sqlite(table: str, label: str, column: str | None, quote, changes: str) -> list[str]:
    def insert(row: str, when: str = "") -> str:
        key = f"{row}.{quote(column)}" if column else "NULL"
        return (
            f"INSERT INTO {changes} (source, key, xact, token) "
            f"SELECT '{label}', {key}, NULL, random(){when};"
        )

    moved = f" WHERE OLD.{quote(column)} IS NOT NEW.{quote(column)}" if column else " WHERE 0"
    statements = []
    for event, body in (
        ("INSERT", insert("NEW")),
        ("UPDATE", insert("NEW") + " " + insert("OLD", moved)),
        ("DELETE", insert("OLD")),
    ):
        name = quote(f"{PREFIX}_{table}_{event.lower()}")
        statements += [
            f"DROP TRIGGER IF EXISTS {name}",
            f"CREATE TRIGGER {name} AFTER {event} ON {quote(table)} BEGIN {body} END",
        ]
    return statements


def install(connection: BaseDatabaseWrapper) -> None:
    """Create or replace the triggers on every tracked table that exists."""
    writers = {"postgresql": _postgresql, "sqlite": _sqlite}
    writer = writers.get(connection.vendor)
    if writer is None:
        return  # kept.py builds every line on every read elsewhere
    changes = LineChange._meta.db_table
    existing = set(connection.introspection.table_names())
    if changes not in existing:
        return  # migrated back before the table: nothing to record into
    quote = connection.ops.quote_name
    statements = []
    if connection.vendor == "postgresql":
        statements.append(POSTGRESQL_FUNCTION.replace("{table}", quote(changes)))
    for table, label, column in _tracked():
        if table in existing:
            statements += writer(table, label, column, quote, quote(changes))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def installed(*, using: str = "default", **kwargs) -> None:
    """`post_migrate` receiver."""
    from django.db import connections

    install(connections[using])
