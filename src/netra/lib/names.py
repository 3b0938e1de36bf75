"""Indonesian personal names: title stripping, search keys and fuzzy matching.

Rosters, sign-in sheets and video-meeting exports spell the same person as
"Drs. H. Moch. Soeharto, M.Si", "Muhammad Suharto" or "SUHARTO". Three keys help:

* ``strip_titles``: the name without academic degrees (gelar akademik) and
  honorifics (gelar kehormatan / keagamaan such as H., Hj., KH).
* ``name_key``: a normalised spelling for exact lookups and string similarity.
* ``phonetic_key``: a coarse per-token code that makes spelling variants
  (ejaan lama vs EYD, Javanese and Sundanese renderings) collide.

Nobility markers (Raden, R., R.A., Tb., Andi, Teuku, Cut, Gusti, Ida Bagus,
Anak Agung) are *kept*: they are part of the name on the identity card (KTP),
and "R." is just as often an initial.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

__all__ = [
    "name_key",
    "name_profile",
    "name_similarity",
    "phonetic_key",
    "profile_similarity",
    "strip_titles",
]

# Titles written in front of the name.
_PREFIX_TITLES = frozenset(
    "dr drs dra drg prof ir h hj kh tgk ust ustadz ustaz ustadzah hc alm almh apt ns".split()
)
# Prefix titles that are also plausible names or initials ("H Ahmad" may be
# Hendra Ahmad, "Dra" is a given name): stripped only when written with a dot.
_PREFIX_NEED_DOT = frozenset({"h", "dra"})

# Degrees (gelar akademik and profesi) written after the name, lowercase without dots.
_DEGREES = frozenset(
    """
    sag sak sap sab sars sds sfarm sfil sgz sh shi shum sip sipem sikom sked skeb skep skes skg
    skh skm skom skomi spd spdi spdsd spsi spt sp spi ss ssi ssos ssosi sst sstp ssy st sth sthi
    stp stat se sei shut skel ssn smat sstat
    ma mag mak map mars mb mba mds me mei meng mfarm mgz mh mhi mhum mip mkeb mkep mkes mkm mkn
    mkom mm mp mpd mpdi mpsi mpt msc msi msos mstat mt mth mtp mphil mbiomed macc mec
    amd ama amapd amk ap aks
    phd dsc ba bsc llb llm
    ns apt ak ca cpa gr lc alm almh hc
    """.split()
)
# Degree stems followed by a free speciality: Sp.A, Sp.PD(K), A.Md.Kep, S.Tr.Keb.
_DEGREE_STEMS = (("sp",), ("a", "md"), ("amd",), ("s", "tr"), ("m", "tr"), ("a", "ma"))
# Bare (dot-less) degrees that double as name tokens; stripped after a comma only.
_AMBIGUOUS_BARE = frozenset({"ma", "ba", "ama", "ap", "mei", "meng", "mak", "mars"})

_PREFIX = 1  # may be stripped at the start of the name
_SUFFIX = 2  # may be stripped at the end of the name, no comma before it
_AFTER_COMMA = 4  # may be stripped when it follows a comma


def _segments_into(parts: list[str], vocabulary: frozenset[str]) -> bool:
    """Can the dot-separated parts be grouped into words of the vocabulary?

    "S.Kep.Ns" is S.Kep + Ns and "Dr.Ir." is Dr + Ir, while "S.Pd.I" is one degree.
    """
    reachable = [True] + [False] * len(parts)
    for start in range(len(parts)):
        if reachable[start]:
            joined = ""
            for end in range(start, len(parts)):
                joined += parts[end]
                if joined in vocabulary:
                    reachable[end + 1] = True
    return reachable[-1]


@lru_cache(maxsize=1 << 16)
def _title_flags(token: str) -> int:
    dotted = "." in token or "(" in token
    parts = [p for p in re.split(r"[.()]+", token.lower()) if p]
    if not parts:
        return 0
    flags = 0
    if _segments_into(parts, _PREFIX_TITLES) and (dotted or parts[0] not in _PREFIX_NEED_DOT):
        flags |= _PREFIX | _AFTER_COMMA  # "Fauzi, Drs. H. Ahmad" in surname-first lists
    is_degree = _segments_into(parts, _DEGREES) or any(
        len(parts) > len(stem) and tuple(parts[: len(stem)]) == stem for stem in _DEGREE_STEMS
    )
    if is_degree:
        flags |= _AFTER_COMMA
        if dotted or parts[0] not in _AMBIGUOUS_BARE:
            flags |= _SUFFIX
    elif (dotted and len(parts) > 1) or (token[0] == "(" and token[-1] == ")"):
        # After a comma, a multi-part dotted token is some degree we do not list,
        # and a parenthesis a qualifier such as the consultant mark in "Sp.PD, (K)".
        flags |= _AFTER_COMMA
    return flags


def _peel_prefix(token: str) -> str | None:
    """Split a title glued to the name: "H.Ahmad" -> "Ahmad"; None if there is none."""
    dot = token.find(".")
    if 0 < dot < len(token) - 1 and token[:dot].lower() in _PREFIX_TITLES:
        return token[dot + 1 :]
    return None


def _title_free_tokens(name: str) -> list[str]:
    head, comma, tail = name.partition(",")
    tokens = head.split()
    flags = _title_flags
    while len(tokens) > 1 and flags(tokens[0]) & _PREFIX:
        del tokens[0]
    if tokens and "." in tokens[0]:
        peeled = _peel_prefix(tokens[0])
        while peeled:
            tokens[0] = peeled
            peeled = _peel_prefix(peeled)
    while len(tokens) > 1 and flags(tokens[-1]) & _SUFFIX:
        del tokens[-1]
    if comma:
        tokens += [t for t in tail.replace(",", " ").split() if not flags(t) & _AFTER_COMMA]
    return tokens


def strip_titles(name: str) -> str:
    """Remove degrees and honorifics: "Drs. H. Ahmad Fauzi, M.Si" -> "Ahmad Fauzi".

    Prefix titles are stripped from the front, degrees from the end and after any
    comma. Bare tokens that could be names ("Dra", "H", "MA") are stripped only
    where the position makes them unambiguous. At least one token is kept.
    """
    return " ".join(_title_free_tokens(name))


# Apostrophes join ("Ma'ruf" -> "maruf"); other punctuation separates.
_PUNCTUATION = str.maketrans(
    {
        **{c: None for c in "'`\u2018\u2019\u02bc\u00b4"},
        **{c: " " for c in '!"#$%&()*+,-./:;<=>?@[\\]^_{|}~\u2013\u2014'},
    }
)
_MUHAMMAD = frozenset({"m", "moh", "moch", "mochd", "mohd", "muh", "muhd", "mhd", "mch"})


@lru_cache(maxsize=1 << 17)
def _token_key(token: str) -> str:
    text = token.translate(_PUNCTUATION)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text


_NOT_PLAIN = re.compile(r"[^A-Za-z ]").search


# The last result, because phonetic_key is usually asked right after name_key
# for the same name; an lru_cache costs more on its (frequent) misses.
_last_key: tuple[str, tuple[str, ...]] = ("", ())


def _key_tokens(name: str) -> tuple[str, ...]:
    global _last_key
    last_name, last_tokens = _last_key
    if name == last_name:
        return last_tokens
    text = " ".join(_title_free_tokens(name))
    if _NOT_PLAIN(text):
        # Per-token caching: rosters reuse a few thousand name tokens millions
        # of times, and folding or translating whole strings is slow.
        text = " ".join(map(_token_key, text.split()))
    tokens = text.lower().split()
    if tokens:
        if tokens[0] in _MUHAMMAD:
            tokens[0] = "muhammad"
        if "abd" in tokens:
            tokens = ["abdul" if t == "abd" else t for t in tokens]
    result = tuple(tokens)
    _last_key = (name, result)
    return result


def name_key(name: str) -> str:
    """Normalised name: no titles, ASCII, lowercase, no punctuation.

    "Drs. Moch. Ma'ruf Abd. Rahman, M.Si" -> "muhammad maruf abdul rahman".
    """
    return " ".join(_key_tokens(name))


# Spelling rules, applied left to right in one pass (longest match first):
# old spelling (ejaan lama: oe, dj, tj, sj, ch), Arabic transliteration
# (kh, sy, dz, dh, th, q) and Sundanese/Javanese renderings (p for f, j for z).
_SPELLING = {
    "oe": "u",
    "tj": "c",
    "dj": "y",
    "sj": "s",
    "chr": "kr",
    "chl": "kl",
    "ch": "h",
    "kh": "h",
    "sh": "s",
    "sy": "s",
    "dz": "s",
    "dh": "d",
    "th": "t",
    "bh": "b",
    "gh": "g",
    "ph": "f",
    "ck": "k",
    "j": "y",
    "z": "s",
    "q": "k",
    "x": "ks",
    "v": "f",
    "p": "f",
}
_SPELLING_RE = re.compile("|".join(sorted(_SPELLING, key=len, reverse=True)))
_Y_AS_VOWEL_RE = re.compile(r"y(?![aeiou])")
_DOUBLED_RE = re.compile(r"(.)\1+")
_VOWELS = str.maketrans("", "", "aeiou")


@lru_cache(maxsize=1 << 17)
def _phonetic_token(token: str) -> str:
    # j and y are merged on purpose: in the old spelling j was today's y
    # (Jusuf = Yusuf, Wahjudi = Wahyudi) and dj today's j (Djoko = Joko), so a
    # record cannot tell which one is meant; the price is that Joko and Yoko collide.
    code = _SPELLING_RE.sub(lambda m: _SPELLING[m.group()], token)
    if len(code) > 1 and code.endswith("h"):
        code = code[:-1]  # Aminah = Amina
    code = _Y_AS_VOWEL_RE.sub("i", code)  # Rizky = Rizki, Hendry = Hendri
    code = _DOUBLED_RE.sub(r"\1", code)  # Ekko = Eko, Muhammad = Muhamad
    # The consonant skeleton absorbs vowel variants (Mohammad/Muhammad, Saiful/Saeful);
    # the first letter stays so that Umar and Amir differ.
    return code[0] + code[1:].translate(_VOWELS) if code else token[:1]


def phonetic_key(name: str) -> str:
    """Per-token phonetic codes of the name key: "Drs. Soeharto" -> "shrt"."""
    return " ".join(map(_phonetic_token, _key_tokens(name)))


#: Joins two codes into one search term; never part of a code, since x is spelt "ks".
PAIR_JOIN = "x"
PAIR_REACH = 2


def phonetic_pair(first: str, second: str) -> str:
    return f"{first}{PAIR_JOIN}{second}"


def phonetic_index(name: str) -> str:
    """The name's search terms, space-padded: each phonetic code, then each ordered pair of
    codes at most PAIR_REACH apart.

    A pair is one rare term where each code alone is common ("Siti" + "Aminah"), so a search
    index answers it quickly; the reach lets "Siti Aminah" find "Siti Nur Aminah".
    """
    codes = phonetic_key(name).split()
    pairs = [
        phonetic_pair(a, b) for i, a in enumerate(codes) for b in codes[i + 1 : i + 1 + PAIR_REACH]
    ]
    return f" {' '.join(codes + pairs)} "


def _token_similarity(a: str, b: str) -> float:
    # token_set_ratio rewards one name contained in the other (a middle name or
    # family name left out); token_sort_ratio keeps a full match above a partial one.
    return 0.7 * fuzz.token_set_ratio(a, b) + 0.3 * fuzz.token_sort_ratio(a, b)


def name_profile(name: str) -> tuple[str, str]:
    """(name key, phonetic key): what name_similarity compares, computed once per name."""
    key = name_key(name)
    return key, " ".join(map(_phonetic_token, key.split()))


def profile_similarity(a: tuple[str, str], b: tuple[str, str]) -> float:
    """name_similarity for two name_profile results."""
    (key_a, sound_a), (key_b, sound_b) = a, b
    if not key_a or not key_b:
        return 0.0
    if key_a == key_b:
        return 1.0
    spelled = _token_similarity(key_a, key_b)
    sounded = _token_similarity(sound_a, sound_b)
    return round(min(1.0, (0.6 * spelled + 0.4 * sounded) / 100), 4)


def name_similarity(a: str, b: str) -> float:
    """How likely two written names denote the same person, from 0 to 1.

    Blends string similarity of the name keys with agreement of the phonetic
    keys, so that "Drs. Soeharto" and "Suharto" score high. Meant for ranking
    candidates for a human to confirm, not for deciding identity (the NIP does).
    """
    return profile_similarity(name_profile(a), name_profile(b))
