"""`netra roster import FILE --region CODE` (also `netra manage roster_import`)."""

import sys
from pathlib import Path

from netra.common.commands import ExitCodeCommand
from netra.people.actions import import_roster_file
from netra.people.importer import RosterFileError
from netra.regions.models import Region


class Command(ExitCodeCommand):
    help = "Import a CSV or XLSX roster; exit 2 when rows were refused and nothing imported."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--region", required=True, help="Kemendagri code, e.g. 35.09")
        parser.add_argument(
            "--skip-invalid", action="store_true", help="import the valid rows only"
        )
        parser.add_argument("--errors", help="where to write the error report (CSV)")
        parser.add_argument("--progress", action="store_true", help="show progress even when piped")

    def exit_code(self, options):
        return self.run(
            options["file"],
            options["region"],
            options["skip_invalid"],
            options["errors"],
            options["progress"],
        )

    def run(self, file, region_code, skip_invalid, errors, progress):
        region = Region.objects.filter(code=region_code).first()
        if region is None:
            self.stderr.write(f"netra: kode wilayah {region_code!r} tidak dikenal.")
            return 1
        show = _progress_printer() if sys.stderr.isatty() or progress else None
        try:
            result = import_roster_file(
                Path(file), region=region, actor=None, skip_invalid=skip_invalid, progress=show
            )
        except RosterFileError as exc:
            self.stderr.write(f"netra: {exc.message}")
            return 1
        if show:
            sys.stderr.write("\n")
        self.stdout.write(result.summary())
        if result.errors:
            report = Path(errors or f"{Path(file).stem}-kesalahan.csv")
            result.write_error_report(report)
            self.stdout.write(f"Rincian kesalahan: {report}")
        return 0 if result.imported or not result.errors else 2


def _progress_printer():
    def show(done, total):
        width = 30
        filled = int(width * done / total) if total else width
        pct = 100 * done / total if total else 100
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {pct:5.1f}% {done:,} baris")
        sys.stderr.flush()

    return show
