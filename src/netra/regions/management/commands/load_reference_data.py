from django.core.management.base import BaseCommand

from netra.regions.reference import load_reference_data


class Command(BaseCommand):
    help = "Load the versioned reference data files (regions, elections, holidays) idempotently."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="merge every file again even if its version is loaded",
        )

    def handle(self, *args, force=False, **options):
        counts = load_reference_data(force=force)
        self.stdout.write(", ".join(f"{k}: {v}" for k, v in counts.items()))
