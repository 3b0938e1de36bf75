"""Known accounts take the region of their employee (they were national before); the texts of
the near-duplicate window get their band rows."""

from datetime import timedelta

from django.db import migrations
from django.utils import timezone

WINDOW = timedelta(days=30)  # actions.DUPLICATE_WINDOW when this was written


def fill(apps, schema_editor):
    AuthorHandle = apps.get_model("monitoring", "AuthorHandle")
    Text = apps.get_model("monitoring", "Text")
    TextBand = apps.get_model("monitoring", "TextBand")
    for handle in AuthorHandle.objects.filter(region__isnull=True).select_related("employee"):
        handle.region_id = handle.employee.region_id
        handle.save(update_fields=["region"])
    originals = Text.objects.filter(
        duplicate_of__isnull=True, received_at__gte=timezone.now() - WINDOW
    )
    rows = []
    for pk, region_id, simhash in originals.values_list("pk", "region_id", "simhash").iterator():
        value = simhash + (1 << 64) if simhash < 0 else simhash
        rows += [
            TextBand(text_id=pk, region_id=region_id, key=i * 256 + (value >> 8 * i & 0xFF))
            for i in range(8)
        ]
        if len(rows) >= 8000:
            TextBand.objects.bulk_create(rows)
            rows = []
    TextBand.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0002_sources_per_region_and_band_table")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
