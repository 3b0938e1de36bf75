"""Indexes for the overdue list (issue 20, national scale), PostgreSQL only: the cases past a
deadline (cases.models.overdue: PPK overdue, or a due time passed) most overdue first, as the
list orders them (due time, empty first, then id), national and by region. Without them the
list sorted every overdue case in reach for each page (about 270,000 of 1,000,000 cases,
0.8 s nationally). The region's index carries the state, so that the list's count stops
after NETRA_EXACT_COUNT_LIMIT rows read from the index alone. SQLite, which holds one
office's cases, sorts them."""

from django.db import migrations

# Every case the overdue list can show: PPK overdue (its own due time is empty) or with a due
# time ('ppk_overdue' is cases.workflow.PPK_OVERDUE).
LISTED = "state = 'ppk_overdue' OR due_at IS NOT NULL"
INDEXES = [
    (
        "cases_case_overdue_first",
        f"CREATE INDEX cases_case_overdue_first ON cases_case "
        f"(due_at ASC NULLS FIRST, id) WHERE {LISTED}",
    ),
    (
        "cases_case_overdue_by_region",
        f"CREATE INDEX cases_case_overdue_by_region ON cases_case "
        f"(region_id, due_at ASC NULLS FIRST, id) INCLUDE (state) WHERE {LISTED}",
    ),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for _name, sql in INDEXES:
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _sql in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0009_case_list_search_and_open_first_indexes")]

    operations = [migrations.RunPython(create, drop)]
