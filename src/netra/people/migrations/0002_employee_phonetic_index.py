"""A GIN full-text index over the phonetic name codes, on PostgreSQL only.

SQLite has no GIN; an embedded installation holds one region's roster, which it scans quickly.
The expression must stay identical to the one in people/search.py for the planner to use it.
"""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS employee_phonetic_gin ON people_employee "
            "USING gin (to_tsvector('simple', name_phonetic))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS employee_phonetic_gin")


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
