"""Copy the risks' actions, and their history, into the one action record (ids kept)."""

from django.core.management.color import no_style
from django.db import migrations

FIELDS = (
    "id",
    "risk_id",
    "description",
    "owner_id",
    "due_on",
    "revised_due_on",
    "status",
    "percent_complete",
    "progress",
    "on_track",
    "completed_on",
)
HISTORY_FIELDS = (
    "history_id",
    "history_date",
    "history_change_reason",
    "history_type",
    "history_user_id",
)


def copy(apps, schema_editor):
    old, new = apps.get_model("risks", "Action"), apps.get_model("actions", "Action")
    old_history = apps.get_model("risks", "HistoricalAction")
    new_history = apps.get_model("actions", "HistoricalAction")
    new.objects.bulk_create(
        new(**{f: getattr(row, f) for f in FIELDS}) for row in old.objects.order_by("pk")
    )
    new_history.objects.bulk_create(
        new_history(**{f: getattr(row, f) for f in FIELDS + HISTORY_FIELDS})
        for row in old_history.objects.order_by("history_id")
    )
    # The ids were kept, so PostgreSQL's sequences must start after them (no-op on SQLite).
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [new, new_history]):
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("actions", "0001_initial")]

    operations = [migrations.RunPython(copy, migrations.RunPython.noop)]
