"""Which changes to the kept lines' tables have committed since a mark (decision 0021).

`read(mark)` returns the new mark and the changes committed since `mark`, as (model label, key)
pairs, or None when the mark cannot be followed and every line must be built again. It runs
one query. A mark is kept with lines that hold at least every change it has read.
"""

from django.db import connection

from .models import LineChange

# PostgreSQL: the mark is the snapshot of the query that read the changes ("which transactions
# had committed"), with the reading transaction's own id and its newest change then. A change is
# new if its transaction was not visible in that snapshot. A snapshot's text never shows the
# reading transaction as visible to itself, so the reader's own changes (a test, or a request
# that writes then reads) are left out of that test and followed by id instead, which grows
# within a session, and counted: a savepoint rolled back since leaves fewer of them than the
# lines saw.
POSTGRESQL = """
WITH now AS (
    SELECT pg_current_snapshot() AS snapshot,
           pg_current_xact_id_if_assigned()::text::bigint AS own
)
SELECT now.snapshot::text,
       now.own,
       pg_xact_status(%(reader)s::text::xid8),
       (SELECT MAX(id) FROM {table} WHERE xact = now.own),
       (SELECT COUNT(*) FROM {table} WHERE xact = now.own),
       (SELECT COUNT(*) FROM {table} WHERE xact = %(reader)s AND id <= %(reader_newest)s),
       change.source,
       change.key
FROM now LEFT JOIN {table} change ON %(follow)s AND (
    (change.xact >= %(xmin)s
     AND change.xact IS DISTINCT FROM %(reader)s
     AND NOT pg_visible_in_snapshot(change.xact::text::xid8, %(snapshot)s::pg_snapshot))
    OR (change.xact = %(reader)s AND change.id > %(reader_newest)s)
)
"""

# SQLite: one writer at a time, and AUTOINCREMENT never gives a committed id again, so every
# change committed after the newest one read has a higher id. The mark is that id with the
# row's random token: a row gone or replaced means the lines saw a write later rolled back.
SQLITE = "SELECT id, source, key, token FROM {table} WHERE id >= %s ORDER BY id"
SQLITE_FIRST = "SELECT id, token FROM {table} ORDER BY id DESC LIMIT 1"


def read(mark):
    if connection.vendor == "postgresql":
        return _read_postgresql(mark)
    if connection.vendor == "sqlite":
        return _read_sqlite(mark)
    return None, None  # no way to tell what committed: build every line


def _table() -> str:
    return connection.ops.quote_name(LineChange._meta.db_table)


def _read_postgresql(mark):
    snapshot, reader, reader_newest, reader_count = mark or (None, None, 0, 0)
    params = {
        "follow": mark is not None,
        "snapshot": snapshot,
        "xmin": int(snapshot.split(":")[0]) if snapshot else 0,
        "reader": reader,
        "reader_newest": reader_newest,
    }
    with connection.cursor() as cursor:
        cursor.execute(POSTGRESQL.format(table=_table()), params)
        rows = cursor.fetchall()
    now, own, reader_status, own_newest, own_count, reader_still = rows[0][:6]
    new_mark = (now, own, own_newest or 0, own_count)
    if mark is None:
        return new_mark, None
    if reader is not None and not (
        (reader_status == "committed" or (reader_status == "in progress" and reader == own))
        and reader_still == reader_count
    ):
        # The lines hold writes of a transaction (or savepoint) since rolled back, or of
        # another transaction still open that this reader cannot see.
        return new_mark, None
    return new_mark, [(source, key) for *_, source, key in rows if source is not None]


def _read_sqlite(mark):
    table = _table()
    with connection.cursor() as cursor:
        if mark is None:
            cursor.execute(SQLITE_FIRST.format(table=table))
            newest = cursor.fetchone()
            return (tuple(newest) if newest else (0, None)), None
        newest_id, token = mark
        cursor.execute(SQLITE.format(table=table), [newest_id])
        rows = cursor.fetchall()
    if newest_id and not (rows and tuple(rows[0][::3]) == (newest_id, token)):
        return _read_sqlite(None)
    new_mark = (rows[-1][0], rows[-1][3]) if rows else (newest_id, token)
    return new_mark, [(source, key) for id_, source, key, _ in rows if id_ > newest_id]
