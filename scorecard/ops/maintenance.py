"""Database upkeep after bulk writes."""

from django.db import connection


def statistics_refresh() -> None:
    """PostgreSQL: VACUUM ANALYZE, so that the planner knows the tables' sizes and no dead row
    left by a rolled-back bulk write slows an index scan (6.6 million of them once made the
    dashboards' one-row look-ups take 180 ms). Autovacuum does the same in time, when it is on;
    after a bulk load, or before measuring, it is done at once. SQLite needs nothing, and
    inside a transaction (a test's) it cannot run."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
