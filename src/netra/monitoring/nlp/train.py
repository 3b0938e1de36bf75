"""Training and evaluating the partisanship models (pure, reproducible).

train() fits model.Model on labelled posts: the same posts give the same model (LinearSVC and
the calibrating regression are deterministic). Cross-validation folds are decided by each
post's id, so they never move when posts are added; the frozen evaluation set is a file of
its own, never trained on.
"""

import json

import numpy as np

from netra.sanctions.rules import shipped_catalog

from . import encoder
from . import model as linear
from .classify import LABELS, RULES, analyse, classify_many
from .corpus import FAMILIES
from .folds import fold_of

_KINDS = shipped_catalog().kinds


def read_posts(path):
    with open(path, encoding="utf-8") as source:
        return [json.loads(line) for line in source if line.strip()]


def train(posts, version="", embeddings=None, second_stage=True):
    """A model of POSTS; with SECOND_STAGE, their EMBEDDINGS (computed when not given) train
    the encoder's stage too."""
    analyses = [analyse(post["text"]) for post in posts]
    if second_stage and embeddings is None:
        embeddings = encoder.embed([post["text"] for post in posts])
    return linear.train(
        posts, analyses, LABELS, RULES, FAMILIES, version, embeddings if second_stage else None
    )


def evaluate(model, posts):
    """The measures of scores() for MODEL on POSTS."""
    return _measured(posts, classify_many([post["text"] for post in posts], model))


def _measured(posts, results):
    report = scores(
        posts,
        [result.label for result in results],
        [_families_of(result.codes) for result in results],
        [result.probabilities[0] for result in results],
    )
    report["second_stage"] = sum(1 for result in results if result.second_stage)
    return report


def cross_validate(posts, folds=5, second_stage=True):
    """FOLDS-fold cross-validation: each fold (by id) is classified by a model trained on the
    others, and the measures are taken over all posts at once. Each post is embedded once."""
    embeddings = encoder.embed([post["text"] for post in posts]) if second_stage else None
    found = {}
    for fold in range(folds):
        inside = np.array([fold_of(post, folds) != fold for post in posts])
        training = [post for post, kept in zip(posts, inside, strict=True) if kept]
        tested = [post for post, kept in zip(posts, inside, strict=True) if not kept]
        model = train(
            training,
            embeddings=embeddings[inside] if second_stage else None,
            second_stage=second_stage,
        )
        results = classify_many([post["text"] for post in tested], model)
        found.update(zip((post["id"] for post in tested), results, strict=True))
    return _measured(posts, [found[post["id"]] for post in posts])


def _families_of(codes):
    """The conduct families a code stands for (a code such as DIS-04 may stand for two)."""
    if not codes:
        return frozenset()
    return frozenset(
        kind for kind, both in _KINDS.items() if codes[0] in (both["before"], both["after"])
    )


def scores(posts, predicted, predicted_families, partisan_probability=None):
    """Precision, recall, F1 and support per label; accuracy and macro-F1; the confusion
    matrix (actual -> predicted -> count); on partisan posts, how often the family was right;
    and, given P(partisan support) per post, the precision and recall at each threshold."""
    confusion = {actual: {label: 0 for label in LABELS} for actual in LABELS}
    family_right = family_total = 0
    for post, label, families in zip(posts, predicted, predicted_families, strict=True):
        confusion[post["label"]][label] += 1
        if post["label"] == "partisan_support" and post.get("family"):
            family_total += 1
            family_right += post["family"] in families
    report = {}
    for label in LABELS:
        tp = confusion[label][label]
        fp = sum(confusion[other][label] for other in LABELS if other != label)
        fn = sum(confusion[label][other] for other in LABELS if other != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        report[label] = {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "support": tp + fn,
        }
    right = sum(confusion[label][label] for label in LABELS)
    report["accuracy"] = round(right / len(posts), 3) if posts else 0.0
    report["macro_f1"] = round(sum(report[label]["f1"] for label in LABELS) / len(LABELS), 3)
    report["confusion"] = confusion
    report["family"] = {"right": family_right, "of": family_total}
    if partisan_probability is not None:
        actual = np.array([post["label"] == "partisan_support" for post in posts])
        probability = np.array(partisan_probability)
        report["curve"] = [
            {
                "threshold": threshold,
                "precision": round(precision, 3),
                "recall": round(recall, 3),
            }
            for threshold in linear.THRESHOLDS
            for precision, recall in [linear.precision_recall(probability >= threshold, actual)]
        ]
    return report
