"""`netra audit checkpoint` (also `netra manage audit_checkpoint`)."""

from django.utils import timezone

from netra.audit.log import AuditKeyError, ChainBroken, checkpoint_dir, write_checkpoint
from netra.audit.models import AuditEntry
from netra.common.commands import ExitCodeCommand


class Command(ExitCodeCommand):
    help = "Write the signed head of the chain outside the database; exit 1 if it is broken."

    def exit_code(self, options):
        return self.run()

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
