"""The partisanship models (pure): a linear model for the label, calibrated, and a second one
for the conduct family of partisan posts, over the features of features.py.

Both are linear support-vector machines (scikit-learn's LinearSVC): on the training corpus,
with each writer's posts held out in turn, they did better than logistic regression and
gradient descent at a fraction of the training time. Their scores are not probabilities, so a
small multinomial logistic regression maps the three label scores to calibrated
probabilities; it is fitted on scores the label model gave to posts it was not trained on
(each writer's posts scored by a model trained on the others). From the same held-out scores
the model keeps the precision and recall of each threshold on P(partisan support), so that a
queue threshold means a known precision.

The second stage is a logistic regression over the sentence embeddings of encoder.py. It is
asked only about the posts the fast path is least sure of (the least sure 1% of held-out
training posts set the band: ENCODER_SHARE), and its probabilities are averaged with the fast
path's: with each writer's posts held out in turn, at 3% that took macro-F1 on the corpus from
0.934 to 0.940, and the share right among those posts from 0.51 to 0.71.

A model is saved as plain arrays (NumPy's .npz, no pickle): loading it runs no code.
"""

from dataclasses import dataclass, field, replace

import numpy as np
import scipy.sparse as sparse
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

from . import features
from .folds import fold_of

LABEL_C = 1.0
FAMILY_C = 1.0
ENCODER_C = 10.0
# The share of posts, the least sure of the fast path, that the encoder is asked about, set by
# the time budget: the encoder reads 40-word posts at 7-10 a second on one core, so a whole
# pipeline of at least 300 posts/s leaves room for about 2% of them, and 40-word posts are
# less sure than the corpus's (1% of held-out training posts became 2% of stitched 40-word
# ones). With each writer held out in turn: macro-F1 0.934 without the stage, 0.940 at 3%,
# 0.944 at 5%.
ENCODER_SHARE = 0.01
THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(1, 20))


def _dense(product):
    return product.toarray() if sparse.issparse(product) else np.asarray(product)


def _softmax(values):
    shifted = values - values.max(axis=1, keepdims=True)
    exps = np.exp(shifted)
    return exps / exps.sum(axis=1, keepdims=True)


@dataclass
class Model:
    version: str
    labels: tuple
    rules: tuple  # the rule columns' names (features.rule_names)
    label_coef: sparse.csr_matrix  # labels x features
    label_intercept: np.ndarray
    calibration_coef: np.ndarray  # labels x labels: label scores -> logits
    calibration_intercept: np.ndarray
    families: tuple
    family_coef: sparse.csr_matrix  # families x features
    family_intercept: np.ndarray
    # rows of (threshold on P(partisan), precision, recall) on held-out training posts
    thresholds: np.ndarray
    # The second stage: a logistic regression over sentence embeddings, asked about the posts
    # whose highest fast-path probability is at most encoder_band (0: never asked).
    encoder_coef: np.ndarray = None  # labels x 384
    encoder_intercept: np.ndarray = None
    encoder_band: float = 0.0
    # The weights as dense features x classes arrays, made on first use: a sparse batch times
    # a dense array costs a tenth of sparse times sparse (about 6 MB for the labels, 31 MB for
    # the families, per process).
    _label_weights: np.ndarray = field(default=None, repr=False, compare=False)
    _family_weights: np.ndarray = field(default=None, repr=False, compare=False)

    def label_weights(self):
        if self._label_weights is None:
            self._label_weights = np.ascontiguousarray(self.label_coef.toarray().T)
        return self._label_weights

    def family_weights(self):
        if self._family_weights is None:
            self._family_weights = np.ascontiguousarray(self.family_coef.toarray().T)
        return self._family_weights

    def word_weights(self, label, columns):
        """The label model's weights of COLUMNS for LABEL (an index), to show as evidence."""
        return self.label_weights()[columns, label]

    def unsure(self, probabilities):
        """The rows the second stage is asked about."""
        if self.encoder_coef is None or not self.encoder_band:
            return np.zeros(len(probabilities), dtype=bool)
        return probabilities.max(axis=1) <= self.encoder_band

    def second_opinion(self, probabilities, embeddings):
        """The fast path's probabilities averaged with the encoder's, for the unsure rows."""
        encoded = _softmax(embeddings @ self.encoder_coef.T + self.encoder_intercept)
        return (probabilities + encoded) / 2

    def fast_only(self):
        """This model without its second stage (to measure what the stage adds)."""
        return replace(self, encoder_coef=None, encoder_intercept=None, encoder_band=0.0)

    def scores(self, matrix):
        return _dense(matrix @ self.label_weights()) + self.label_intercept

    def probabilities(self, matrix):
        return self.calibrate(self.scores(matrix))

    def calibrate(self, scores):
        return _softmax(scores @ self.calibration_coef.T + self.calibration_intercept)

    def family_of(self, matrix):
        """The most likely conduct family of each row."""
        values = _dense(matrix @ self.family_weights()) + self.family_intercept
        return [self.families[index] for index in values.argmax(axis=1)]

    def save(self, path):
        with open(path, "wb") as out:
            np.savez_compressed(
                out,
                version=np.array(self.version),
                labels=np.array(self.labels),
                rules=np.array(self.rules),
                families=np.array(self.families),
                label_intercept=self.label_intercept,
                calibration_coef=self.calibration_coef,
                calibration_intercept=self.calibration_intercept,
                family_intercept=self.family_intercept,
                thresholds=self.thresholds,
                **(
                    {
                        "encoder_coef": self.encoder_coef,
                        "encoder_intercept": self.encoder_intercept,
                        "encoder_band": np.array(self.encoder_band),
                    }
                    if self.encoder_coef is not None
                    else {}
                ),
                **_sparse_arrays("label", self.label_coef),
                **_sparse_arrays("family", self.family_coef),
            )

    @classmethod
    def load(cls, path):
        with np.load(path, allow_pickle=False) as data:
            return cls(
                version=str(data["version"]),
                labels=tuple(str(v) for v in data["labels"]),
                rules=tuple(str(v) for v in data["rules"]),
                families=tuple(str(v) for v in data["families"]),
                label_coef=_sparse_from("label", data),
                label_intercept=data["label_intercept"],
                calibration_coef=data["calibration_coef"],
                calibration_intercept=data["calibration_intercept"],
                family_coef=_sparse_from("family", data),
                family_intercept=data["family_intercept"],
                thresholds=data["thresholds"],
                encoder_coef=data["encoder_coef"] if "encoder_coef" in data else None,
                encoder_intercept=(
                    data["encoder_intercept"] if "encoder_intercept" in data else None
                ),
                encoder_band=float(data["encoder_band"]) if "encoder_band" in data else 0.0,
            )


