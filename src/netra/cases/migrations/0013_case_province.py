"""The province each case lies in (issue 20, national scale), and on PostgreSQL the indexes
of a province officer's case list. A province's cases lie in its regencies and cities (39
regions for Jawa Timur), never one range of any index: a default page walked the open-first
index of every case and kept the 7.6% of the province (45-120 ms at 1,000,000 cases), and a
page of one step combined two index lookups and read about 4,600 rows twice (count and page).
The province leads the indexes, in the list's order (open first, then the newest), of every
step and of one step, as cases_case_open_first and cases_case_step_open_first do nationally,
and an index of the province's overdue list, as cases_case_overdue_by_region for a region.

The backfill is one statement over the regions (a region's province is the province whose
code is its code or begins it), on SQLite and PostgreSQL alike; Case.save keeps it since."""

from django.db import migrations, models

BACKFILL = """
UPDATE cases_case SET province_id = m.province_id
FROM (
    SELECT r.id AS region_id, p.id AS province_id
    FROM regions_region r
    JOIN regions_region p
      ON p.level = 'province' AND (r.code = p.code OR r.code LIKE p.code || '.%%')
) AS m
WHERE m.region_id = cases_case.region_id
"""
INDEXES = [
    (
        "cases_case_province_open_first",
        "CREATE INDEX cases_case_province_open_first ON cases_case "
        "(province_id, (state = 'closed'), opened_at DESC, id DESC)",
    ),
    (
        "cases_case_province_step_open_first",
        "CREATE INDEX cases_case_province_step_open_first ON cases_case "
        "(province_id, state, (state = 'closed'), opened_at DESC, id DESC)",
    ),
    # The overdue list of a province, as cases_case_overdue_by_region (0010) for a region: the
    # state carried so that its capped count is read from the index alone (without it 52 ms
    # for the 10,001 rows of Jawa Timur, through a bitmap of the province's 73,000 cases).
    (
        "cases_case_overdue_by_province",
        "CREATE INDEX cases_case_overdue_by_province ON cases_case "
        "(province_id, due_at ASC NULLS FIRST, id) INCLUDE (state) "
        "WHERE state = 'ppk_overdue' OR due_at IS NOT NULL",
    ),
]


def backfill(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(BACKFILL, [])


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for _name, sql in INDEXES:
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _sql in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0012_case_list_forwarded_step_index"),
        ("regions", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="province",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                editable=False,
                null=True,
                on_delete=models.deletion.PROTECT,
                related_name="+",
                to="regions.region",
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(create, drop),
    ]
