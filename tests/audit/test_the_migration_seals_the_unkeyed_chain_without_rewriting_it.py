"""An installation upgraded with entries hashed the old way (unkeyed SHA-256): the migration
seals them with a first keyed entry, their hashes stay as they were, and verify checks both
parts."""

import pytest
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from netra.audit import chain
from netra.audit.log import SEAL_ACTION, record, verify_chain
from netra.audit.models import AuditEntry

pytestmark = pytest.mark.django_db(transaction=True)
UNKEYED = [("audit", "0001_initial")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor


def upgrade(emptied=False):
    """Five entries written before the upgrade (removed again if EMPTIED), then the upgrade;
    returns (id, prev_hash, hash) of each."""
    # Every app's latest migration, not only the audit log's: going back to the unkeyed chain
    # also unapplies the migrations that read the audit log (accounts' dating of earlier
    # authenticator resets), and the tests after this one need them back.
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    executor = migrate(UNKEYED)
    try:
        old = executor.loader.project_state(UNKEYED).apps
        entry_model, head_model = (
            old.get_model("audit", "AuditEntry"),
            old.get_model("audit", "AuditHead"),
        )
        prev = chain.GENESIS
        for i in range(5):
            at = timezone.now()
            digest = chain.unkeyed_digest(prev, at, "system", "test.old", "", "", "35.09", {"i": i})
            entry_model.objects.create(
                at=at,
                actor_label="system",
                action="test.old",
                region_code="35.09",
                data={"i": i},
                prev_hash=prev,
                hash=digest,
            )
            prev = digest
        head_model.objects.create(pk=1, last_hash=prev)
        rows = list(entry_model.objects.order_by("id").values_list("id", "prev_hash", "hash"))
        if emptied:
            entry_model.objects.all().delete()
    finally:
        migrate(latest)
    return rows


@pytest.fixture
def upgraded():
    return upgrade()


def test_the_old_hashes_stay_and_the_keyed_chain_goes_on_from_their_seal(upgraded):
    assert (
        list(
            AuditEntry.objects.filter(seq__isnull=True)
            .order_by("id")
            .values_list("id", "prev_hash", "hash")
        )
        == upgraded
    )
    seal = AuditEntry.objects.get(seq=1)
    assert seal.action == SEAL_ACTION and seal.prev_hash == upgraded[-1][2]
    assert seal.data == {
        "unkeyed_entries": 5,
        "unkeyed_last_id": upgraded[-1][0],
        "unkeyed_last_hash": upgraded[-1][2],
    }
    after = record(None, "test.new")
    assert (after.seq, after.prev_hash) == (2, seal.hash)
    assert verify_chain() is None


def tampered(change):
    """The break that CHANGE causes, with the change rolled back afterwards."""
    with transaction.atomic():
        change()
        broken = verify_chain()
        transaction.set_rollback(True)
    return broken and (broken.kind, broken.entry_id)


def test_verify_checks_the_sealed_part_too(upgraded):
    record(None, "test.new")
    ids = [row[0] for row in upgraded]
    seal_id = AuditEntry.objects.get(seq=1).pk
    old = AuditEntry.objects.filter(seq__isnull=True)

    def rewrite_with_recomputed_hashes():
        old.filter(pk=ids[1]).update(action="test.forged")
        prev = chain.GENESIS
        for e in old.order_by("id"):
            digest = chain.unkeyed_digest(
                prev,
                e.at,
                e.actor_label,
                e.action,
                e.target_type,
                e.target_id,
                e.region_code,
                e.data,
            )
            old.filter(pk=e.pk).update(prev_hash=prev, hash=digest)
            prev = digest

    assert tampered(lambda: old.filter(pk=ids[2]).update(data={"i": 9})) == ("unkeyed", ids[2])
    assert tampered(lambda: old.filter(pk=ids[2]).delete()) == ("unkeyed", ids[3])
    assert tampered(lambda: old.filter(pk=ids[-1]).delete()) == ("seal", seal_id)
    assert tampered(lambda: old.all().delete()) == ("seal", seal_id)
    assert tampered(rewrite_with_recomputed_hashes) == ("seal", seal_id)
    assert tampered(lambda: AuditEntry.objects.filter(pk=seal_id).delete()) == (
        "missing",
        AuditEntry.objects.get(seq=2).pk,
    )
    assert verify_chain() is None


def test_a_log_emptied_before_the_upgrade_stays_reported_after_it():
    upgrade(emptied=True)
    seal = AuditEntry.objects.get(seq=1)
    assert (verify_chain().kind, verify_chain().entry_id) == ("seal", seal.pk)
    record(None, "test.new")  # writing on does not wash it away
    assert (verify_chain().kind, verify_chain().entry_id) == ("seal", seal.pk)
