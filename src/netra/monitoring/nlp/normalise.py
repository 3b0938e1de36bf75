"""Normalising social-media Indonesian: "Ayoooo dukung no 2 yg udh trbukti!!! 💪" becomes
"ayo dukung nomor 2 yang sudah terbukti".

Steps: lowercase; URLs and mentions become placeholders; emoji are dropped
(a few carry meaning and become words, e.g. ✌ -> "salam dua jari"); letters repeated three or
more times shrink to one ("ayooo" -> "ayo"); letter-digit spellings are read ("s4y4" -> "saya")
but numbers stay numbers ("pilkada2024"); a 2 for reduplication is written out ("orang2" ->
"orang-orang"); slang and abbreviations map to standard words from a small lexicon. Offsets
back to the original text are kept so that evidence spans can be shown on what the author
wrote.
"""

import re
import unicodedata
from itertools import compress

SLANG = {
    "yg": "yang",
    "yng": "yang",
    "dgn": "dengan",
    "dg": "dengan",
    "bgt": "banget",
    "gak": "tidak",
    "ga": "tidak",
    "gk": "tidak",
    "nggak": "tidak",
    "enggak": "tidak",
    "ngga": "tidak",
    "tdk": "tidak",
    "tak": "tidak",
    "ndak": "tidak",
    "ora": "tidak",
    "udh": "sudah",
    "udah": "sudah",
    "sdh": "sudah",
    "dah": "sudah",
    "blm": "belum",
    "utk": "untuk",
    "untk": "untuk",
    "buat": "untuk",
    "dr": "dari",
    "krn": "karena",
    "karna": "karena",
    "tp": "tapi",
    "tpi": "tapi",
    "aja": "saja",
    "aj": "saja",
    "sm": "sama",
    "sy": "saya",
    "aku": "saya",
    "gw": "saya",
    "gue": "saya",
    "ane": "saya",
    "kita2": "kita",
    "km": "kamu",
    "lo": "kamu",
    "lu": "kamu",
    "kmu": "kamu",
    "jgn": "jangan",
    "jg": "juga",
    "lg": "lagi",
    "trs": "terus",
    "bs": "bisa",
    "bsa": "bisa",
    "pd": "pada",
    "dlm": "dalam",
    "spy": "supaya",
    "biar": "supaya",
    "org": "orang",
    "orng": "orang",
    "kpd": "kepada",
    "sbg": "sebagai",
    "thn": "tahun",
    "th": "tahun",
    "tgl": "tanggal",
    "bln": "bulan",
    "no": "nomor",
    "nmr": "nomor",
    "nomer": "nomor",
    "paslon": "pasangan calon",
    "cabup": "calon bupati",
    "cawabup": "calon wakil bupati",
    "cagub": "calon gubernur",
    "cawagub": "calon wakil gubernur",
    "cawali": "calon wali kota",
    "capres": "calon presiden",
    "cawapres": "calon wakil presiden",
    "caleg": "calon legislatif",
    "timses": "tim sukses",
    "pilbup": "pemilihan bupati",
    "pilgub": "pemilihan gubernur",
    "pilwali": "pemilihan wali kota",
    "asn": "asn",
    "pns": "pns",
    "tps": "tps",
    "bro": "saudara",
    "sob": "sahabat",
    "mantap": "mantap",
    "mantul": "mantap",
    "josss": "jos",
    "kuy": "ayo",
    "yuk": "ayo",
    "yok": "ayo",
    "ayok": "ayo",
    "hrs": "harus",
    "msh": "masih",
    "skrg": "sekarang",
    "skrang": "sekarang",
    "bkn": "bukan",
    "emg": "memang",
    "emang": "memang",
    "cm": "cuma",
    "cuman": "cuma",
    "doang": "saja",
    "bnyk": "banyak",
    "byk": "banyak",
    "sgt": "sangat",
    "trbukti": "terbukti",
    "pilih2": "pilih",
    "milih": "memilih",
    "nyoblos": "mencoblos",
    "coblos": "coblos",
    "bpk": "bapak",
    "pak": "bapak",
    "bu": "ibu",
    "mas": "mas",
    "mbak": "mbak",
    "wkwk": "",
    "wkwkwk": "",
    "haha": "",
    "hehe": "",
    "btw": "omong-omong",
    "sampean": "kamu",
    "panjenengan": "anda",
    "monggo": "silakan",
    "mugi": "semoga",
    "sampun": "sudah",
    "dereng": "belum",
    "nggih": "ya",
    "iyo": "ya",
    "iya": "ya",
    "yoi": "ya",
}
# Emoji that say something in an election post; the rest carry no words.
EMOJI_WORDS = {
    "✌": "salam dua jari",
    "🤟": "salam tiga jari",
    "👍": "jempol",
    "☝": "salam satu jari",
    "🗳": "pemilu",
    "🇮🇩": "indonesia",
}
LEET = str.maketrans({"4": "a", "3": "e", "1": "i", "0": "o", "5": "s", "7": "t", "9": "g"})

