from netra.audit.log import record, verify_chain
from netra.audit.models import AuditEntry


def test_large_and_fractional_numbers_keep_the_chain_intact(db):
    # PostgreSQL's jsonb gives 1e20 back as 100000000000000000000, an int.
    entry = record(
        None,
        "test.event",
        data={
            "bytes": 1e20,
            "ratio": 0.25,
            "count": 2**60,
            "whole": 3.0,
            "nested": [{"x": 1.5e300}],
        },
    )
    assert verify_chain() is None
    AuditEntry.objects.filter(pk=entry.pk).update(data={"bytes": 1e20, "ratio": 0.5})
    assert verify_chain().entry_id == entry.pk
