"""The tampering suite of issue 11: an attacker with write access to the database but not to the
audit key changes the log with plain SQL, and `verify` names the break. It runs on SQLite and,
with DATABASE_URL, on PostgreSQL.

The chain: six entries by alice, a checkpoint (the worker's daily one) written after the third.
"""

import pytest
from django.db import connection

from netra.audit import chain
from netra.audit.log import MESSAGES, record, verify_chain, write_checkpoint
from netra.audit.models import AuditEntry, AuditHead
from netra.cli import main

pytestmark = pytest.mark.django_db


def sql(statement, *params):
    with connection.cursor() as cursor:
        cursor.execute(statement.replace("?", "%s"), params)


@pytest.fixture
def log(alice, bob):
    entries, heads = [], {}
    for i in range(6):
        if i == 3:
            write_checkpoint()
        entries.append(
            record(alice, "case.transition", data={"i": i, "to": "study"}, region="35.09")
        )
        heads[i + 1] = AuditHead.objects.values("last_seq", "last_hash", "mac").get(pk=1)
    assert verify_chain() is None
    return {"entries": entries, "heads": heads, "bob": bob}


def edit_a_field(log):
    sql("UPDATE audit_auditentry SET data = ? WHERE id = ?", '{"i": 99}', log["entries"][2].pk)
    return "changed", log["entries"][2].pk


def edit_the_newest_entry(log):
    AuditEntry.objects.filter(pk=log["entries"][5].pk).update(action="case.deleted")
    return "changed", log["entries"][5].pk


def delete_in_the_middle(log):
    sql("DELETE FROM audit_auditentry WHERE id = ?", log["entries"][3].pk)
    return "missing", log["entries"][4].pk


def delete_the_tail(log):
    AuditEntry.objects.filter(pk__in=[e.pk for e in log["entries"][4:]]).delete()
    return "tail_cut", None


def delete_the_tail_and_replay_an_old_head(log):
    # The head row as it was after entry 2 is genuinely signed; only the checkpoint of entry 3,
    # outside the database, shows that the log once went further.
    AuditEntry.objects.filter(pk__in=[e.pk for e in log["entries"][2:]]).delete()
    AuditHead.objects.filter(pk=1).update(**log["heads"][2])
    return "behind_checkpoint", log["entries"][2].pk


def delete_all(log):
    sql("DELETE FROM audit_auditentry")
    sql("DELETE FROM audit_audithead")
    return "behind_checkpoint", log["entries"][2].pk


def delete_every_entry_but_keep_the_head(log):
    AuditEntry.objects.all().delete()
    return "all_deleted", None


def insert(log):
    # Make room after entry 3 and put a forged entry there, hashed the old, unkeyed way.
    after = log["entries"][2]
    for entry in reversed(log["entries"][3:]):
        sql("UPDATE audit_auditentry SET seq = seq + 1 WHERE id = ?", entry.pk)
    forged_hash = chain.unkeyed_digest(
        after.hash, after.at, "alice", "case.closed", "", "", "35.09", {}
    )
    sql(
        "INSERT INTO audit_auditentry (seq, at, actor_id, actor_label, action, target_type, "
        "target_id, region_code, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        after.seq + 1,
        after.at,
        after.actor_id,
        "alice",
        "case.closed",
        "",
        "",
        "35.09",
        "{}",
        after.hash,
        forged_hash,
    )
    forged = AuditEntry.objects.get(hash=forged_hash)
    return "changed", forged.pk


def insert_an_unkeyed_looking_entry(log):
    last = log["entries"][5]
    sql(
        "INSERT INTO audit_auditentry (seq, at, actor_id, actor_label, action, target_type, "
        "target_id, region_code, data, prev_hash, hash) VALUES "
        "(NULL, ?, NULL, ?, ?, '', '', '', '{}', ?, ?)",
        last.at,
        "system",
        "case.closed",
        chain.GENESIS,
        chain.unkeyed_digest(chain.GENESIS, last.at, "system", "case.closed", "", "", "", {}),
    )
    return "unsealed", AuditEntry.objects.get(action="case.closed").pk


def reorder(log):
    # Swap the ids of entries 4 and 5: listings ordered by id show them the other way round.
    first, second = log["entries"][3].pk, log["entries"][4].pk
    sql("UPDATE audit_auditentry SET id = ? WHERE id = ?", 10_000_000, first)
    sql("UPDATE audit_auditentry SET id = ? WHERE id = ?", first, second)
    sql("UPDATE audit_auditentry SET id = ? WHERE id = ?", second, 10_000_000)
    return "order", first


