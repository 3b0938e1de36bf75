"""`netra insights import-ikp FILE --election CODE --source TEXT` (also `netra manage
insights_import_ikp`): import Bawaslu's vulnerability index for an election, whole or not at
all; exit 2 with every bad row listed when it is refused."""

from datetime import date
from pathlib import Path

from django.utils import translation

from netra.common.commands import ExitCodeCommand
from netra.lib.refusals import Refused, message
from netra.regions.models import Election
from netra.risk.actions import import_ikp
from netra.risk.importer import MAX_BYTES, IkpFileError
from netra.risk.refusals import REFUSALS


class Command(ExitCodeCommand):
    help = "Impor Indeks Kerawanan Pemilu (IKP) dari berkas CSV atau XLSX untuk satu pemilihan."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--election", required=True, help="kode pemilihan, mis. pilkada-2024")
        parser.add_argument("--source", required=True, help="siapa yang menerbitkannya dan di mana")
        parser.add_argument("--published", help="tanggal terbit, YYYY-MM-DD")
        parser.add_argument(
            "--fictional", action="store_true", help="nilai rekaan (data demo atau latihan)"
        )

    def exit_code(self, options):
        with translation.override("id"):
            return self.run(options)

    def run(self, options):
        election = Election.objects.filter(code=options["election"]).first()
        if election is None:
            codes = ", ".join(Election.objects.order_by("code").values_list("code", flat=True))
            self.stderr.write(
                f"netra: pemilihan {options['election']!r} tidak dikenal; yang ada: {codes}."
            )
            return 1
        published = None
        if options["published"]:
            try:
                published = date.fromisoformat(options["published"])
            except ValueError:
                self.stderr.write("netra: --published ditulis YYYY-MM-DD, mis. 2024-08-26.")
                return 1
        path = Path(options["file"])
        try:
            if path.stat().st_size > MAX_BYTES:  # refused before it is read into memory
                raise IkpFileError(
                    "too_large",
                    size_mb=round(path.stat().st_size / 2**20, 1),
                    limit_mb=round(MAX_BYTES / 2**20),
                )
            data = path.read_bytes()
        except OSError as error:
            self.stderr.write(f"netra: {path} tidak dapat dibaca ({error.strerror}).")
            return 1
        try:
            release = import_ikp(
                None,
                election,
                data,
                source=options["source"],
                published_on=published,
                file_name=path.name,
                fictional=options["fictional"],
            )
        except IkpFileError as refusal:
            self.stderr.write(f"netra: {refusal.message}")
            for error in refusal.errors:
                self.stderr.write(f"baris {error.row}, kolom {error.column}: {error.message}")
            return 2
        except Refused as refusal:
            self.stderr.write(f"netra: {message(REFUSALS, refusal.code, **refusal.params)}")
            return 1
        self.stdout.write(
            f"IKP {election.name_id}: {release.rows} wilayah diimpor (sumber: {release.source})."
        )
        return 0
