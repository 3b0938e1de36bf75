"""Seal the entries written before the chain was keyed: a first keyed entry names the last of
them (id and hash) and their count, and the keyed chain goes on from its hash. The old hashes
are kept exactly as they were; `netra audit verify` checks both parts."""

from django.db import migrations


def seal(apps, schema_editor):
    from netra.audit import log

    entry_model, head_model = (
        apps.get_model("audit", "AuditEntry"),
        apps.get_model("audit", "AuditHead"),
    )
    if log.needs_seal(entry_model, head_model):  # a new installation has nothing to seal
        log.seal_unkeyed(entry_model, head_model, log.audit_key())


def unseal(apps, schema_editor):
    entry_model = apps.get_model("audit", "AuditEntry")
    keyed = entry_model.objects.filter(seq__isnull=False)
    if keyed.exclude(seq=1, action="audit.sealed").exists():
        raise RuntimeError(
            "keyed audit entries exist: the audit chain cannot go back to unkeyed hashes"
        )
    seal = entry_model.objects.filter(seq=1, action="audit.sealed").first()
    if seal is not None:
        apps.get_model("audit", "AuditHead").objects.filter(pk=1).update(
            last_hash=seal.prev_hash, last_seq=0, mac=""
        )
        seal.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_keyed_chain"),
    ]

    operations = [
        migrations.RunPython(seal, unseal),
    ]
