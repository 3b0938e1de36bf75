"""Near-duplicate texts (the same press release on ten sites, a post copied with a word
added): a 64-bit SimHash of word triples, compared by Hamming distance. Eight 8-bit bands find
candidates quickly: two texts within 7 bits of each other share at least one band exactly."""

from zlib import crc32

from .normalise import normalise

NEAR = 7  # bits: a word added or changed in a short post moves about 6


def simhash(text):
    words = normalise(text).split()
    shingles = [" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))]
    counts = [0] * 64
    for shingle in shingles:
        value = crc32(shingle.encode()) | (crc32(shingle.encode()[::-1]) << 32)
        for bit in range(64):
            counts[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if counts[bit] > 0)


BANDS = 8


def bands(value):
    return [(value >> (8 * i)) & 0xFF for i in range(BANDS)]


def distance(a, b):
    return bin(a ^ b).count("1")


def signed(value):
    """The 64-bit value as the signed integer a database column holds."""
    return value - (1 << 64) if value >= 1 << 63 else value


def unsigned(value):
    return value + (1 << 64) if value < 0 else value
