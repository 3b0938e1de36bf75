"""The training corpus and the frozen evaluation set are well formed and hold what the label
guideline asks of them (docs/monitoring/labels.md)."""

import pytest

from netra.monitoring.nlp.classify import LABELS
from netra.monitoring.nlp.corpus import (
    EVALUATION_FILE,
    FAMILIES,
    PLATFORMS,
    REGISTERS,
    TRAINING_FILE,
    counts,
    read_checked,
)


@pytest.fixture(scope="module")
def training():
    posts, problems = read_checked(TRAINING_FILE)
    assert [str(p) for p in problems] == []
    return counts(posts)


@pytest.fixture(scope="module")
def evaluation():
    posts, problems = read_checked(EVALUATION_FILE)
    assert [str(p) for p in problems] == []
    return counts(posts)


def test_the_training_corpus_holds_four_thousand_posts_balanced_across_the_labels(training):
    assert training["posts"] >= 4000
    # Within 5 points of a third each: the last two writers added 380 explicit partisan posts
    # to undo a measured skew (the common support words stood mostly in look-alikes), which
    # left partisan support at about 37%.
    for label in LABELS:
        assert abs(training["label"][label] / training["posts"] - 1 / 3) <= 0.05


def test_every_register_and_platform_is_written_in(training):
    assert {r: training["register"][r] for r in REGISTERS if training["register"][r] < 150} == {}
    assert {p: training["platform"][p] for p in PLATFORMS if training["platform"][p] < 300} == {}


def test_every_conduct_family_of_the_catalog_has_sixty_partisan_posts(training):
    assert {f: training["family"][f] for f in FAMILIES if training["family"][f] < 60} == {}


def test_the_hard_kinds_are_there_in_numbers(training):
    assert training["tag"]["hard_negative"] >= 400
    assert training["tag"]["sarcasm"] + training["tag"]["negation"] >= 200
    assert training["tag"]["coded"] >= 200


def test_the_evaluation_set_covers_every_label_register_platform_and_family(evaluation):
    assert evaluation["posts"] >= 600
    assert all(evaluation["label"][label] >= 180 for label in LABELS)
    assert all(evaluation["register"][r] >= 20 for r in REGISTERS)
    assert all(evaluation["platform"][p] >= 60 for p in PLATFORMS)
    assert all(evaluation["family"][f] >= 5 for f in FAMILIES)


def test_a_malformed_line_is_named_by_its_number(tmp_path):
    path = tmp_path / "posts.jsonl"
    path.write_text(
        '{"id": "a", "text": "x", "label": "unrelated", "register": "casual", "platform": "x"}\n'
        "not json\n"
        '{"id": "b", "text": "y", "label": "partisan_support", "register": "casual",'
        ' "platform": "x"}\n'
        '{"id": "a", "text": "z", "label": "unrelated", "register": "casual", "platform": "x"}\n'
    )
    posts, problems = read_checked(path)
    assert [p["id"] for p in posts] == ["a"]
    assert [problem.line for problem in problems] == [2, 3, 4]
    assert "family" in problems[1].message and "twice" in problems[2].message
