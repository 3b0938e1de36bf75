"""Indexes for the case list (issue 14): open cases first then the newest (both databases);
on PostgreSQL, full-text indexes of the words of a case's summary and of its reported persons'
names and agencies, which netra.common.listing.TextMatch asks with the same expressions.
SQLite, which holds one office's cases, searches them by LIKE."""

from django.db import migrations

BOTH = [
    (
        "cases_case_open_first",
        "CREATE INDEX cases_case_open_first ON cases_case "
        "((state = 'closed'), opened_at DESC, id DESC)",
    ),
]
POSTGRESQL = [
    (
        "cases_case_summary_words",
        "CREATE INDEX cases_case_summary_words ON cases_case "
        "USING gin (to_tsvector('simple', summary))",
    ),
    (
        "cases_respondent_words",
        "CREATE INDEX cases_respondent_words ON cases_respondent "
        "USING gin (to_tsvector('simple', name || ' ' || agency))",
    ),
]


def _indexes(schema_editor):
    return BOTH + (POSTGRESQL if schema_editor.connection.vendor == "postgresql" else [])


def create(apps, schema_editor):
    for _name, sql in _indexes(schema_editor):
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    for name, _sql in _indexes(schema_editor):
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0008_register_numbers_unique_per_office")]

    operations = [migrations.RunPython(create, drop)]
