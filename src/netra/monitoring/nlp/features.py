"""The features of a post for the partisanship models (pure): hashed word unigrams and bigrams
and character 3-5-grams of the normalised text, and the rules' findings (gazetteer and conduct
lexicon hits) as columns of their own.

Hashing keeps no vocabulary: the same text gives the same columns in every process, so a model
is its weights alone, and a new word in a post costs nothing to keep.
"""

from itertools import chain

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
    rows = len(analyses)
    width = 2 * HASHED + len(names)
    # The three blocks side by side (words, characters from HASHED on, rules from 2 * HASHED
    # on), the batch's columns in one array; a post's character columns are its words' own,
    # kept as int32 bytes, joined at C speed.
    characters = [b"".join(map(_CHAR_COLUMNS.__getitem__, a.words)) for a in analyses]
    rules = [rule_row(analysis.hits, names) for analysis in analyses]
    lengths = np.array(
        [len(grams) for grams in ngrams]
        + [len(columns) >> 2 for columns in characters]
        + [len(found) for found in rules],
        dtype=np.int64,
    )
    columns = np.concatenate(
        [
            np.fromiter(
                chain.from_iterable(ngrams), dtype=np.int32, count=int(lengths[:rows].sum())
            ),
            np.frombuffer(b"".join(characters), dtype=np.int32),
            np.fromiter(
                chain.from_iterable(rules), dtype=np.int32, count=int(lengths[2 * rows :].sum())
            )
            + 2 * HASHED,
        ]
    )
    # Counted by sorting (row, column) keys once for the batch: the cells come out in the
    # order of a canonical CSR (rows, then columns ascending), the order its products sum in.
    kind = np.int32 if (rows + 1) * width < 1 << 31 else np.int64
    keys = np.repeat(np.tile(np.arange(rows, dtype=kind) * width, 3), lengths) + columns
    keys.sort()
    firsts = np.flatnonzero(np.diff(keys, prepend=-1))
    counts = np.diff(firsts, append=len(keys)).astype(np.float64)
    keys = keys[firsts]
    row_of, column = np.divmod(keys, kind(width))
    indptr = np.searchsorted(keys, np.arange(rows + 1, dtype=kind) * width)
    # The L2 norm of each row's word block and character block, as HashingVectorizer(norm="l2")
    # gives them; the counts are whole numbers, so the sums of squares are exact in any order.
    blocks = np.minimum(column // HASHED, 2)
    cells = row_of * 3 + blocks
    norms = np.sqrt(np.bincount(cells, weights=counts**2, minlength=3 * rows))
    normalised = blocks < 2
    counts[normalised] /= norms[cells[normalised]]
    return sparse.csr_matrix(
        (counts.astype(np.float32), column.astype(np.int32), indptr), shape=(rows, width)
    )


class _Columns(dict):
    """Word -> the hashed column of the word, filled on first sight, up to 2**17 words (a
    dict's own lookup: cheaper than hashing the word again, or than lru_cache's wrapper)."""

    def __missing__(self, word):
        column = _column(word)
        if len(self) < 1 << 17:
            self[word] = column
        return column


class _PairColumns(dict):
    """(word, next word) -> the hashed column of the bigram, as _Columns, up to 2**18 pairs:
    the key is the pair as zip() makes it, whose hash is made of the words' own, so no bigram
    string is made for a pair seen before."""

    def __missing__(self, pair):
        column = _column(" ".join(pair))
        if len(self) < 1 << 18:
            self[pair] = column
        return column


class _CharColumns(dict):
    """Word -> the columns of its character n-grams (_char_columns) as int32 bytes, filled on
    first sight, up to 2**17 words."""

    def __missing__(self, word):
        columns = np.array(_char_columns(word), dtype=np.int32).tobytes()
        if len(self) < 1 << 17:
            self[word] = columns
        return columns


_COLUMNS = _Columns()
_PAIR_COLUMNS = _PairColumns()
_CHAR_COLUMNS = _CharColumns()


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
    return [
        *map(_COLUMNS.__getitem__, words),
        *map(_PAIR_COLUMNS.__getitem__, zip(words, words[1:], strict=False)),
    ]


def _column(ngram):
    # The hashing vectorizer's own rule: the absolute signed MurmurHash3 modulo the width.
    return abs(murmurhash3_32(ngram, seed=0)) % HASHED
