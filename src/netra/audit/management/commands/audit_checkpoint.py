"""`netra audit checkpoint` (also `netra manage audit_checkpoint`)."""

import sys

from django.core.management.base import BaseCommand
from django.utils import timezone

from netra.audit.log import AuditKeyError, ChainBroken, checkpoint_dir, write_checkpoint
from netra.audit.models import AuditEntry


class Command(BaseCommand):
    help = "Write the signed head of the chain outside the database; exit 1 if it is broken."
    requires_system_checks = []

    def handle(self, *args, **options):
        self.stderr.style_func = None
        code = self.run()
        if code:
            sys.exit(code)

    def run(self):
        started = timezone.now()
        try:
            checkpoint = write_checkpoint()
        except AuditKeyError as exc:
            self.stderr.write(f"netra: kunci audit tidak dapat dipakai / audit key unusable: {exc}")
            return 1
        except ChainBroken as exc:
            self.stderr.write(f"netra: titik periksa tidak ditulis / no checkpoint written: {exc}")
            return 1
        if checkpoint is None:
            if not AuditEntry.objects.exists():
                self.stdout.write(
                    "Jejak audit masih kosong: tidak ada yang perlu dicatat. / "
                    "The audit log is empty: nothing to checkpoint."
                )
                return 0
            self.stderr.write(
                "netra: proses lain sedang menulis titik periksa; coba lagi. / "
                "another process is writing a checkpoint; try again."
            )
            return 1
        where = checkpoint_dir() / checkpoint.name
        done = (
            ("ditulis", "written")
            if checkpoint.written_at >= started
            else ("sudah ada untuk kepala ini", "already there for this head")
        )
        self.stdout.write(
            f"Titik periksa {done[0]}: entri #{checkpoint.entry_id} (nomor urut {checkpoint.seq}), "
            f"{where}. / Checkpoint {done[1]}: entry #{checkpoint.entry_id} "
            f"(sequence {checkpoint.seq}), {where}."
        )
        return 0
