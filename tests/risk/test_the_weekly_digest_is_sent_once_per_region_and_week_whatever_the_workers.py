"""A digest's row is inserted before its first mail: a second worker in the same round, or a
re-run in the same week, sends nothing; a digest none of whose mails went out is tried again
by the next round, one that reached some officers is not sent to them again."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from netra.regions.models import Election, Region
from netra.risk import digest
from netra.risk.models import RiskDigest

from .digest_data import risk, with_address


@pytest.fixture
def offices(alice, bob, dewi):
    with_address(alice, bob, dewi)
    election = Election.objects.get(code="pilkada-2024")
    risk(election, "35.09", 61.5, {"ikp": 70})
    risk(election, "35", 40.0, {"ikp": 40})


def test_a_second_worker_in_the_same_round_sends_nothing_twice(offices):
    """Worker 2 runs its round while worker 1 is sending its first digest, both having read
    the same list of offices without a digest this week."""
    real_send = digest._send
    others_ran = []

    def send_then_let_another_worker_run(*args, **kwargs):
        if not others_ran:
            others_ran.append(None)
            others_ran[0] = digest.send_digests()
        return real_send(*args, **kwargs)

    with mock.patch.object(digest, "_send", send_then_let_another_worker_run):
        first = digest.send_digests()

    assert first + others_ran[0] == 2
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["alice@bawaslu.go.id", "bob@bawaslu.go.id", "dewi@bawaslu.go.id"]
    assert RiskDigest.objects.count() == 2


def test_a_re_run_in_the_same_week_sends_nothing_and_next_week_sends_again(offices):
    now = timezone.now()
    assert digest.send_digests(now) == 2
    assert digest.send_digests(now + timedelta(minutes=5)) == 0
    assert len(mail.outbox) == 3
    assert digest.send_digests(now + timedelta(days=7)) == 2
    assert len(mail.outbox) == 6


def test_only_the_first_claim_of_a_region_and_week_wins(offices):
    jember = Region.objects.get(code="35.09")
    now = timezone.now()
    week = digest.week_of(now)
    assert digest.claim(jember, week, now, "w1") is not None
    assert digest.claim(jember, week, now, "w2") is None
    assert digest.send_digests(now, regions=[jember]) == 0
    assert mail.outbox == []


def test_a_digest_that_reached_nobody_is_tried_again_next_round(offices):
    with mock.patch.object(
        digest.EmailMultiAlternatives, "send", side_effect=ConnectionError("smtp down")
    ):
        with pytest.raises(RuntimeError, match="35.09"):
            digest.send_digests()
    assert not RiskDigest.objects.exists()
    assert digest.send_digests() == 2
    assert len(mail.outbox) == 3


def test_a_digest_that_reached_some_officers_is_not_sent_to_them_again(offices):
    real = digest.EmailMultiAlternatives.send
    calls = []

    def fail_bob(message, *args, **kwargs):
        calls.append(message.to[0])
        if message.to[0] == "bob@bawaslu.go.id":
            raise ConnectionError("smtp down")
        return real(message, *args, **kwargs)

    with mock.patch.object(digest.EmailMultiAlternatives, "send", fail_bob):
        with pytest.raises(RuntimeError):
            digest.send_digests()
    jember = RiskDigest.objects.get(region__code="35.09")
    assert jember.recipients == 1 and "smtp down" in jember.error
    digest.send_digests()
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@bawaslu.go.id", "dewi@bawaslu.go.id"]
