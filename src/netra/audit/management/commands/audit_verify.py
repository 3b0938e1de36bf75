"""`netra audit verify` (also `netra manage audit_verify`): exit 1 at a broken link."""

import time

from django.utils import timezone

from netra.audit.log import AuditKeyError, verify
from netra.common.commands import ExitCodeCommand


class Command(ExitCodeCommand):
    help = "Walk the hash chain and compare it with the newest checkpoint; exit 1 at a break."

    def exit_code(self, options):
        return self.run()

    def run(self):
        started = time.perf_counter()
        try:
            result = verify()
        except AuditKeyError as exc:
            self.stderr.write(f"netra: kunci audit tidak dapat dipakai / audit key unusable: {exc}")
            return 1
        seconds = time.perf_counter() - started
        if result.broken is not None:
            self.stderr.write(f"netra: {result.broken}")
            return 1
        self.stdout.write(
            f"Jejak audit utuh: {result.entries} entri diperiksa dalam {seconds:.1f} s."
        )
        checkpoint = result.checkpoint
        if checkpoint is None:
            self.stdout.write(
                "Belum ada titik periksa di luar basis data; jalankan "
                "`netra audit checkpoint`. / No checkpoint outside the database "
                "yet; run `netra audit checkpoint`."
            )
        else:
            written = f"{timezone.localtime(checkpoint.written_at):%Y-%m-%d %H:%M}"
            self.stdout.write(
                f"Cocok dengan titik periksa terbaru ({written}, entri #{checkpoint.entry_id}). / "
                f"Matches the newest checkpoint ({written}, entry #{checkpoint.entry_id})."
            )
        return 0
