"""`netra cases overdue [--json] [--region CODE]` (also `netra manage cases_overdue`)."""

import json
import sys

from django.core.management.base import BaseCommand
from django.utils import timezone

from netra.cases.models import Case
from netra.regions.models import Region


class Command(BaseCommand):
    help = "Cases whose current step is past due, the most overdue first."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="machine-readable output")
        parser.add_argument("--region", help="only this region and what lies inside it")

    def handle(self, *args, **options):
        self.stderr.style_func = None
        code = self.run(options["json"], options["region"])
        if code:
            sys.exit(code)

    def run(self, as_json, region_code):
        cases = Case.objects.filter(due_at__lt=timezone.now()).select_related("region", "election")
        if region_code:
            region = Region.objects.filter(code=region_code).first()
            if region is None:
                self.stderr.write(f"netra: kode wilayah {region_code!r} tidak dikenal.")
                return 1
            cases = cases.filter(region.within_q())
        rows = [
            {
                "id": c.pk,
                "number": c.number,
                "state": c.state,
                "region_code": c.region.code,
                "election": c.election.code,
                "due_at": c.due_at.isoformat(),
            }
            for c in cases.order_by("due_at")
        ]
        if as_json:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for row in rows:
                self.stdout.write(
                    f"{row['due_at']}  {row['region_code']:<8} {row['state']:<16} "
                    f"{row['number'] or '#' + str(row['id'])}"
                )
        return 0
