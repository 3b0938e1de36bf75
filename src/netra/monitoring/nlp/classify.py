"""Partisanship of a social-media post (pure): transparent rules plus linear models.

Labels: partisan_support (taking a side), neutrality_related (neutrality, the election or
voting without taking sides, including warnings such as "ASN jangan ikut-ikutan dukung
paslon"), unrelated.

The rules read the election's gazetteer (candidates, ballot numbers, slogans, hashtags,
gesture phrases) and a conduct lexicon (liking or sharing, photos with gestures, gatherings,
props, declarations, state facilities). Negations before a support word ("jangan dukung",
"tidak boleh") are findings of their own. The findings join hashed word and character n-grams
as the features of two linear models (model.py, trained by train.py on the corpus written for
the purpose): one for the label, with calibrated scores, and one for the conduct family of a
partisan post, whose catalog code (ETIK before the candidate determination, DIS after) comes
from the violation catalog. The evidence spans are the rules' hits and the word n-grams that
weighed most for the chosen label.
"""

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, compress
from pathlib import Path

import numpy as np

from netra.sanctions.rules import shipped_catalog

from . import encoder, features
from .features import rule_names
from .model import Model
from .normalise import words_and_spans

DATA = Path(__file__).resolve().parents[1] / "data"
LABELS = ("partisan_support", "neutrality_related", "unrelated")
STRONGEST_NGRAMS = 3  # word n-grams shown as evidence

SUPPORT = {
    "dukung",
    "mendukung",
    "dukungan",
    "pilih",
    "pilihlah",
    "memilih",
    "coblos",
    "mencoblos",
    "menangkan",
    "memenangkan",
    "menang",
    "lanjutkan",
    "ayo",
    "mari",
    "siap",
    "jaya",
    "juara",
    "pasti",
    "bersama",
    "kawal",
    "all",
    "gas",
    "gaskan",
    "sukseskan",
    "solid",
    "pendukung",
    "relawan",
    "simpatisan",
    "timses",
}
NEGATION = {
    "jangan",
    "tidak",
    "dilarang",
    "larangan",
    "bukan",
    "stop",
    "tolak",
    "hindari",
    "haram",
    "tak",
    "melanggar",
    "pelanggaran",
    "sanksi",
    "netral",
    "netralitas",
}
NEUTRAL = {
    "netral",
    "netralitas",
    "bawaslu",
    "kpu",
    "pemilu",
    "pilkada",
    "pemilihan",
    "tps",
    "asn",
    "pns",
    "pengawasan",
    "pengawas",
    "kampanye",
    "debat",
    "suara",
    "pemungutan",
    "dpt",
    "logistik",
    "surat",
    "sosialisasi",
    "imbauan",
    "aturan",
    "sanksi",
    "pelanggaran",
    "lapor",
    "laporkan",
    "hoaks",
    "golput",
    "demokrasi",
    "calon",
    "pasangan",
    "paslon",
    "coblos",
    "mencoblos",
    "memilih",
    "pilih",
}
# conduct lexicon: the catalog's conduct kind -> words (normalised) that point to it
CONDUCT_WORDS = {
    "social_media_engagement": {
        "like",
        "likes",
        "suka",
        "share",
        "bagikan",
        "membagikan",
        "repost",
        "retweet",
        "follow",
        "ikuti",
        "gabung",
        "grup",
        "komen",
        "komentar",
        "subscribe",
        "sebarkan",
    },
    "partisan_photo": {"foto", "selfie", "pose", "gaya", "jari", "swafoto", "berfoto", "potret"},
    "partisan_activity": {
        "undangan",
        "mengundang",
        "kumpul",
        "berkumpul",
        "silaturahmi",
        "konsolidasi",
        "rapat",
        "pertemuan",
        "hadiri",
        "datang",
        "sembako",
        "amplop",
        "bagi-bagi",
    },
    "campaign_props": {
        "spanduk",
        "baliho",
        "banner",
        "kaos",
        "stiker",
        "poster",
        "atribut",
        "bendera",
    },
    "attend_declaration": {"deklarasi", "orasi", "panggung", "kampanye", "arak-arakan", "konvoi"},
    "use_of_state_facilities": {
        "mobil dinas",
        "fasilitas",
        "anggaran",
        "kendaraan dinas",
        "rumah dinas",
    },
}
_KINDS = shipped_catalog().kinds  # conduct family -> its codes before and after determination
# catalog code from the determination of candidates on -> words; the rules' features
# ("conduct:DIS-06") are named by it
CONDUCT = {_KINDS[kind]["after"]: words for kind, words in CONDUCT_WORDS.items()}


