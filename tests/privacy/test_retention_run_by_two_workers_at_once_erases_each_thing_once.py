"""Several workers may run retention at once (the job's claim keeps it to one per period, but a
worker that lost its claim mid-run, or `apply_retention` called beside it, must do no harm):
each thing is claimed by its Erasure row or by a conditional update, so it is erased and
counted once, and the audit counts add up to what was erased."""

import threading
from unittest import mock

import pytest
from django.db import connection

from netra import rounds
from netra.audit.models import AuditEntry
from netra.monitoring.models import Source, Text
from netra.privacy import actions
from netra.privacy.models import Erasure
from netra.reports.models import Submission

from .helpers import days_later, ended_case


def audited(kind):
    return sum(
        entry.data["count"]
        for entry in AuditEntry.objects.filter(action="privacy.retention", data__kind=kind)
    )


def test_two_workers_that_saw_the_same_expired_identities_erase_them_once(client, alice, settings):
    ended_case(client, alice)
    ended_case(client, alice)
    now = days_later(settings.NETRA_RETENTION.identity + 1)
    first_sees, second_sees = actions.expired_identities(now), actions.expired_identities(now)
    assert len(first_sees) == 2 and first_sees == second_sees
    won = [
        actions._erase_batch("identity", seen, actions._erase_identity, now)
        for seen in (first_sees, second_sees)
    ]
    assert won == [2, 0]
    assert Erasure.objects.filter(kind="identity").count() == 2
    assert not Submission.objects.exclude(identity_sealed="").exists()
    assert audited("identity") == 2


def test_a_worker_running_while_another_is_mid_batch_erases_nothing_twice(client, alice, settings):
    ended_case(client, alice)
    ended_case(client, alice)
    now = days_later(settings.NETRA_RETENTION.identity + 1)
    real, inner = actions._erase_identity, []

    def erase_then_let_another_worker_run(*args):
        if not inner:  # the other worker's run, once, after this one claimed its first
            inner.append(None)
            erased = real(*args)
            inner[0] = actions.erase_expired("identity", now)
            return erased
        return real(*args)

    with mock.patch.object(actions, "_erase_identity", erase_then_let_another_worker_run):
        outer = actions.erase_expired("identity", now)
    assert outer + inner[0] == 2
    assert Erasure.objects.filter(kind="identity").count() == 2
    assert audited("identity") == 2


def test_texts_blanked_by_one_worker_are_not_counted_by_the_next(region, settings):
    source = Source.objects.create(name="Impor", kind="file", region=region("35.09"))
    for n in range(3):
        Text.objects.create(source=source, external_id=f"p{n}", kind="post", text="Dukung!")
    now = days_later(settings.NETRA_RETENTION.texts + 1)
    assert [actions.blank_expired_texts(now), actions.blank_expired_texts(now)] == [3, 0]
    assert audited("texts") == 3


def test_the_round_runs_retention_in_one_worker_only(db):
    first, second = rounds.tick("worker-1"), rounds.tick("worker-2")
    assert "retention" in first and "retention" not in second
    assert AuditEntry.objects.filter(action="privacy.retention").count() == 0


@pytest.mark.django_db(transaction=True)
def test_three_threads_running_retention_at_once_erase_each_thing_once(
    client, alice, region, settings
):
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        "file:memorydb"
    ):
        pytest.skip("in-memory SQLite shares one connection's locks between threads")
    for _ in range(3):
        ended_case(client, alice)
    source = Source.objects.create(name="Impor", kind="file", region=region("35.09"))
    for n in range(5):
        Text.objects.create(source=source, external_id=f"p{n}", kind="post", text="Dukung!")
    now = days_later(max(settings.NETRA_RETENTION.identity, settings.NETRA_RETENTION.texts) + 1)
    start, totals, errors = threading.Barrier(3), [], []

    def worker():
        try:
            start.wait(5)
            done = actions.apply_retention(now)
            totals.append((done["identity"], done["texts"]))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sum(identity for identity, _ in totals) == 3
    assert sum(texts for _, texts in totals) == 5
    assert Erasure.objects.filter(kind="identity").count() == 3
    assert audited("identity") == 3 and audited("texts") == 5
