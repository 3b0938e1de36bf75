"""Each regency, city and province office with officers gets its own digest, sent to those
officers only (not the national roles, not another office, not other roles of the region); a
region without officers gets nothing, and neither does one with no data at all."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from netra.regions.models import Election
from netra.risk import digest
from netra.risk.models import RiskDigest

from .digest_data import risk, with_address


def test_each_office_writes_to_its_own_officers(
    alice, bob, charlie, dewi, fajar, gita, admin, make_user
):
    jambi_province = make_user("joko", "bawaslu_province", ["15"])
    with_address(alice, bob, charlie, dewi, fajar, gita, admin, jambi_province)
    election = Election.objects.get(code="pilkada-2024")
    risk(election, "35.09", 61.5, {"ikp": 70, "reports": 53})
    risk(election, "35", 40.0, {"ikp": 40})
    risk(election, "35.10", 33.0, {"ikp": 33})  # Banyuwangi: no officer in Netra

    assert digest.send_digests() == 2

    sent = {message.to[0]: message for message in mail.outbox}
    assert sorted(sent) == ["alice@bawaslu.go.id", "bob@bawaslu.go.id", "dewi@bawaslu.go.id"]
    assert "Kabupaten Jember" in sent["alice@bawaslu.go.id"].subject
    assert "Jawa Timur" in sent["dewi@bawaslu.go.id"].subject
    rows = {row.region.code: row.recipients for row in RiskDigest.objects.all()}
    # Kota Jambi and the province of Jambi have officers but nothing recorded: no digest.
    assert rows == {"35.09": 2, "35": 1}


def test_an_officer_without_an_address_or_no_longer_active_gets_nothing(alice, bob):
    with_address(alice, bob)
    bob.is_active = False
    bob.save()
    alice.email = ""
    alice.save()
    risk(Election.objects.get(code="pilkada-2024"), "35.09", 61.5, {"ikp": 70})
    assert digest.send_digests() == 0
    assert mail.outbox == []
    assert not RiskDigest.objects.exists()


def test_the_week_starts_on_monday_morning():
    zone = timezone.get_current_timezone()
    monday_early = timezone.datetime(2026, 12, 7, 6, 30, tzinfo=zone)
    assert digest.week_of(monday_early).isoformat() == "2026-11-30"
    assert digest.week_of(monday_early + timedelta(hours=1)).isoformat() == "2026-12-07"
    assert digest.week_of(monday_early + timedelta(days=6)).isoformat() == "2026-12-07"
