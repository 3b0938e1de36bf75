"""No leakage: no frozen evaluation post is close to a training post (character 5-gram
Jaccard similarity below 0.6), and neither file holds near-twins (0.8 or more)."""

import random

import pytest

from netra.monitoring.nlp.corpus import (
    EVALUATION_FILE,
    LEAK_THRESHOLD,
    TRAINING_FILE,
    leakage,
    read_checked,
)
from netra.monitoring.nlp.similarity import jaccard, shingles, similar_pairs


@pytest.fixture(scope="module")
def found():
    training, _ = read_checked(TRAINING_FILE)
    evaluation, _ = read_checked(EVALUATION_FILE)
    return leakage(training, evaluation)


def test_no_evaluation_post_is_close_to_any_training_post(found):
    assert found["evaluation_leaks"] == 0
    assert found["evaluation_highest"] < LEAK_THRESHOLD


def test_no_two_training_posts_are_near_twins(found):
    assert found["training_twins"] == []


def test_no_two_evaluation_posts_are_near_twins(found):
    assert found["evaluation_twins"] == []


def test_the_pair_search_finds_exactly_the_pairs_that_comparing_every_pair_finds():
    rng = random.Random(7)
    words = "ayo coblos nomor dua pak budi jangan lupa share grup kantor netral asn".split()
    texts = [" ".join(rng.choices(words, k=rng.randint(3, 9))) for _ in range(300)]
    for threshold in (0.5, 0.6, 0.8):
        every = {
            (i, j)
            for i in range(len(texts))
            for j in range(i + 1, len(texts))
            if jaccard(shingles(texts[i]), shingles(texts[j])) >= threshold
        }
        assert {(i, j) for i, j, _ in similar_pairs(texts, threshold)} == every
        across = {
            (i, j)
            for i in range(100)
            for j in range(100, 300)
            if jaccard(shingles(texts[i]), shingles(texts[j])) >= threshold
        }
        found = similar_pairs(texts[:100], threshold, against=texts[100:])
        assert {(i, j + 100) for i, j, _ in found} == across


def test_case_and_spacing_do_not_hide_a_copy():
    assert jaccard(shingles("Ayo  Coblos nomor 2"), shingles("ayo coblos\nNOMOR 2")) == 1.0
