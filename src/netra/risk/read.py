"""What the regions-to-watch pages and the risk API read: the computed risk of the regions
within a user's reach (the access layer's `restrict`), ranked, in one query."""

from django.db.models import F

from netra.accounts.access import restrict
from netra.regions.models import Election, Region

from .models import RegionRisk

#: The levels of the list: regencies and cities together, or provinces.
LEVEL_NAMES = {
    "regency": (Region.Level.REGENCY, Region.Level.CITY),
    "province": (Region.Level.PROVINCE,),
}


def election_or_none(code):
    return Election.objects.filter(code=(code or "").strip()).first()


def risk_rows(user, election):
    """The RegionRisk rows of ELECTION whose region USER reaches, with their regions."""
    rows = RegionRisk.objects.filter(election=election).select_related("region")
    return restrict(rows, user, "region", districts=False)


def ranked_rows(user, election, levels, within=None):
    """The rows of the regions of LEVELS (inside the province WITHIN, if given), the highest
    score first and those without a score last, in code order among equals; without their
    facts (the explanation's), which a list does not show."""
    rows = risk_rows(user, election).filter(region__level__in=levels).defer("facts")
    if within:
        rows = rows.filter(region__code__startswith=within + ".")
    return list(rows.order_by(F("score").desc(nulls_last=True), "region__code"))


def election_facts(election):
    """The facts of one region of ELECTION: what every row of an election shares, the IKP
    release and the weights it was computed with, is read from them. None before the first
    computation."""
    return RegionRisk.objects.filter(election=election).values_list("facts", flat=True).first()


def ikp_release_of(facts):
    """The IKP release FACTS (a row's) were computed from (source, date, whether fictional),
    or None when none was imported."""
    fact = (facts or {}).get("ikp", {})
    if "source" not in fact:
        return None
    return {
        "source": fact["source"],
        "published_on": fact.get("published_on"),
        "fictional": bool(fact.get("fictional")),
    }


def weights_of(facts):
    """The weights FACTS (a row's) were computed with (component -> weight), or None."""
    if not facts:
        return None
    return {name: fact.get("weight", 0) for name, fact in facts.items()}