@dataclass
class Gazetteer:
    candidates: list
    ballot: list  # compiled regexes
    slogans: list
    hashtags: set
    gestures: list
    # first word -> [(phrase words, rule)], longest first: one pass over a post finds them all
    phrases: dict = field(default_factory=dict)
    # word -> (phrases starting with it, is a hashtag, is a support word, its lexicon rules)
    word_info: dict = field(default_factory=dict)
    # The election's own candidates, slogans and hashtags, as an administrator listed them.
    own: frozenset = frozenset()
    # per ballot pattern, its finder (_finder), or None
    finders: list = field(default_factory=list)

    @classmethod
    def from_data(cls, data):
        patterns = data.get("ballot_patterns", [])
        gazetteer = cls(
            candidates=data.get("candidates", []),
            ballot=[re.compile(rf"\b{p}\b") for p in patterns],
            slogans=data.get("slogans", []),
            hashtags={h.lower() for h in data.get("hashtags", [])},
            gestures=data.get("gestures", []),
            finders=[_finder(p) for p in patterns],
        )
        for rule, phrases in (
            ("gesture", gazetteer.gestures),
            ("candidate", gazetteer.candidates),
            ("slogan", gazetteer.slogans),
        ):
            for phrase in phrases:
                words = tuple(phrase.split())
                gazetteer.phrases.setdefault(words[0], []).append((words, rule))
        for words, rule in CONDUCT_PHRASES:
            gazetteer.phrases.setdefault(words[0], []).append((words, rule))
        for entries in gazetteer.phrases.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        # One lookup per word: most words of a post trigger nothing and cost only this.
        words = set(gazetteer.phrases) | gazetteer.hashtags | SUPPORT | set(_WORD_RULES)
        gazetteer.word_info = {
            w: (
                gazetteer.phrases.get(w),
                w in gazetteer.hashtags,
                w in SUPPORT,
                tuple(_WORD_RULES.get(w, ())),
            )
            for w in words
        }
        return gazetteer


def _finder(pattern):
    """PATTERN without the ballot regex's leading \\b: it matches wherever the regex does
    (and more), and, beginning as most patterns do with a literal ("nomor urut"), it is
    searched for at the speed of a substring, where the regex's leading \\b makes re try
    every position of the post."""
    try:
        return re.compile(rf"{pattern}\b")
    except re.error:
        return None


def _ballot_matches(pattern, finder, text):
    """pattern.finditer(TEXT) as a list, found by FINDER (_finder): each place it matches is
    tried with PATTERN itself, from the left, as finditer would."""
    if finder is None:
        return list(pattern.finditer(text))
    found, position = [], 0
    while (candidate := finder.search(text, position)) is not None:
        match = pattern.match(text, candidate.start())
        if match is None:
            position = candidate.start() + 1
        elif match.end() == match.start():
            return list(pattern.finditer(text))  # finditer's own rules for empty matches
        else:
            found.append(match)
            position = match.end()
    return found


