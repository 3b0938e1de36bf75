"""The classifier's features are built from per-word caches for speed; the model was trained
on, and is described as, scikit-learn's hashing vectorizers: word 1-2-grams and char_wb
3-5-grams, L2-normalised per block. Both must give the same matrix, to the last bit."""

import numpy as np
import scipy.sparse as sparse
from sklearn.feature_extraction.text import HashingVectorizer

from netra.monitoring.nlp import features
from netra.monitoring.nlp.classify import RULES, analyse
from netra.monitoring.nlp.corpus import TRAINING_FILE
from netra.monitoring.nlp.train import read_posts

WORDS = HashingVectorizer(
    n_features=features.HASHED,
    analyzer="word",
    token_pattern=r"\S+",
    ngram_range=(1, 2),
    alternate_sign=False,
    norm="l2",
    lowercase=False,
)
CHARS = HashingVectorizer(
    n_features=features.HASHED,
    analyzer="char_wb",
    ngram_range=features.CHAR_SIZES,
    alternate_sign=False,
    norm="l2",
    lowercase=False,
)


def vectorizers_matrix(analyses):
    texts = [" ".join(analysis.words) for analysis in analyses]
    rules = features.matrix(analyses, RULES)[:, 2 * features.HASHED :]
    return sparse.hstack(
        [WORDS.transform(texts), CHARS.transform(texts), rules], format="csr", dtype=np.float32
    )


def test_it_gives_the_vectorizers_matrix_for_every_training_post():
    texts = [post["text"] for post in read_posts(TRAINING_FILE)]
    texts += ["", "a", "ok", "ab cd", "😀 #Paslon02", "x" * 300, "ASN  netral\tdan\nprofesional"]
    analyses = [analyse(text) for text in texts]
    fast = features.matrix(analyses, RULES)
    reference = vectorizers_matrix(analyses)
    assert fast.shape == reference.shape
    difference = abs(fast - reference)
    assert difference.nnz == 0 or difference.max() == 0
    assert (fast != 0).sum() == (reference != 0).sum()
