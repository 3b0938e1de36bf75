"""`checkpoint_if_due`, run by every worker's round: one checkpoint a day, whoever runs it."""

from datetime import timedelta

from django.utils import timezone

from netra.audit import chain
from netra.audit.log import checkpoint_if_due, record, write_checkpoint


def files(directory):
    return sorted(directory.glob("*.json"))


def test_it_writes_once_and_then_waits_a_day(db, settings, audit_checkpoint_dir):
    record(None, "test.event")
    first = checkpoint_if_due()
    assert first is not None and len(files(audit_checkpoint_dir)) == 1
    record(None, "test.event")
    assert checkpoint_if_due() == first  # younger than NETRA_AUDIT_CHECKPOINT_HOURS
    assert len(files(audit_checkpoint_dir)) == 1
    settings.NETRA_AUDIT_CHECKPOINT_HOURS = 0
    assert checkpoint_if_due().seq == first.seq + 1
    assert len(files(audit_checkpoint_dir)) == 2


def test_a_worker_finding_another_at_it_does_nothing(db, audit_checkpoint_dir):
    record(None, "test.event")
    with chain.claimed(audit_checkpoint_dir) as mine:
        assert mine
        assert write_checkpoint() is None  # what a second worker sees meanwhile
        assert checkpoint_if_due() is None
    assert files(audit_checkpoint_dir) == []
    assert write_checkpoint() is not None


def test_two_writers_of_the_same_head_leave_one_file(db, settings, audit_checkpoint_dir):
    entry = record(None, "test.event")
    key = chain.load_key(str(settings.NETRA_AUDIT_KEY_FILE))
    for offset in (0, 1):  # a moment apart, as two workers on two machines
        chain.write_checkpoint_file(
            audit_checkpoint_dir,
            key,
            chain.Checkpoint(
                seq=entry.seq,
                entry_id=entry.pk,
                hash=entry.hash,
                entry_at=chain.utc_text(entry.at),
                written_at=timezone.now() + timedelta(seconds=offset),
            ),
        )
    assert len(files(audit_checkpoint_dir)) == 1
    assert not list(audit_checkpoint_dir.glob(".*.tmp"))
