"""Employee search within a user's reach: NIP exactly, names fuzzily.

Names are matched on phonetic codes (so "Soeharto" finds "Suharto" and "Mochammad" finds
"Muhammad"), then ranked by string similarity. PostgreSQL answers the phonetic match from a GIN
full-text index; SQLite, sized for one regional office, scans the padded code column.
"""

import re

from django.db import connection

from netra.accounts.access import is_national, restrict
from netra.lib.names import name_similarity, phonetic_key, phonetic_pair
from netra.lib.nip import normalize_nip

from .models import Employee, NameCode

CANDIDATES = 300
SINGLE_CODE_CANDIDATES = 60
MIN_RESULTS = 20
# A single code shorter than this is not expanded as a prefix: "b" would match half the roster.
MIN_PREFIX = 2
_UNSAFE = re.compile(r"[^a-z0-9]")
MAX_EXPANSIONS = 12
SMALL_ROSTER = 20_000


def _looks_like_nip(query):
    digits = normalize_nip(query)
    return digits.isdigit() and len(digits) >= 8, digits


def _tsquery_match(queryset, tsquery):
    return queryset.extra(
        where=["to_tsvector('simple', people_employee.name_phonetic) @@ to_tsquery('simple', %s)"],
        params=[tsquery],
    )


def _last_code_alternatives(code):
    """The last code as typed so far: the full codes it begins, from the vocabulary.

    A short list of exact codes is far cheaper for the GIN index than a prefix match. None when
    the prefix is too common for a short list, or unknown to the vocabulary.
    """
    known = list(
        NameCode.objects.filter(code__startswith=code)
        .order_by("code")
        .values_list("code", flat=True)[: MAX_EXPANSIONS + 1]
    )
    if not known or len(known) > MAX_EXPANSIONS:
        return None
    return "(" + " | ".join(f"'{c}'" for c in known) + ")"


def _postgres_candidates(queryset, codes, finished):
    """Candidates from the GIN index, cheapest question first.

    The last two codes are asked as one pair term (rare even when each code is common); a last
    code still being typed becomes a prefix of the pair term, or its known completions.
    """

    def ask(*terms, candidates=CANDIDATES):
        return list(_tsquery_match(queryset, " & ".join(terms))[:candidates])

    exact = [f"'{c}'" for c in codes]
    *head, last = codes
    if head:
        pair = phonetic_pair(head[-1], last)
        found = ask(*exact[:-2], f"'{pair}'" if finished else f"'{pair}':*")
        if len(found) >= MIN_RESULTS:
            return found
        # Also names with the two codes further apart or the other way round ("Aminah Siti").
        completions = None if finished else _last_code_alternatives(last)
        seen = {e.pk for e in found}
        return found + [e for e in ask(*exact[:-1], completions or exact[-1]) if e.pk not in seen]
    # One code alone ("Siti") matches many people equally; a short list is enough to rank.
    found = ask(exact[0], candidates=SINGLE_CODE_CANDIDATES)
    if finished or len(found) >= MIN_RESULTS or len(last) < MIN_PREFIX:
        return found
    completions = _last_code_alternatives(last)
    return ask(completions or f"'{last}':*")


def _small(queryset):
    """True when QUERYSET holds at most SMALL_ROSTER rows (counted no further than that)."""
    return queryset.values("pk")[: SMALL_ROSTER + 1].count() <= SMALL_ROSTER


def _candidates(queryset, codes, finished, national):
    """Employees whose name has every code; the last may be unfinished unless FINISHED.

    A regional roster is small enough to scan through its region index, which beats the full
    text index when the name is common nationwide but the region has few of them. SQLite always
    scans: an embedded installation holds a regional roster.
    """
    if connection.vendor == "postgresql" and (national or not _small(queryset)):
        return _postgres_candidates(queryset, codes, finished)
    for code in codes[:-1]:
        queryset = queryset.filter(name_phonetic__contains=f" {code} ")
    last = f" {codes[-1]} " if finished else f" {codes[-1]}"
    return list(queryset.filter(name_phonetic__contains=last)[:CANDIDATES])


def search_employees(user, query, *, limit=20, region=None):
    """The employees in USER's reach best matching QUERY (a NIP or a name), best first."""
    # A trailing space means the last word is complete; anything else may still be typed.
    finished = (query or "").endswith(" ")
    query = (query or "").strip()
    if not query:
        return []
    base = restrict(Employee.objects.select_related("agency", "region"), user, districts=False)
    if region is not None:
        base = base.filter(region=region)
    is_nip, digits = _looks_like_nip(query)
    if is_nip:
        return (
            list(base.filter(nip=digits))
            if len(digits) == 18
            else list(base.filter(nip__startswith=digits).order_by("nip")[:limit])
        )
    # Only letters and digits may reach a tsquery literal.
    codes = [c for c in (_UNSAFE.sub("", c) for c in phonetic_key(query).split()) if c]
    if not codes:
        return []
    candidates = _candidates(base, codes, finished, national=is_national(user) and region is None)
    candidates.sort(key=lambda e: (-name_similarity(query, e.name), e.name))
    return candidates[:limit]


#: How close a roster name must be to what was typed to be suggested to the public (0 to 1):
#: a first name alone ("Ahmad", 0.90) or a full name with a slip ("Achmad Fauzi", 0.97)
#: passes; three letters ("Ahm", 0.50) do not.
PUBLIC_SIMILARITY = 0.85


def public_suggestions(region, query, limit=3):
    """Active employees of REGION whose name matches QUERY, for the public report form.

    Only name, position and agency ever leave this function's callers: it helps a reporter
    name the right person without exposing NIPs. Three letters at least.
    """
    finished = (query or "").endswith(" ")
    query = (query or "").strip()
    codes = [c for c in (_UNSAFE.sub("", c) for c in phonetic_key(query).split()) if c]
    if len(query) < 3 or not codes or region is None:
        return []
    base = Employee.objects.filter(region=region, active=True).select_related("agency")
    candidates = _candidates(base, codes, finished, national=False)
    # Close matches of the whole name typed, never a page of everyone sharing a prefix: the
    # suggestions must help name a person, not list a regency's staff.
    scored = [(name_similarity(query, e.name), e) for e in candidates]
    close = sorted(
        ((score, e) for score, e in scored if score >= PUBLIC_SIMILARITY),
        key=lambda pair: (-pair[0], pair[1].name),
    )
    return [e for _, e in close[:limit]]
