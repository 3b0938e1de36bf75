"""The sanction rule engine (pure): proven conduct in, the lawful proposal out.

Inputs are plain values: the catalog (a dict read from data/catalog.json or from an
administrator's version), the election's candidate-determination date, the subject's employment
and the conduct with its dates. No Django, no database: the same function serves the BKN form,
the API and `netra sanctions propose`.

Rules (docs/DOMAIN.md, "Violations and sanctions"):
- one conduct maps to an ethics code while the supported person is a prospective candidate
  (conduct dated before the determination of candidates) and to a discipline code from then on;
  which side the determination day itself falls on is data (rules.determination_day_is);
- several conducts are all listed; the most severe level governs the sanction forms;
- PPPK and CPNS follow the PNS procedure, with their own heaviest forms (employment.replace_forms);
- non-ASN staff, village heads and officials, TNI and Polri members leave the ASN track: the
  catalog's employment entry names their track, forms, decider and destination;
- a conduct marked criminal_referral (decisions favouring or harming a candidate) also goes to
  Gakkumdu.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

CATALOG_FILE = Path(__file__).resolve().parent / "data" / "catalog.json"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ProposalError(ValueError):
    """Input the engine cannot decide on; CODE names which (for messages), DETAIL says what."""

    def __init__(self, code, detail):
        super().__init__(detail)
        self.code, self.detail = code, detail


@dataclass(frozen=True)
class Conduct:
    kind: str
    date: date


@dataclass(frozen=True)
class Proposal:
    track: str  # ethics | discipline | contract | village | institution
    level: str | None  # moral | ringan | sedang | berat | ptdh; None outside the ASN tracks
    codes: tuple  # every conduct's code, in the order given, without repeats
    sanction_options: tuple
    legal_basis: tuple
    decided_by: str
    forward_to: str  # BKN | REGIONAL_HEAD | TNI | POLRI
    criminal_referral: bool
    governing_code: str
    notes: tuple = field(default=())  # uncertain points the officer should weigh

    def as_dict(self):
        return {
            "track": self.track,
            "level": self.level,
            "codes": list(self.codes),
            "sanction_options": list(self.sanction_options),
            "legal_basis": list(self.legal_basis),
            "decided_by": self.decided_by,
            "forward_to": self.forward_to,
            "criminal_referral": self.criminal_referral,
        }


class Catalog:
    """The catalog's data, indexed for the engine. Build once per version; reuse."""

    def __init__(self, data):
        self.data = data
        self.version = data["version"]
        self.codes = {c["code"]: c for c in data["codes"]}
        self.kinds = data["kinds"]
        self.severity = {level: rank for rank, level in enumerate(data["severity"])}
        self.forms = data["sanction_forms"]
        self.employment = data["employment"]
        self.after_on_determination_day = data["rules"]["determination_day_is"] == "after"
        self.criminal = data["criminal_referral"]

    @property
    def kind_names(self):
        """The conduct kinds, in the catalog's order."""
        return tuple(self.kinds)

    @property
    def employment_names(self):
        """The employments as the engine's callers spell them ("PNS", "NON_ASN", ...)."""
        return tuple(name.upper() for name in self.employment)

    def kind_labels(self, language="id", fallback=None):
        """Kind -> the catalog's label in LANGUAGE ("en..." for English, else Indonesian);
        a version saved before labels were data borrows FALLBACK's (a Catalog), else shows
        the kind's name."""
        key = "label_en" if (language or "id").startswith("en") else "label_id"
        borrowed = fallback.kind_labels(language) if fallback is not None else {}
        return {
            kind: rule.get(key) or borrowed.get(kind) or kind for kind, rule in self.kinds.items()
        }


@lru_cache(maxsize=1)
def shipped_catalog():
    return Catalog(json.loads(CATALOG_FILE.read_text(encoding="utf-8")))


# The shipped catalog's kinds and employments: what requests may name (data/catalog.json is
# the one place to add a conduct kind, with its labels in both languages).
KINDS = shipped_catalog().kind_names
EMPLOYMENT = shipped_catalog().employment_names


