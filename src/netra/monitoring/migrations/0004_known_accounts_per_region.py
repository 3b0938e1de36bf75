import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0003_fill_handle_regions_and_text_bands"),
        ("regions", "0002_election_ppk_follow_up_days"),
    ]

    operations = [
        migrations.AlterField(
            model_name="authorhandle",
            name="region",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="regions.region"
            ),
        ),
        migrations.AddConstraint(
            model_name="authorhandle",
            constraint=models.UniqueConstraint(
                fields=("region", "handle"), name="one_handle_per_region"
            ),
        ),
    ]
