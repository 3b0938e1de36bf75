import hashlib
import json

from django.db import transaction
from django.utils import timezone

from .models import AuditEntry, AuditHead

GENESIS = "0" * 64


def _digest(prev_hash, at, actor_label, action, target_type, target_id, region_code, data):
    canonical = json.dumps(
        [prev_hash, at.isoformat(), actor_label, action, target_type, target_id, region_code, data],
        sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def record(actor, action, target=None, region=None, data=None):
    """Append one audit entry; call inside the transaction of the change it describes."""
    data = json.loads(json.dumps(data or {}, default=str))
    target_type = target._meta.label_lower if target is not None else ""
    target_id = str(target.pk) if target is not None else ""
    region_code = getattr(region, "code", region) or ""
    actor_label = actor.get_username() if actor is not None else "system"
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"last_hash": GENESIS})
        at = timezone.now()
        digest = _digest(head.last_hash, at, actor_label, action, target_type, target_id,
                         region_code, data)
        entry = AuditEntry.objects.create(
            at=at, actor=actor, actor_label=actor_label, action=action, target_type=target_type,
            target_id=target_id, region_code=region_code, data=data, prev_hash=head.last_hash,
            hash=digest,
        )
        head.last_hash = digest
        head.save(update_fields=["last_hash"])
    return entry


def verify_chain():
    """Return the id of the first entry that breaks the chain, or None when it is intact."""
    prev = GENESIS
    for e in AuditEntry.objects.order_by("id").iterator():
        expected = _digest(prev, e.at, e.actor_label, e.action, e.target_type, e.target_id,
                           e.region_code, e.data)
        if e.prev_hash != prev or e.hash != expected:
            return e.pk
        prev = e.hash
    return None