def _code_for(catalog, conduct, determination):
    rule = catalog.kinds.get(conduct.kind)
    if rule is None:
        raise ProposalError("unknown_kind", f"unknown conduct kind: {conduct.kind!r}")
    if determination is None:
        after = True  # no candidate stage known (e.g. an election without that date)
    elif conduct.date == determination:
        after = catalog.after_on_determination_day
    else:
        after = conduct.date > determination
    return rule["after" if after else "before"], rule


def propose(catalog, *, determination_date, employment, conduct):
    """The proposal for one subject. DETERMINATION_DATE: the election's candidate
    determination (penetapan pasangan calon); EMPLOYMENT: one of EMPLOYMENT; CONDUCT: a
    non-empty sequence of Conduct."""
    if employment not in catalog.employment_names:
        raise ProposalError("unknown_employment", f"unknown employment: {employment!r}")
    if not conduct:
        raise ProposalError("no_conduct", "at least one conduct is needed")
    codes, notes, legal_basis, criminal = [], [], [], False
    governing, governing_rank = None, -1
    for item in conduct:
        code, rule = _code_for(catalog, item, determination_date)
        entry = catalog.codes[code]
        if code not in codes:
            codes.append(code)
            legal_basis.extend(b for b in entry["legal_basis"] if b not in legal_basis)
        rank = catalog.severity[entry["level"]]
        if rank > governing_rank:
            governing, governing_rank = entry, rank
        criminal = criminal or bool(rule.get("criminal_referral"))
        if rule.get("uncertain") and rule["uncertain"] not in notes:
            notes.append(rule["uncertain"])
        if entry.get("uncertain") and entry["uncertain"]["note"] not in notes:
            notes.append(entry["uncertain"]["note"])
    subject = catalog.employment[employment.lower()]
    track = subject.get("track") or governing["track"]
    if "forms" in subject:  # outside the ASN tracks: the subject's own rules
        level, options = None, list(subject["forms"])
        legal_basis = list(subject["legal_basis"]) + [
            b for b in legal_basis if not b.startswith(("PP 94/2021", "PP 42/2004"))
        ]
    else:
        level = governing["level"]
        replace = subject.get("replace_forms", {})
        options = [replace.get(form, form) for form in catalog.forms[level]]
        legal_basis = legal_basis + [b for b in subject["legal_basis"] if b not in legal_basis]
    if criminal:
        legal_basis += [b for b in catalog.criminal["legal_basis"] if b not in legal_basis]
    return Proposal(
        track=track,
        level=level,
        codes=tuple(codes),
        sanction_options=tuple(options),
        legal_basis=tuple(legal_basis),
        decided_by=subject["decided_by"],
        forward_to=subject["forward_to"],
        criminal_referral=criminal,
        governing_code=governing["code"],
        notes=tuple(notes),
    )


def parse_request(payload, elections):
    """Check a `netra sanctions propose` request; ELECTIONS maps code -> determination date
    (or None). Returns the keyword arguments of propose() without the catalog."""
    if not isinstance(payload, dict):
        raise ProposalError("bad_input", "input must be one JSON object")
    election = payload.get("election")
    if election not in elections:
        raise ProposalError("unknown_election", f"unknown election: {election!r}")
    subject = payload.get("subject")
    employment = subject.get("employment") if isinstance(subject, dict) else None
    if employment not in EMPLOYMENT:
        raise ProposalError("unknown_employment", f"unknown employment: {employment!r}")
    conduct = parse_conduct(payload.get("conduct"))
    return {"determination_date": elections[election], "employment": employment, "conduct": conduct}


def parse_conduct(items):
    """[{"kind": K, "date": "YYYY-MM-DD"}, ...] -> Conducts, or ProposalError naming the item."""
    if not isinstance(items, list) or not items:
        raise ProposalError("no_conduct", "conduct must be a non-empty list")
    conduct = []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or item.get("kind") not in KINDS:
            kind = item.get("kind") if isinstance(item, dict) else item
            raise ProposalError("unknown_kind", f"conduct[{index}]: unknown kind {kind!r}")
        text = item.get("date")
        try:
            if not (isinstance(text, str) and ISO_DATE.fullmatch(text)):
                raise ValueError(text)
            when = date.fromisoformat(text)
        except ValueError:
            raise ProposalError(
                "bad_date", f"conduct[{index}]: date must be YYYY-MM-DD, got {text!r}"
            ) from None
        conduct.append(Conduct(item["kind"], when))
    return conduct
