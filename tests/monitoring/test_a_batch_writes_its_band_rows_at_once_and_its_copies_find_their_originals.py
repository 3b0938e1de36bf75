"""The band rows of a batch's originals are written in one INSERT at its end; until then its
copies find their originals in the batch itself, and a copy near both an earlier batch's text
and one of its own goes to the earlier, as the first original."""

from itertools import combinations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from netra.monitoring import actions
from netra.monitoring.inputs import Item
from netra.monitoring.models import Source, Text, TextBand
from netra.monitoring.nlp import duplicates

from .fake_reading import far_apart, read_with

EARLIER, MINE, APART = far_apart(3)
TWELVE = 0xFFF << 20  # twelve bits, in the third, fourth and fifth bands
FAR = EARLIER ^ TWELVE  # twelve bits from EARLIER: an original of its own
BETWEEN = EARLIER ^ (0x3F << 20)  # six bits from EARLIER, six from FAR


FINGERPRINTS = {
    "other earlier": EARLIER,
    "partisan mine": MINE,
    "other mine copied": MINE ^ 0b101,
    "related far": FAR,
    "other between": BETWEEN,
    "other apart": APART,
}
NEAR_PAIRS = [
    {"partisan mine", "other mine copied"},
    {"other earlier", "other between"},
    {"related far", "other between"},
]


def item(identifier, text):
    return Item(identifier, "", "", "", None, text)


def test_copies_find_originals_of_their_own_batch_and_the_earliest_wins(region, monkeypatch):
    for one, other in combinations(FINGERPRINTS, 2):
        near = duplicates.distance(FINGERPRINTS[one], FINGERPRINTS[other]) <= duplicates.NEAR
        assert near == ({one, other} in NEAR_PAIRS), (one, other)
    read_with(monkeypatch, FINGERPRINTS)
    source = Source.objects.create(name="Patroli", kind="api", region=region("35.09"))
    actions.ingest(source, [item("e", "other earlier")])
    batch = [
        item("m", "partisan mine"),
        item("f", "related far"),
        item("mc", "other mine copied"),
        item("b", "other between"),
        item("a", "other apart"),
    ]
    with CaptureQueriesContext(connection) as captured:
        counts = actions.ingest(source, batch)
    assert (counts["new"], counts["duplicates"], counts["flags"]) == (5, 2, 1)
    texts = {text.external_id: text for text in Text.objects.all()}
    assert texts["mc"].duplicate_of == texts["m"]
    assert texts["b"].duplicate_of == texts["e"]
    assert [texts[n].duplicate_of for n in ("e", "m", "f", "a")] == [None] * 4
    inserts = [
        q for q in captured.captured_queries if 'INSERT INTO "monitoring_textband"' in q["sql"]
    ]
    assert len(inserts) == 1
    assert sorted(TextBand.objects.values_list("text__external_id", flat=True).distinct()) == [
        "a",
        "e",
        "f",
        "m",
    ]
    assert TextBand.objects.count() == 4 * duplicates.BANDS
