"""The near-duplicate look-up reads its candidates a page at a time: a copy finds its original
behind more than two pages of texts sharing a band, past a closer text older than the window."""

import random
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from netra.monitoring import actions
from netra.monitoring.inputs import Item
from netra.monitoring.models import Source, Text
from netra.monitoring.nlp import duplicates

from .fake_reading import read_with

ORIGINAL = 0x0123456789ABCDEF
COPY = ORIGINAL ^ (0b1010001 << 16)  # three bits away, in the third band
STALE = ORIGINAL ^ (0b11 << 40)  # two bits from the original, five from the copy


def item(identifier, text):
    return Item(identifier, "", "", "", None, text)


def test_a_copy_finds_its_original_on_the_third_page_of_candidates(region, monkeypatch):
    # 120 earlier texts share the original's lowest band, and are far from all the others.
    chance = random.Random(11)
    decoys = [chance.getrandbits(56) << 8 | (ORIGINAL & 0xFF) for _ in range(120)]
    assert all(
        duplicates.distance(a, b) > duplicates.NEAR
        for i, a in enumerate(decoys)
        for b in [*decoys[i + 1 :], ORIGINAL, COPY, STALE]
    )
    table = {f"other decoy {n}": value for n, value in enumerate(decoys)}
    read_with(
        monkeypatch, {**table, "other stale": STALE, "partisan": ORIGINAL, "other copy": COPY}
    )
    monkeypatch.setattr(actions, "DUPLICATE_PAGE", 50)
    source = Source.objects.create(name="Patroli", kind="api", region=region("35.09"))
    actions.ingest(source, [item(f"d{n}", text) for n, text in enumerate(table)])
    actions.ingest(source, [item("s", "other stale")])
    Text.objects.filter(external_id="s").update(
        received_at=timezone.now() - actions.DUPLICATE_WINDOW - timedelta(hours=1)
    )
    actions.ingest(source, [item("o", "partisan")])
    with CaptureQueriesContext(connection) as captured:
        counts = actions.ingest(source, [item("c", "other copy")])
    assert counts["duplicates"] == 1
    assert Text.objects.get(external_id="o").duplicate_of is None
    assert Text.objects.get(external_id="c").duplicate_of == Text.objects.get(external_id="o")
    read = 'FROM "monitoring_text" WHERE "monitoring_text"."id" IN'
    pages = [query for query in captured.captured_queries if read in query["sql"]]
    assert len(pages) == 3  # 122 candidates: 50, 50, then 22 with the stale text and the original
