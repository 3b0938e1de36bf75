"""Training and evaluating the partisanship model (pure, reproducible).

Multinomial logistic regression by stochastic gradient descent over the hashed features of
classify.features, with L2 regularisation, a fixed seed and a fixed number of epochs: the
same corpus gives the same model. The held-out split is decided by each post's id, so it
never moves when posts are added.
"""

import json
import random
from zlib import crc32

from .classify import LABELS, Model, analyse, feature_indices

EPOCHS = 8
LEARNING_RATE = 0.3
L2 = 1e-4
SEED = 2024


def read_posts(path):
    with open(path, encoding="utf-8") as source:
        return [json.loads(line) for line in source if line.strip()]


def held_out(post):
    """One post in five, by its id, is kept out of training."""
    return crc32(post["id"].encode()) % 5 == 0


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
    """Precision, recall, F1 and support per label, and accuracy."""
    from .classify import classify

    counts = {label: {"tp": 0, "fp": 0, "fn": 0, "support": 0} for label in LABELS}
    right = 0
    for post in posts:
        predicted = classify(post["text"], model).label
        actual = post["label"]
        counts[actual]["support"] += 1
        if predicted == actual:
            counts[actual]["tp"] += 1
            right += 1
        else:
            counts[predicted]["fp"] += 1
            counts[actual]["fn"] += 1
    report = {}
    for label, c in counts.items():
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        report[label] = {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "support": c["support"],
        }
    report["accuracy"] = round(right / len(posts), 3) if posts else 0.0
    return report
