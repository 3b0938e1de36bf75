"""Issue 20: the duplicate search and the officers' e-mail moved from the request to the
worker; `screened_at` says when it ran. Every submission already stored was searched when it
was filed, so it counts as screened then."""

from django.db import migrations, models
from django.db.models import F


def screened_when_filed(apps, schema_editor):
    Submission = apps.get_model("reports", "Submission")
    Submission.objects.filter(screened_at__isnull=True).update(screened_at=F("submitted_at"))


class Migration(migrations.Migration):
    dependencies = [("reports", "0005_report_queue_search_and_open_first_indexes")]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="screened_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(screened_when_filed, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="submission",
            index=models.Index(
                condition=models.Q(("screened_at__isnull", True)),
                fields=["submitted_at"],
                name="reports_unscreened",
            ),
        ),
    ]
