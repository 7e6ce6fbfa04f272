"""pg_trgm for the forgiving search (a no-op on SQLite).

Creating an extension needs a superuser or a trusted extension (pg_trgm is trusted from
PostgreSQL 13, so a database owner may create it); otherwise create it once by hand:
CREATE EXTENSION pg_trgm;"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = []
    operations = [TrigramExtension()]
