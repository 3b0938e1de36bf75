"""A classifier and fingerprints chosen by the test, for tests about what ingestion stores
rather than about what the models read: a text's first word is its label, and each text has
the SimHash the test gave it."""

import random

from netra.monitoring import actions
from netra.monitoring.nlp import duplicates
from netra.monitoring.nlp.classify import Result

LABELS = {
    "partisan": "partisan_support",
    "related": "neutrality_related",
    "other": "unrelated",
}


def read_by_first_word(texts, gazetteer=None, before_determination=False):
    results = []
    for text in texts:
        label = LABELS[text.split()[0]]
        partisan = label == "partisan_support"
        results.append(
            Result(
                label=label,
                score=0.9 if partisan else 0.1,
                codes=("DIS-02",) if partisan else (),
                evidence=((0, 8),) if partisan else (),
            )
        )
    return results


def far_apart(count, seed=5):
    """COUNT 64-bit fingerprints more than NEAR bits from each other."""
    chance, values = random.Random(seed), []
    while len(values) < count:
        value = chance.getrandbits(64)
        if all(duplicates.distance(value, other) > duplicates.NEAR for other in values):
            values.append(value)
    return values


def apart(items):
    """Fingerprints for the texts of ITEMS, each more than NEAR bits from the others."""
    return dict(zip([item.text for item in items], far_apart(len(items)), strict=True))


def read_with(monkeypatch, fingerprints):
    """Ingestion reads texts with read_by_first_word, and a text of FINGERPRINTS (text ->
    value) gets its value as its SimHash."""
    real = duplicates.simhash
    monkeypatch.setattr(actions, "classify_many", read_by_first_word)
    monkeypatch.setattr(
        actions.duplicates, "simhash", lambda text: fingerprints.get(text) or real(text)
    )
