"""Matching attendees to the roster (pure): NIP exactly, then e-mail, then the name.

Names are matched within the event's target agencies, tolerant of titles, degrees and old or
regional spellings (lib/names). A name is matched only when one roster entry is clearly the
best; close calls become "uncertain" with their candidates for an officer to decide, and
nothing is guessed silently. A name found only outside the target agencies is at most
uncertain.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from netra.lib.names import name_profile, profile_similarity

MATCHED, UNCERTAIN, UNMATCHED = "matched", "uncertain", "unmatched"
SURE = 0.90  # at or above: the same person, if no other candidate comes close
MARGIN = 0.05  # how far ahead of the runner-up a sure match must be
POSSIBLE = 0.72  # at or above: worth an officer's look
SOUNDS_ALIKE = 0.95  # the score of names whose every token has the same phonetic code
MAX_CANDIDATES = 400
#: Tokens on more than this share of the roster are too common to narrow a search alone.
COMMON_SHARE = 0.02

# A Zoom display name is often a device or carries the original name in brackets.
_BRACKETS = re.compile(r"\(([^)]*)\)")
_DEVICE_WORDS = re.compile(
    r"\b(iphone|ipad|android|samsung|redmi|oppo|vivo|xiaomi|galaxy|"
    r"laptop|pc|hp|user|zoom|admin|operator|bapak|ibu|pak|bu)\b",
    re.I,
)


@dataclass(frozen=True)
class Person:
    """A roster entry, as the matcher needs it."""

    id: int
    nip: str
    name: str
    email: str = ""
    agency_id: int | None = None


@dataclass
class Match:
    status: str
    employee_id: int | None = None
    method: str = ""  # nip | email | name
    score: float = 0.0
    candidates: list = field(default_factory=list)  # [(employee id, score)], best first
    reason: str = ""  # why unmatched: nip_unknown | no_candidate


def name_variants(written):
    """The names a written attendee name may stand for: as written without brackets, the
    bracketed original name, and without device words ("iPhone Pak Budi" -> "Budi")."""
    inside = [m.strip() for m in _BRACKETS.findall(written) if m.strip()]
    outside = _BRACKETS.sub(" ", written).strip()
    variants = [outside] + inside
    variants += [_DEVICE_WORDS.sub(" ", v).strip() for v in variants]
    seen, result = set(), []
    for variant in variants:
        if variant and variant.lower() not in seen:
            seen.add(variant.lower())
            result.append(variant)
    return result


class Roster:
    """An index of roster entries for matching many attendees in a row."""

    def __init__(self, people):
        self.people = {p.id: p for p in people}
        self.by_nip = {p.nip: p.id for p in people if p.nip}
        self.by_email = {}
        for p in people:
            if p.email:
                self.by_email.setdefault(p.email.lower(), p.id)
        self.profiles = {}
        self.by_key = defaultdict(list)
        self.postings = defaultdict(list)
        for p in people:
            profile = name_profile(p.name)
            self.profiles[p.id] = profile
            self.by_key[profile[0]].append(p.id)
            for token in set(profile[1].split()):
                self.postings[token].append(p.id)
        self.common = max(50, int(COMMON_SHARE * len(people)))

    def _candidates(self, profile, allowed):
        tokens = sorted(set(profile[1].split()), key=lambda t: len(self.postings.get(t, ())))
        if not tokens:
            return []
        counts = defaultdict(int)
        rare = [t for t in tokens if len(self.postings.get(t, ())) <= self.common] or tokens[:1]
        for token in rare[:3]:
            for pid in self.postings.get(token, ()):
                if allowed is None or self.people[pid].agency_id in allowed:
                    counts[pid] += 1
        if not counts and allowed is not None:
            return []
        ranked = sorted(counts, key=counts.get, reverse=True)
        return ranked[:MAX_CANDIDATES]

    def _by_name(self, written, allowed):
        best = {}
        for variant in name_variants(written):
            profile = name_profile(variant)
            if not profile[0]:
                continue
            exact = [
                pid
                for pid in self.by_key.get(profile[0], ())
                if allowed is None or self.people[pid].agency_id in allowed
            ]
            for pid in exact:
                best[pid] = 1.0
            if exact:
                continue
            for pid in self._candidates(profile, allowed):
                theirs = self.profiles[pid]
                score = profile_similarity(profile, theirs)
                if profile[1] == theirs[1]:
                    # Every token sounds the same: an old or regional spelling of one name
                    # (Wahyudi Joyo = Wahjudi Djojo), whatever the letters say.
                    score = max(score, SOUNDS_ALIKE)
                if score > best.get(pid, 0):
                    best[pid] = score
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))

    def match(self, *, name="", nip="", email="", target_agencies=None):
        """Match one attendee. TARGET_AGENCIES: agency ids the event addressed, or None."""
        nip = re.sub(r"\D", "", nip or "")
        if nip:
            if nip in self.by_nip:
                return Match(MATCHED, self.by_nip[nip], "nip", 1.0)
            return Match(UNMATCHED, reason="nip_unknown")
        if email and email.lower() in self.by_email:
            return Match(MATCHED, self.by_email[email.lower()], "email", 1.0)
        allowed = set(target_agencies) if target_agencies else None
        ranked = self._by_name(name, allowed)
        outside = False
        if not ranked and allowed is not None:
            ranked, outside = self._by_name(name, None), True
        candidates = [(pid, score) for pid, score in ranked[:3] if score >= POSSIBLE]
        if not candidates:
            return Match(UNMATCHED, reason="no_candidate")
        top, top_score = candidates[0]
        runner_up = candidates[1][1] if len(candidates) > 1 else 0.0
        if top_score >= SURE and top_score - runner_up >= MARGIN and not outside:
            return Match(MATCHED, top, "name", top_score, candidates)
        return Match(UNCERTAIN, None, "name", top_score, candidates)