@lru_cache(maxsize=1)
def _default_data():
    return json.loads((DATA / "gazetteer-default.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def default_gazetteer():
    return Gazetteer.from_data(_default_data())


def extended_gazetteer(extra):
    """The default gazetteer with an election's own lists (EXTRA) added to it."""
    if not extra:
        return default_gazetteer()
    data = dict(_default_data())
    for key, values in extra.items():
        if isinstance(values, list):
            data[key] = data.get(key, []) + values
    gazetteer = Gazetteer.from_data(data)
    gazetteer.own = frozenset(
        str(value).lower()
        for key in ("candidates", "slogans", "hashtags")
        for value in extra.get(key, [])
        if isinstance(extra.get(key), list)
    )
    return gazetteer


@dataclass
class Analysis:
    """What the rules found in a post, with spans into the original text."""

    words: list  # normalised words
    spans: list  # (start, end) in the text, per word
    hits: dict = field(default_factory=dict)  # feature -> [(start, end)]

    def hit(self, name, start, end):
        self.hits.setdefault(name, []).append((start, end))


CONDUCT_OF_WORD = {}
for _code, _words in CONDUCT.items():
    for _word in _words:
        CONDUCT_OF_WORD.setdefault(_word, []).append(f"conduct:{_code}")


# word -> the rules it triggers on its own (support is decided in context, below)
_WORD_RULES = {}
for _word in NEUTRAL:
    _WORD_RULES.setdefault(_word, []).append("neutral_word")
for _word in NEGATION:
    _WORD_RULES.setdefault(_word, []).append("negation")
for _code, _words in CONDUCT.items():
    for _word in _words:
        if " " not in _word:
            _WORD_RULES.setdefault(_word, []).append(f"conduct:{_code}")
# Two-word conduct phrases ("mobil dinas") join the gazetteer's phrase matching.
CONDUCT_PHRASES = [
    (tuple(w.split()), f"conduct:{code}")
    for code, words in CONDUCT.items()
    for w in words
    if " " in w
]


_BALLOT_WORDS = frozenset(("nomor", "paslon"))  # with a number, where a ballot pattern may be


def analyse(text, gazetteer=None):
    gazetteer = gazetteer or default_gazetteer()
    words, spans = words_and_spans(text)
    analysis = Analysis(words, spans)
    hits = analysis.hits
    negations = NEGATION
    side = False
    # Most words trigger nothing: they cost one lookup each, made at C speed, and the loop
    # visits only the words that do.
    infos = list(map(gazetteer.word_info.get, words))
    for index in compress(range(len(words)), infos):
        word = words[index]
        entries, is_hashtag, is_support, rules = infos[index]
        if entries:
            for phrase, rule in entries:
                if tuple(words[index : index + len(phrase)]) == phrase:
                    span = (spans[index][0], spans[index + len(phrase) - 1][1])
                    hits.setdefault(rule, []).append(span)
                    if gazetteer.own and " ".join(phrase) in gazetteer.own:
                        hits.setdefault("own_side", []).append(span)
                    side = side or not rule.startswith("conduct:")
                    break
        if is_hashtag:
            hits.setdefault("hashtag", []).append(spans[index])
            if word in gazetteer.own:
                hits.setdefault("own_side", []).append(spans[index])
            side = True
        if is_support:
            rule = (
                "support"
                if negations.isdisjoint(words[max(0, index - 4) : index])
                else "negated_support"
            )
            hits.setdefault(rule, []).append(spans[index])
        for rule in rules:
            hits.setdefault(rule, []).append(spans[index])
    if not _BALLOT_WORDS.isdisjoint(words) or any(map(str.isdigit, words)):
        joined = " ".join(words)
        finders = gazetteer.finders or [None] * len(gazetteer.ballot)
        for pattern, finder in zip(gazetteer.ballot, finders, strict=True):
            for match in _ballot_matches(pattern, finder, joined):
                first = joined[: match.start()].count(" ")
                last = first + match.group().count(" ")
                analysis.hit("ballot", spans[first][0], spans[min(last, len(spans) - 1)][1])
                side = True
    if side:
        analysis.hit("names_a_side", 0, 0)
    return analysis


MODEL_FILE = DATA / "partisanship-model.npz"
#: Where `netra monitor train` writes a model, under the data directory; when one is there it
#: is used instead of the shipped one (the installed package is never written to).
TRAINED_MODEL = Path("models") / MODEL_FILE.name


def trained_model_path():
    """Where a model trained on this installation lives (the data directory's default is the
    settings' own, ./var)."""
    return Path(os.environ.get("NETRA_DATA_DIR", "var")).resolve() / TRAINED_MODEL


def model_path():
    trained = trained_model_path()
    return trained if trained.is_file() else MODEL_FILE


@lru_cache(maxsize=4)
def _load(path):
    return Model.load(path)


def shipped_model():
    """The model in use: one trained into the data directory, else the one Netra ships."""
    return _load(model_path())


RULES = rule_names(list(CONDUCT))


@dataclass(frozen=True)
class Result:
    label: str
    score: float
    codes: tuple
    evidence: tuple  # ((start, end), ...) in the original text
    probabilities: tuple = ()  # per label, in LABELS order (not part of the printed result)
    second_stage: bool = False  # whether the encoder was asked

    def as_dict(self, post_id):
        return {
            "id": post_id,
            "label": self.label,
            "codes": list(self.codes),
            "score": round(self.score, 4),
            "evidence": [list(s) for s in self.evidence],
        }


EVIDENCE_RULES = (
    "gesture",
    "candidate",
    "slogan",
    "hashtag",
    "ballot",
    "support",
    "negated_support",
)


def classify(text, model=None, gazetteer=None, before_determination=False):
    """The label of TEXT with its score, likely codes and evidence spans."""
    return classify_many([text], model, gazetteer, before_determination)[0]


def classify_many(texts, model=None, gazetteer=None, before_determination=False):
    """classify() of each of TEXTS, in one pass of the models: a batch costs far less per post
    than one post at a time. BEFORE_DETERMINATION is one flag for all, or one per text."""
    model = model or shipped_model()
    analyses = [analyse(text, gazetteer) for text in texts]
    if not analyses:
        return []
    ngrams = [features.word_ngrams(analysis.words) for analysis in analyses]
    matrix = features.matrix(analyses, model.rules, ngrams)
    probabilities = model.probabilities(matrix)
    unsure = np.flatnonzero(model.unsure(probabilities))
    if len(unsure):
        embeddings = encoder.embed([texts[row] for row in unsure])
        probabilities[unsure] = model.second_opinion(probabilities[unsure], embeddings)
    best = probabilities.argmax(axis=1)
    for row, analysis in enumerate(analyses):
        if _calls_for_a_listed_side(analysis):
            best[row] = LABELS.index("partisan_support")
            probabilities[row, best[row]] = max(probabilities[row, best[row]], LISTED_SIDE_SCORE)
    asked = set(unsure.tolist())
    partisan_rows = [row for row, index in enumerate(best) if LABELS[index] == "partisan_support"]
    families = dict(zip(partisan_rows, model.family_of(matrix[partisan_rows]), strict=True))
    if isinstance(before_determination, bool):
        before_determination = [before_determination] * len(texts)
    # The weight of each word n-gram of each post for the post's label, in one gather for the
    # batch (the evidence's strongest n-grams are chosen by them).
    lengths = [len(grams) for grams in ngrams]
    weights = model.word_weights(
        np.repeat(best, lengths),
        np.fromiter(chain.from_iterable(ngrams), dtype=np.int64, count=sum(lengths)),
    )
    ends = np.cumsum(lengths).tolist()
    results = []
    # As Python floats once for the batch (the same values float() gives one by one).
    for row, (analysis, index, values) in enumerate(
        zip(analyses, best.tolist(), probabilities.tolist(), strict=True)
    ):
        label = LABELS[index]
        codes = ()
        if row in families:
            kind = _KINDS[families[row]]
            codes = (kind["before"] if before_determination[row] else kind["after"],)
        evidence = _evidence(
            analysis, weights[ends[row] - lengths[row] : ends[row]], label, families.get(row)
        )
        results.append(Result(label, values[index], codes, evidence, tuple(values), row in asked))
    return results


#: The least score of a post the listed-side rule labels: a fixed middle value, since the rule
#: has no measured precision of its own (the frozen set names no listed candidate).
LISTED_SIDE_SCORE = 0.5


def _calls_for_a_listed_side(analysis):
    """A rule beside the models: a post that names a candidate, slogan or hashtag the
    election's administrator listed, with a support word no negation precedes, takes a side.
    The list is what the administrator knows of this election and the models were trained
    without it (the corpus's candidates are fictional), so it decides here, not as a feature."""
    return "own_side" in analysis.hits and "support" in analysis.hits


def _evidence(analysis, weights, label, family):
    """The rules' hits for LABEL and the words that weighed most for it (WEIGHTS: the label
    model's weights for LABEL of the post's features.word_ngrams(), in their order)."""
    if label == "unrelated":
        return ()
    spans = []
    rules = (
        (*EVIDENCE_RULES, "own_side")
        if label == "partisan_support"
        else ("negated_support", "negation", "neutral_word")
    )
    for rule in rules:
        spans += [s for s in analysis.hits.get(rule, []) if s != (0, 0)]
    if family:
        code = _KINDS[family]["after"]
        spans += analysis.hits.get(f"conduct:{code}", [])
    if len(weights):
        count = len(analysis.words)
        strongest = np.argsort(-weights, kind="stable")[:STRONGEST_NGRAMS]
        for position in strongest:
            if weights[position] > 0:
                first = position if position < count else position - count
                last = position if position < count else first + 1
                spans.append((analysis.spans[first][0], analysis.spans[last][1]))
    return tuple(sorted(set(spans)))
