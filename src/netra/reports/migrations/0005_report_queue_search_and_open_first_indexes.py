"""Indexes for the report queue (issue 14): reports still waiting for their initial study
first, then the newest (both databases); on PostgreSQL, full-text indexes of the words of the
account and of the reported persons' names and agencies, which
netra.common.listing.TextMatch asks with the same expressions, and a GIN index of the conduct
list (netra.common.listing.JsonListHasAny). SQLite, which holds one office's reports,
searches them by LIKE."""

from django.db import migrations

BOTH = [
    (
        "reports_submission_open_first",
        "CREATE INDEX reports_submission_open_first ON reports_submission "
        "((status IN ('received', 'in_review', 'needs_information')), submitted_at, id)",
    ),
]
POSTGRESQL = [
    (
        "reports_submission_words",
        "CREATE INDEX reports_submission_words ON reports_submission "
        "USING gin (to_tsvector('simple', description))",
    ),
    (
        "reports_reportedperson_words",
        "CREATE INDEX reports_reportedperson_words ON reports_reportedperson "
        "USING gin (to_tsvector('simple', name || ' ' || agency))",
    ),
    (
        "reports_submission_conduct",
        "CREATE INDEX reports_submission_conduct ON reports_submission USING gin (conduct)",
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
    dependencies = [("reports", "0004_a_district_supervisor_records_its_study")]

    operations = [migrations.RunPython(create, drop)]
