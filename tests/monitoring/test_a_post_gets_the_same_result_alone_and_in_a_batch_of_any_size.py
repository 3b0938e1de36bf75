"""The fast path reads a batch at once: its tokens from C-speed maps over the matches, its
feature counts by sorting the batch's (row, column) keys, the evidence's n-gram weights in one
gather; the ballot patterns are searched for from their literal beginning. None of that may
change a post's result: a post gets the same label, score, probabilities, codes and evidence
alone as in a batch of any size, its tokens are those a reading of one token at a time gives,
and the ballot patterns match where re's own finditer() finds them."""

import random
import re

import numpy as np
import scipy.sparse as sparse

from netra.monitoring.nlp import features
from netra.monitoring.nlp.classify import (
    RULES,
    _ballot_matches,
    _default_data,
    _finder,
    analyse,
    classify,
    classify_many,
    shipped_model,
)
from netra.monitoring.nlp.corpus import EVALUATION_FILE, TRAINING_FILE
from netra.monitoring.nlp.normalise import EMOJI_WORDS, _word, tokens
from netra.monitoring.nlp.train import read_posts

ODD = [
    "",
    "   ",
    "!!!",
    "a",
    "'",
    "- _ '",
    "✌",
    "✌️✌",
    "🇮🇩 🇮🇩",
    "😀 #Paslon02",
    "x" * 300,
    "ASN  netral\tdan\nprofesional",
    "Ayoooo dukung no 2 yg udh trbukti!!! 💪",
    "S4y4 g4k ikut2an ✌️ #Pilkada2024 wkwk",
    "paslon2 paslon timses, cawabup & cabup... haha",
    "cek @bawaslu_ri https://bawaslu.go.id/✌ www.x.id✌",
    "mobil dinas dipakai kampanye 👍 jangan dukung nomor 1",
]


# Every token, punctuation and every emoji included (tokens() does not match what it drops).
EVERY_TOKEN = re.compile(r"https?://\S+|www\.\S+|@\w+|#\w+|[\w'-]+|[^\w\s]")


def one_token_at_a_time(text):
    """tokens() as a loop over every token, one at a time."""
    found = []
    for match in EVERY_TOKEN.finditer(text):
        raw = match.group()
        word = EMOJI_WORDS.get(raw, "") if len(raw) == 1 and not raw.isalnum() else _word(raw)
        found += [(part, *match.span()) for part in word.split()]
    return found


def posts():
    training = [post["text"] for post in read_posts(TRAINING_FILE)]
    rng = random.Random(7)
    stitched = [" ".join(rng.sample(training, 4)) for _ in range(200)]
    evaluation = [post["text"] for post in read_posts(EVALUATION_FILE)]
    return evaluation + rng.sample(training, 300) + stitched + ODD


def test_tokens_are_those_of_a_reading_one_token_at_a_time():
    texts = [post["text"] for post in read_posts(TRAINING_FILE)] + ODD
    rng = random.Random(3)
    pieces = [
        *"ab 2z9'-_#@.,!?✌🤟👍☝🗳🇮🇩💪\ufe0f\tAé0",
        "https://",
        "www.",
        "paslon",
        "orang2",
        "wkwk",
    ]
    texts += ["".join(rng.choices(pieces, k=rng.randint(0, 20))) for _ in range(5000)]
    for text in texts:
        assert tokens(text) == one_token_at_a_time(text), text


def test_a_post_gets_the_same_result_alone_and_in_batches_of_any_size():
    texts = posts()
    model = shipped_model().fast_only()
    alone = [classify(text, model) for text in texts]
    for size in (256, 7):
        batched = []
        for start in range(0, len(texts), size):
            batched += classify_many(texts[start : start + size], model)
        assert batched == alone
    assert {result.label for result in alone} == {
        "partisan_support",
        "neutrality_related",
        "unrelated",
    }
    assert any(result.evidence for result in alone)


def test_the_feature_matrix_is_canonical_and_the_same_in_any_batch():
    """Sorted columns and no duplicates in each row: the order the label scores sum in."""
    analyses = [analyse(text) for text in posts()]
    whole = features.matrix(analyses, RULES)
    canonical = sparse.csr_matrix(
        (whole.data.copy(), whole.indices.copy(), whole.indptr.copy()), shape=whole.shape
    )
    canonical.sum_duplicates()  # sorts and merges, if there were anything to sort or merge
    for matrix in (canonical, sparse.vstack([features.matrix([a], RULES) for a in analyses])):
        assert np.array_equal(whole.indptr, matrix.indptr)
        assert np.array_equal(whole.indices, matrix.indices)
        assert np.array_equal(whole.data, matrix.data)


def test_the_ballot_patterns_match_where_finditer_finds_them():
    patterns = _default_data()["ballot_patterns"] + [
        r"no|nomor \d",  # an alternative the leading \b binds to alone
        r"\d?",  # empty matches
        r"(?<=coblos )\d",
        r"a\w*",
        r"(nomor) \1?",
    ]
    rng = random.Random(5)
    pieces = ["nomor", "urut", "no", "paslon", "coblos", "01", "2", "13", "a", "menang", "x2", "-"]
    texts = [" ".join(rng.choices(pieces, k=rng.randint(0, 12))) for _ in range(3000)]
    texts += ["", " ", "nomor 1nomor 2", "anomor 12 nomor 123 nomor 3"]
    for pattern in patterns:
        regex = re.compile(rf"\b{pattern}\b")
        for text in texts:
            expected = [(m.span(), m.groups()) for m in regex.finditer(text)]
            found = _ballot_matches(regex, _finder(pattern), text)
            assert [(m.span(), m.groups()) for m in found] == expected, (pattern, text)