def reorder_the_sequence(log):
    three, four = log["entries"][2], log["entries"][3]
    sql("UPDATE audit_auditentry SET seq = ? WHERE id = ?", 10_000_000, three.pk)
    sql("UPDATE audit_auditentry SET seq = ? WHERE id = ?", three.seq, four.pk)
    sql("UPDATE audit_auditentry SET seq = ? WHERE id = ?", four.seq, three.pk)
    return "changed", four.pk


def change_the_actor(log):
    sql(
        "UPDATE audit_auditentry SET actor_id = ? WHERE id = ?", log["bob"].pk, log["entries"][1].pk
    )
    return "changed", log["entries"][1].pk


def edit_the_head(log):
    five = log["entries"][4]
    AuditHead.objects.filter(pk=1).update(last_seq=five.seq, last_hash=five.hash)
    return "head_altered", None


def delete_the_newest_entry_and_move_the_head_back(log):
    sql("DELETE FROM audit_auditentry WHERE id = ?", log["entries"][5].pk)
    five = log["entries"][4]
    sql("UPDATE audit_audithead SET last_seq = ?, last_hash = ?", five.seq, five.hash)
    return "head_altered", None


def delete_the_head(log):
    sql("DELETE FROM audit_audithead")
    return "head_missing", None


def rewrite_everything_with_unkeyed_hashes(log):
    """Recompute every hash as plain SHA-256 over the rows' content, as an attacker without the
    key would, and point the head at the new last hash."""
    prev = chain.GENESIS
    for entry in AuditEntry.objects.order_by("seq"):
        digest = chain.unkeyed_digest(
            prev,
            entry.at,
            entry.actor_label,
            entry.action,
            entry.target_type,
            entry.target_id,
            entry.region_code,
            entry.data,
        )
        sql(
            "UPDATE audit_auditentry SET prev_hash = ?, hash = ? WHERE id = ?",
            prev,
            digest,
            entry.pk,
        )
        prev = digest
    sql("UPDATE audit_audithead SET last_hash = ?", prev)
    return "changed", log["entries"][0].pk


def rewrite_everything_as_an_unkeyed_chain(log):
    """The same, dressed as the entries written before the chain was keyed, head removed."""
    sql("UPDATE audit_auditentry SET seq = NULL")
    prev = chain.GENESIS
    for entry in AuditEntry.objects.order_by("id"):
        digest = chain.unkeyed_digest(
            prev,
            entry.at,
            entry.actor_label,
            entry.action,
            entry.target_type,
            entry.target_id,
            entry.region_code,
            entry.data,
        )
        sql(
            "UPDATE audit_auditentry SET prev_hash = ?, hash = ? WHERE id = ?",
            prev,
            digest,
            entry.pk,
        )
        prev = digest
    sql("DELETE FROM audit_audithead")
    return "unsealed", log["entries"][0].pk


def forge_a_checkpoint(log):
    from django.conf import settings

    newest = sorted(settings.NETRA_AUDIT_CHECKPOINT_DIR.glob("*.json"))[-1]
    newest.write_text(newest.read_text().replace('"seq": 3', '"seq": 2'))
    return "checkpoint_forged", None


# The nine kinds of issue 11, then variants of them.
KINDS = [
    edit_a_field,
    delete_in_the_middle,
    delete_the_tail,
    delete_all,
    insert,
    reorder,
    change_the_actor,
    edit_the_head,
    rewrite_everything_with_unkeyed_hashes,
]
VARIANTS = [
    edit_the_newest_entry,
    delete_the_tail_and_replay_an_old_head,
    delete_every_entry_but_keep_the_head,
    insert_an_unkeyed_looking_entry,
    reorder_the_sequence,
    delete_the_newest_entry_and_move_the_head_back,
    delete_the_head,
    rewrite_everything_as_an_unkeyed_chain,
    forge_a_checkpoint,
]


@pytest.mark.parametrize("tamper", KINDS + VARIANTS, ids=lambda f: f.__name__)
def test_it_catches(tamper, log, monkeypatch, tmp_path, capsys):
    kind, entry_id = tamper(log)
    broken = verify_chain()
    assert broken is not None, f"{tamper.__name__} passed verification"
    assert (broken.kind, broken.entry_id) == (kind, entry_id)
    # `netra audit verify` says it in one line, Indonesian then English, and exits 1.
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path / "var"))
    assert main(["audit", "verify"]) == 1
    assert capsys.readouterr().err.splitlines() == [f"netra: {broken.message()}"]
    indonesian, english = broken.message().split(" / ")
    if entry_id is not None:
        assert f"#{entry_id}" in indonesian and f"#{entry_id}" in english


def test_each_kind_of_break_has_its_own_line():
    lines = [(indonesian, english) for indonesian, english in MESSAGES.values()]
    assert len(set(lines)) == len(lines)
