"""The features of a post for the partisanship models (pure): hashed word unigrams and bigrams
and character 3-5-grams of the normalised text, and the rules' findings (gazetteer and conduct
lexicon hits) as columns of their own.

Hashing keeps no vocabulary: the same text gives the same columns in every process, so a model
is its weights alone, and a new word in a post costs nothing to keep.
"""

from functools import lru_cache

import numpy as np
import scipy.sparse as sparse
from sklearn.utils import murmurhash3_32

HASHED = 1 << 18
# 3-5: with each writer's posts held out in turn, macro-F1 0.932 against 0.930 for 2-5 and
# 0.907 for words alone, and 40% faster to compute than 2-5.
CHAR_SIZES = (3, 5)


def rule_names(conduct_codes):
    """The rule columns, in a fixed order: the rules analyse() reports, and their pairs."""
    return (
        "support",
        "negated_support",
        "negation",
        "neutral_word",
        "candidate",
        "gesture",
        "slogan",
        "hashtag",
        "ballot",
        "names_a_side",
        "side_and_support",
        "side_but_negated",
        *(f"conduct:{code}" for code in conduct_codes),
    )


def rule_row(hits, names):
    present = set(hits)
    if "names_a_side" in present and "support" in present:
        present.add("side_and_support")
    if "names_a_side" in present and "negated_support" in present:
        present.add("side_but_negated")
    return [index for index, name in enumerate(names) if name in present]


def matrix(analyses, names, ngrams=None):
    """The feature matrix (CSR, float32) of ANALYSES (classify.Analysis, one per post): the
    same matrix as the hashing vectorizers give (test_the_fast_features_equal_the_vectorizers),
    built from per-word caches, since most words of a post were seen before and the
    vectorizers' pure-Python n-gram loops cost more than the whole model. NGRAMS: each post's
    word_ngrams(), when the caller has them already."""
    if ngrams is None:
        ngrams = [word_ngrams(analysis.words) for analysis in analyses]
    # One CSR of the three blocks side by side (words, characters from HASHED on, rules from
    # 2 * HASHED on), counted once and normalised block by block: cheaper than three
    # matrices stacked.
    columns, row_starts = [], [0]
    for analysis, hashed_words in zip(analyses, ngrams, strict=True):
        columns += hashed_words
        for word in analysis.words:
            columns += _char_columns(word)
        columns += [2 * HASHED + rule for rule in rule_row(analysis.hits, names)]
        row_starts.append(len(columns))
    counts = sparse.csr_matrix(
        (
            np.ones(len(columns), dtype=np.float64),
            np.asarray(columns, dtype=np.int32),
            np.asarray(row_starts, dtype=np.int64),
        ),
        shape=(len(analyses), 2 * HASHED + len(names)),
    )
    counts.sum_duplicates()
    # The L2 norm of each row's word block and character block, as HashingVectorizer(norm="l2")
    # gives them; the counts are whole numbers, so the sums of squares are exact in any order.
    blocks = np.minimum(counts.indices // HASHED, 2)
    cells = np.repeat(np.arange(len(analyses)), np.diff(counts.indptr)) * 3 + blocks
    norms = np.sqrt(np.bincount(cells, weights=counts.data**2, minlength=3 * len(analyses)))
    normalised = blocks < 2
    counts.data[normalised] /= norms[cells[normalised]]
    return counts.astype(np.float32)


@lru_cache(maxsize=1 << 17)
def _word_column(word):
    return _column(word)


@lru_cache(maxsize=1 << 17)
def _char_columns(word):
    """The columns of the hashed character 3-5-grams of one word, padded with a space on each
    side (the char_wb analyser's n-grams, short words counted once per the analyser's own
    rule), in the character block, which begins at HASHED."""
    padded = f" {word} "
    length = len(padded)
    grams = []
    for size in range(CHAR_SIZES[0], CHAR_SIZES[1] + 1):
        if length <= size:
            grams.append(padded)
            break
        grams += [padded[start : start + size] for start in range(length - size + 1)]
    return tuple(HASHED + _column(gram) for gram in grams)


def word_ngrams(words):
    """The hashed columns of the word unigrams of WORDS (normalised words, none holding a
    space), then of their bigrams: position i < len(WORDS) is word i, position len(WORDS) + i
    the pair of words i and i + 1 (which columns stand for which words, for the evidence)."""
    return [_word_column(word) for word in words] + [
        _column(f"{first} {second}") for first, second in zip(words, words[1:], strict=False)
    ]


def _column(ngram):
    # The hashing vectorizer's own rule: the absolute signed MurmurHash3 modulo the width.
    return abs(murmurhash3_32(ngram, seed=0)) % HASHED