def _sparse_arrays(prefix, matrix):
    # float16 weights: the model file is a quarter the size, and the scores move by less than
    # one part in a thousand.
    matrix = sparse.csr_matrix(matrix)
    return {
        f"{prefix}_data": matrix.data.astype(np.float16),
        f"{prefix}_indices": matrix.indices.astype(np.int32),
        f"{prefix}_indptr": matrix.indptr.astype(np.int32),
        f"{prefix}_shape": np.array(matrix.shape),
    }


def _sparse_from(prefix, data):
    return sparse.csr_matrix(
        (
            data[f"{prefix}_data"].astype(np.float32),
            data[f"{prefix}_indices"],
            data[f"{prefix}_indptr"],
        ),
        shape=tuple(data[f"{prefix}_shape"]),
    )


def _fit(matrix, targets, c):
    """(coefficients, intercepts) with one row per class, two classes included (LinearSVC
    gives one row for two)."""
    # A fixed seed: liblinear shuffles the rows, and the same corpus must give the same model.
    model = LinearSVC(C=c, random_state=0).fit(matrix, targets)
    coef, intercept = model.coef_.astype(np.float32), model.intercept_.astype(np.float32)
    if coef.shape[0] == 1:
        coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
    return sparse.csr_matrix(coef), intercept, model.classes_


def _fit_label(matrix, targets):
    coef, intercept, _ = _fit(matrix, targets, LABEL_C)
    return coef, intercept


def held_out_scores(matrix, targets, groups):
    """The label scores of each post from a model trained without its group."""
    scores = np.zeros((matrix.shape[0], len(set(targets))), dtype=np.float32)
    for group in sorted(set(groups)):
        inside = groups == group
        coef, intercept = _fit_label(matrix[~inside], targets[~inside])
        scores[inside] = _dense(matrix[inside] @ coef.T) + intercept
    return scores


def groups_of(posts):
    """Held-out groups: the writer of each post (its id's prefix, "W3-0001" -> "W3"), or, when
    there are fewer than three writers, five folds by id."""
    prefixes = [post["id"].split("-")[0] for post in posts]
    if len(set(prefixes)) >= 3:
        return np.array(prefixes)
    return np.array([str(fold_of(post)) for post in posts])


def train(posts, analyses, labels, rules, families, version="", embeddings=None):
    """A Model from POSTS (each with its label and, if partisan, family) and their ANALYSES;
    with EMBEDDINGS (one row per post), a second stage too."""
    matrix = features.matrix(analyses, rules)
    targets = np.array([labels.index(post["label"]) for post in posts])
    coef, intercept = _fit_label(matrix, targets)
    held = held_out_scores(matrix, targets, groups_of(posts))
    calibrator = LogisticRegression(C=1.0, max_iter=1000).fit(held, targets)
    partisan = labels.index("partisan_support")
    probability = _softmax(held @ calibrator.coef_.T + calibrator.intercept_)[:, partisan]
    thresholds = np.array(
        [(t, *precision_recall(probability >= t, targets == partisan)) for t in THRESHOLDS],
        dtype=np.float32,
    )
    with_family = [
        index
        for index, post in enumerate(posts)
        if post["label"] == "partisan_support" and post.get("family") in families
    ]
    encoder = {}
    if embeddings is not None:
        fast = _softmax(held @ calibrator.coef_.T + calibrator.intercept_).max(axis=1)
        regression = LogisticRegression(C=ENCODER_C, max_iter=2000).fit(embeddings, targets)
        encoder = {
            "encoder_coef": regression.coef_.astype(np.float32),
            "encoder_intercept": regression.intercept_.astype(np.float32),
            "encoder_band": float(np.quantile(fast, ENCODER_SHARE)),
        }
    family_coef, family_intercept, present = _fit(
        matrix[with_family], [families.index(posts[i]["family"]) for i in with_family], FAMILY_C
    )
    return Model(
        version=version,
        labels=tuple(labels),
        rules=tuple(rules),
        label_coef=coef,
        label_intercept=intercept,
        calibration_coef=calibrator.coef_.astype(np.float32),
        calibration_intercept=calibrator.intercept_.astype(np.float32),
        families=tuple(families[i] for i in present),
        family_coef=family_coef,
        family_intercept=family_intercept,
        thresholds=thresholds,
        **encoder,
    )


def precision_recall(chosen, actual):
    true_positive = int(np.sum(chosen & actual))
    precision = true_positive / int(chosen.sum()) if chosen.any() else 1.0
    recall = true_positive / int(actual.sum()) if actual.any() else 0.0
    return precision, recall
