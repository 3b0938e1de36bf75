"""Employee search within a user's reach: NIP exactly, names fuzzily.

Names are matched on phonetic codes (so "Soeharto" finds "Suharto" and "Mochammad" finds
"Muhammad"), then ranked by string similarity. PostgreSQL answers the phonetic match from a GIN
full-text index; SQLite, sized for one regional office, scans the padded code column.
"""

from django.db import connection

from netra.accounts.access import restrict
from netra.lib.names import name_similarity, phonetic_key
from netra.lib.nip import normalize_nip

from .models import Employee

CANDIDATES = 300


def _looks_like_nip(query):
    digits = normalize_nip(query)
    return digits.isdigit() and len(digits) >= 8, digits


def _phonetic_match(queryset, codes):
    """Every code must match a name token; the last one may be a prefix (typing in progress)."""
    if connection.vendor == "postgresql":
        terms = [c.replace("'", "") for c in codes]
        tsquery = " & ".join([f"'{t}'" for t in terms[:-1]] + [f"'{terms[-1]}':*"])
        return queryset.extra(
            where=["to_tsvector('simple', people_employee.name_phonetic) @@ "
                   "to_tsquery('simple', %s)"], params=[tsquery])
    for code in codes[:-1]:
        queryset = queryset.filter(name_phonetic__contains=f" {code} ")
    return queryset.filter(name_phonetic__contains=f" {codes[-1]}")


def search_employees(user, query, *, limit=20, region=None):
    """The employees in USER's reach best matching QUERY (a NIP or a name), best first."""
    query = (query or "").strip()
    if not query:
        return []
    base = restrict(Employee.objects.select_related("agency", "region"), user)
    if region is not None:
        base = base.filter(region=region)
    is_nip, digits = _looks_like_nip(query)
    if is_nip:
        return list(base.filter(nip=digits)) if len(digits) == 18 else list(
            base.filter(nip__startswith=digits).order_by("nip")[:limit])
    codes = phonetic_key(query).split()
    if not codes:
        return []
    candidates = list(_phonetic_match(base, codes)[:CANDIDATES])
    candidates.sort(key=lambda e: (-name_similarity(query, e.name), e.name))
    return candidates[:limit]
