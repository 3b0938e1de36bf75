from netra.audit.log import record, verify_chain
from netra.audit.models import AuditEntry


def test_an_untouched_chain_verifies(db):
    for i in range(3):
        record(None, "test.event", data={"i": i})
    assert verify_chain() is None


def test_editing_an_entry_breaks_the_chain_at_that_entry(db):
    entries = [record(None, "test.event", data={"i": i}) for i in range(3)]
    AuditEntry.objects.filter(pk=entries[1].pk).update(data={"i": 99})
    assert verify_chain().entry_id == entries[1].pk


def test_deleting_an_entry_breaks_the_chain(db):
    entries = [record(None, "test.event", data={"i": i}) for i in range(3)]
    AuditEntry.objects.filter(pk=entries[1].pk).delete()
    assert verify_chain().entry_id == entries[2].pk