# The emoji that carry words and are one character (a flag is two: it is never read).
_EMOJI_CLASS = "[" + "".join(re.escape(char) for char in EMOJI_WORDS if len(char) == 1) + "]"
# Tokens: URLs, mentions, hashtags, words, and those emoji. Other punctuation and emoji are
# dropped, so the pattern does not match them at all: a match thrown away costs as much as one
# kept. (A punctuation character matched on its own would consume only itself, so leaving it
# out moves no other token.)
TOKEN = re.compile(r"https?://\S+|www\.\S+|@\w+|#\w+|[\w'-]+|" + _EMOJI_CLASS, re.UNICODE)
_ELONGATED = re.compile(r"([a-z])\1{2,}")
_LEET_INSIDE = re.compile(r"[a-z][013457 9]|[013457 9][a-z]".replace(" ", ""))
_TRAILING_NUMBER = re.compile(r"\d{2,}$")  # "pilkada2024", "paslon02": a number, not leet
# Reduplication written with a 2: "orang2" -> "orang-orang", "ikut2an" -> "ikut-ikutan".
_PLURAL_2 = re.compile(r"^([a-z]{2,})2(an|nya|kan|i|lah)?$")


def _is_emoji(char):
    return unicodedata.category(char) in ("So", "Sk") or 0x1F000 <= ord(char) <= 0x1FAFF


def _word(token):
    """One token to its standard form, or "" to drop it."""
    lower = token.lower()
    if lower.startswith(("http://", "https://", "www.")):
        return "<url>"
    if lower.startswith("@"):
        return "<mention>"
    if lower.startswith("#"):
        return "#" + _word(lower[1:]).replace(" ", "")
    lower = _ELONGATED.sub(r"\1", lower)
    plural = _PLURAL_2.match(lower)
    if plural:
        base = SLANG.get(plural.group(1), plural.group(1))
        return f"{base}-{base}{plural.group(2) or ''}"
    if _LEET_INSIDE.search(lower) and not _TRAILING_NUMBER.search(lower) and not lower[0].isdigit():
        lower = lower.translate(LEET)
    return SLANG.get(lower, lower)


class _Standard(dict):
    """Raw token -> its standard form ("" to drop it), filled on first sight (a dict's own
    lookup: cheaper than lru_cache's wrapper), up to 2**17 tokens. A form that is not one word
    ("" or several) is also kept in _NOT_ONE_WORD, whether cached or not."""

    def __missing__(self, raw):
        if len(raw) == 1 and not raw.isalnum():
            # a lone apostrophe, hyphen or underscore is dropped; an emoji says its words
            word = EMOJI_WORDS.get(raw, "")
        else:
            word = _word(raw)
        if not word or " " in word:
            # few: the lexicon's and the emoji's phrases, their reduplications, and ""
            _NOT_ONE_WORD.add(word)
        if len(self) < 1 << 17:
            self[raw] = word
        return word


_STANDARD = _Standard()
_NOT_ONE_WORD = set()


def words_and_spans(text):
    """The normalised words of TEXT and the (start, end) in TEXT of each (tokens() as two
    lists, the way the classifier reads them)."""
    # One standard form per token, made at C speed (no Python code runs for a token seen
    # before), then the few forms that are not one word are split or dropped in place.
    matches = list(TOKEN.finditer(text))
    words = list(map(_STANDARD.__getitem__, map(re.Match.group, matches)))
    spans = list(map(re.Match.span, matches))
    if not _NOT_ONE_WORD.isdisjoint(words):
        for index in reversed(
            list(compress(range(len(words)), map(_NOT_ONE_WORD.__contains__, words)))
        ):
            parts = words[index].split()
            words[index : index + 1] = parts
            spans[index : index + 1] = [spans[index]] * len(parts)
    # An emoji that carries words is a token of its own, or inside a URL: never between
    # tokens, so no second pass over the text looks for one.
    return words, spans


def tokens(text):
    """[(word, start, end)] of TEXT, normalised, with offsets into TEXT; punctuation dropped."""
    words, spans = words_and_spans(text)
    return [(word, start, end) for word, (start, end) in zip(words, spans, strict=True)]


def normalise(text):
    """TEXT as normalised words joined by single spaces."""
    return " ".join(words_and_spans(text)[0])
