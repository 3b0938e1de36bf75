"""Near-duplicates are grouped per region through an indexed band table: a Jambi copy of a
Jember post is read and flagged in Jambi, and a flood of texts sharing a band hides nothing."""

import random
from datetime import timedelta

from django.utils import timezone

from netra.monitoring import actions
from netra.monitoring.inputs import Item
from netra.monitoring.models import Flag, Source, Text
from netra.monitoring.nlp import duplicates

PARTISAN = "Ayo coblos nomor urut 2 bersama Pak Bambang, salam dua jari! Share ke grup kantor"


def item(identifier, text):
    return Item(identifier, "", "", "", None, text)


def test_it_flags_in_jambi_a_post_identical_to_an_earlier_jember_one(region):
    jember = Source.objects.create(name="Patroli", kind="api", region=region("35.09"))
    jambi = Source.objects.create(name="Patroli", kind="api", region=region("15.71"))
    actions.ingest(jember, [item("1", PARTISAN)])
    counts = actions.ingest(jambi, [item("1", PARTISAN), item("2", PARTISAN + " ya")])
    assert (counts["duplicates"], counts["flags"]) == (1, 1)
    assert sorted(Flag.objects.values_list("region__code", flat=True)) == ["15.71", "35.09"]
    jambi_first = Text.objects.get(source=jambi, external_id="1")
    assert jambi_first.duplicate_of is None and jambi_first.label == "partisan_support"
    assert Text.objects.get(source=jambi, external_id="2").duplicate_of == jambi_first


def fingerprints(monkeypatch, table):
    real = duplicates.simhash
    monkeypatch.setattr(actions.duplicates, "simhash", lambda text: table.get(text) or real(text))


def test_it_finds_the_original_behind_more_than_500_texts_sharing_a_band(region, monkeypatch):
    original = 0x0123456789ABCDEF
    # 600 earlier texts share the original's lowest band, and are far from it and each other.
    chance = random.Random(11)
    decoys = {f"decoy {n}": chance.getrandbits(56) << 8 | (original & 0xFF) for n in range(600)}
    values = [*decoys.values(), original]
    assert all(
        duplicates.distance(a, b) > duplicates.NEAR
        for i, a in enumerate(values)
        for b in values[i + 1 :]
    )
    near = original ^ (0b1010001 << 16)  # three bits away, in the third band
    fingerprints(monkeypatch, {**decoys, "the original": original, "the copy": near})
    source = Source.objects.create(name="Patroli", kind="api", region=region("35.09"))
    actions.ingest(source, [item(f"d{n}", text) for n, text in enumerate(decoys)])
    actions.ingest(source, [item("o", "the original")])
    actions.ingest(source, [item("c", "the copy")])
    assert Text.objects.get(external_id="c").duplicate_of == Text.objects.get(external_id="o")


def test_it_groups_only_within_the_window_and_within_the_bit_distance(region, monkeypatch):
    original = 0x00FF00FF00FF00FF
    fingerprints(
        monkeypatch, {"old": original, "new": original ^ 1, "far": original ^ 0xFF0F}
    )  # 12 bits away, shares six bands
    source = Source.objects.create(name="Patroli", kind="api", region=region("35.09"))
    actions.ingest(source, [item("old", "old")])
    Text.objects.filter(external_id="old").update(
        received_at=timezone.now() - actions.DUPLICATE_WINDOW - timedelta(hours=1)
    )
    actions.ingest(source, [item("new", "new"), item("far", "far")])
    assert Text.objects.get(external_id="new").duplicate_of is None
    assert Text.objects.get(external_id="far").duplicate_of is None
