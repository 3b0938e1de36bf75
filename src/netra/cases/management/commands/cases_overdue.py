"""`netra cases overdue [--json] [--region CODE]` (also `netra manage cases_overdue`)."""

import json

from django.utils import timezone

from netra.cases.models import Case
from netra.common.commands import ExitCodeCommand
from netra.regions.models import Region


class Command(ExitCodeCommand):
    help = "Cases whose current step is past due, the most overdue first."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="machine-readable output")
        parser.add_argument("--region", help="only this region and what lies inside it")

    def exit_code(self, options):
        return self.run(options["json"], options["region"])

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
