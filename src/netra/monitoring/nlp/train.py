"""Training and evaluating the partisanship model (pure, reproducible).

Multinomial logistic regression by stochastic gradient descent over the hashed features of
classify.features, with L2 regularisation, a fixed seed and a fixed number of epochs: the
same corpus gives the same model. Cross-validation folds are decided by each post's id, so
they never move when posts are added; the frozen evaluation set is a file of its own, never
trained on.
"""

import json
import random

from netra.sanctions.rules import shipped_catalog

from .classify import LABELS, Model, analyse, classify, feature_indices
from .corpus import fold_of

_KINDS = shipped_catalog().kinds
EPOCHS = 8
LEARNING_RATE = 0.3
L2 = 1e-4
SEED = 2024


def read_posts(path):
    with open(path, encoding="utf-8") as source:
        return [json.loads(line) for line in source if line.strip()]


def train(posts, version=""):
    rng = random.Random(SEED)
    examples = [(feature_indices(analyse(p["text"])), LABELS.index(p["label"])) for p in posts]
    weights = [dict() for _ in LABELS]
    bias = [0.0] * len(LABELS)
    for epoch in range(EPOCHS):
        rng.shuffle(examples)
        rate = LEARNING_RATE / (1 + epoch)
        for indices, target in examples:
            model = Model(weights, bias)
            probabilities = model.scores(indices)
            for label in range(len(LABELS)):
                gradient = probabilities[label] - (1.0 if label == target else 0.0)
                if abs(gradient) < 1e-6:
                    continue
                row = weights[label]
                for index in indices:
                    value = row.get(index, 0.0)
                    row[index] = value - rate * (gradient + L2 * value)
                bias[label] -= rate * gradient
    return Model(weights, bias, version).freeze()


def evaluate(model, posts):
    """The measures of scores() for MODEL on POSTS, labelled by the shipped classifier."""
    results = [classify(post["text"], model) for post in posts]
    return scores(posts, [r.label for r in results], [_families_of(r.codes) for r in results])


def cross_validate(posts, folds=5):
    """FOLDS-fold cross-validation: each fold (by id) is classified by a model trained on the
    others, and the measures are taken over all posts at once."""
    labels, families = {}, {}
    for fold in range(folds):
        training = [post for post in posts if fold_of(post, folds) != fold]
        model = train(training)
        for post in posts:
            if fold_of(post, folds) == fold:
                result = classify(post["text"], model)
                labels[post["id"]] = result.label
                families[post["id"]] = _families_of(result.codes)
    return scores(posts, [labels[p["id"]] for p in posts], [families[p["id"]] for p in posts])


def _families_of(codes):
    """The conduct families a classifier's first code stands for (a code such as DIS-04 may
    stand for two), or none."""
    if not codes:
        return frozenset()
    return frozenset(
        kind
        for kind, codes_of_kind in _KINDS.items()
        if codes[0] in (codes_of_kind["before"], codes_of_kind["after"])
    )


def scores(posts, predicted, predicted_families):
    """Precision, recall, F1 and support per label; accuracy and macro-F1; the confusion
    matrix (actual -> predicted -> count); and, on partisan posts, how often the family was
    right."""
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
    return report
