"""Partisanship of a social-media post (pure): transparent rules plus a linear model.

Labels: partisan_support (taking a side), neutrality_related (neutrality, the election or
voting without taking sides, including warnings such as "ASN jangan ikut-ikutan dukung
paslon"), unrelated.

The rules read the election's gazetteer (candidates, ballot numbers, slogans, hashtags,
gesture phrases) and a conduct lexicon that names the catalog code a post points to: liking
or sharing a candidate's post (DIS-06), a photo with a gesture (DIS-07), an invitation to a
gathering (DIS-08), props (DIS-01), attending a declaration (DIS-04), state facilities
(P5N-4). Negations before a support word ("jangan dukung", "tidak boleh") turn support into
talk about neutrality. The rules' findings are features of a multinomial logistic regression
over hashed words and word pairs, trained in the project (train.py); the evidence spans are
the rule hits and the words that weighed most for the chosen label.
"""

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from zlib import crc32

from netra.sanctions.rules import shipped_catalog

from .normalise import tokens

DATA = Path(__file__).resolve().parents[1] / "data"
LABELS = ("partisan_support", "neutrality_related", "unrelated")
DIMENSIONS = 1 << 18

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
_KINDS = shipped_catalog().kinds
# catalog code from the determination of candidates on -> words; the rules' features
# ("conduct:DIS-06") are named by it
CONDUCT = {_KINDS[kind]["after"]: words for kind, words in CONDUCT_WORDS.items()}
# that code -> the catalog's code for the same conduct before the determination
ETHICS_OF = {
    _KINDS[kind]["after"]: _KINDS[kind]["before"]
    for kind in CONDUCT_WORDS
    if _KINDS[kind]["before"] != _KINDS[kind]["after"]
}


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

    @classmethod
    def from_data(cls, data):
        gazetteer = cls(
            candidates=data.get("candidates", []),
            ballot=[re.compile(rf"\b{p}\b") for p in data.get("ballot_patterns", [])],
            slogans=data.get("slogans", []),
            hashtags={h.lower() for h in data.get("hashtags", [])},
            gestures=data.get("gestures", []),
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
    return Gazetteer.from_data(data)


def gazetteer_for(election_code):
    """(Gazetteer, candidate determination date) of an election; KeyError if unknown. An
    election's own gazetteer file (data/gazetteer-<code>.json) extends the default one."""
    from datetime import date

    elections = json.loads(
        (Path(__file__).resolve().parents[2] / "regions" / "data" / "elections.json").read_text(
            encoding="utf-8"
        )
    )["elections"]
    election = next((e for e in elections if e["code"] == election_code), None)
    if election is None:
        raise KeyError(election_code)
    own = DATA / f"gazetteer-{election_code}.json"
    extra = json.loads(own.read_text(encoding="utf-8")) if own.exists() else {}
    determined = election.get("candidate_determination_date")
    return extended_gazetteer(extra), date.fromisoformat(determined) if determined else None


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


def analyse(text, gazetteer=None):
    gazetteer = gazetteer or default_gazetteer()
    found = tokens(text)
    words = [w for w, _s, _e in found]
    spans = [(s, e) for _w, s, e in found]
    analysis = Analysis(words, spans)
    hits = analysis.hits
    info_of, negations = gazetteer.word_info.get, NEGATION
    side = False
    for index, word in enumerate(words):
        info = info_of(word)
        if info is None:
            continue
        entries, is_hashtag, is_support, rules = info
        if entries:
            for phrase, rule in entries:
                if tuple(words[index : index + len(phrase)]) == phrase:
                    hits.setdefault(rule, []).append(
                        (spans[index][0], spans[index + len(phrase) - 1][1])
                    )
                    side = side or not rule.startswith("conduct:")
                    break
        if is_hashtag:
            hits.setdefault("hashtag", []).append(spans[index])
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
    if any(w.isdigit() or w in ("nomor", "paslon") for w in words):
        joined = " ".join(words)
        for pattern in gazetteer.ballot:
            for match in pattern.finditer(joined):
                first = joined[: match.start()].count(" ")
                last = first + match.group().count(" ")
                analysis.hit("ballot", spans[first][0], spans[min(last, len(spans) - 1)][1])
                side = True
    if side:
        analysis.hit("names_a_side", 0, 0)
    return analysis


@lru_cache(maxsize=1 << 18)
def _index(name):
    return crc32(name.encode()) % DIMENSIONS


_WORD_INDEX = {}


def _word_index(word):
    index = _WORD_INDEX.get(word)
    if index is None:
        index = _index(f"w:{word}")
        if len(_WORD_INDEX) < 1 << 18:  # bounded: an endless stream of new words is not kept
            _WORD_INDEX[word] = index
    return index


def feature_indices(analysis):
    """Hashed feature indices of a post: its words and the rules' findings. (Word pairs were
    tried: they fit the training patterns better and the separately written set worse.)"""
    words = analysis.words
    word_index = _WORD_INDEX.get
    indices = [word_index(w) or _word_index(w) for w in words]
    hits = analysis.hits
    indices += [_index(f"r:{rule}") for rule in hits]
    if "names_a_side" in hits and "support" in hits:
        indices.append(_index("r:side_and_support"))
    if "names_a_side" in hits and "negated_support" in hits:
        indices.append(_index("r:side_but_negated"))
    return indices


@dataclass
class Model:
    """A multinomial logistic regression over hashed features: weights[label][index]."""

    weights: list  # per label: dict index -> weight
    bias: list
    version: str = ""
    table: dict = field(default_factory=dict, repr=False)  # index -> weight per label

    def freeze(self):
        """Index the weights by feature for fast scoring (after training or loading)."""
        self.table = {}
        for label, row in enumerate(self.weights):
            for index, weight in row.items():
                self.table.setdefault(index, [0.0] * len(self.weights))[label] = weight
        self.table = {index: tuple(row) for index, row in self.table.items()}
        return self

    def scores(self, feature_indices):
        logits = list(self.bias)
        if self.table:
            table = self.table
            first, second, third = logits  # three labels: unrolled, the hot loop of a post
            for index in feature_indices:
                row = table.get(index)
                if row is not None:
                    first += row[0]
                    second += row[1]
                    third += row[2]
            logits = [first, second, third]
        else:  # while training
            for label, row in enumerate(self.weights):
                logits[label] += sum(row.get(i, 0.0) for i in feature_indices)
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return [v / total for v in exps]

    def to_json(self):
        return {
            "version": self.version,
            "labels": list(LABELS),
            "bias": self.bias,
            "weights": [
                {str(k): round(v, 5) for k, v in w.items() if abs(v) > 1e-4} for w in self.weights
            ],
        }

    @classmethod
    def from_json(cls, data):
        return cls(
            weights=[{int(k): v for k, v in w.items()} for w in data["weights"]],
            bias=data["bias"],
            version=data.get("version", ""),
        ).freeze()


MODEL_FILE = DATA / "partisanship-model.json"


@lru_cache(maxsize=1)
def shipped_model():
    return Model.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Result:
    label: str
    score: float
    codes: tuple
    evidence: tuple  # ((start, end), ...) in the original text

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
    model = model or shipped_model()
    analysis = analyse(text, gazetteer)
    probabilities = model.scores(feature_indices(analysis))
    best = max(range(len(LABELS)), key=probabilities.__getitem__)
    label = LABELS[best]
    codes = []
    if label == "partisan_support":
        for code in CONDUCT:
            if f"conduct:{code}" in analysis.hits:
                codes.append(ETHICS_OF.get(code, code) if before_determination else code)
    evidence = []
    if label != "unrelated":
        rules = (
            EVIDENCE_RULES
            if label == "partisan_support"
            else ("negated_support", "negation", "neutral_word")
        )
        for rule in rules:
            evidence += [s for s in analysis.hits.get(rule, []) if s != (0, 0)]
        if label == "partisan_support":
            for code in codes:
                key = (
                    code
                    if code in CONDUCT
                    else next((d for d, e in ETHICS_OF.items() if e == code), code)
                )
                evidence += analysis.hits.get(f"conduct:{key}", [])
    return Result(label, probabilities[best], tuple(codes), tuple(sorted(set(evidence))))
