"""Which regions an account of each role takes: the one rule that the account form and the
account import both apply (accounts/forms.py, accounts/importer.py).

- the national roles (administrator, Bawaslu RI, BKN) take none: they reach every region;
- every other role needs at least one region;
- a provincial Bawaslu officer takes provinces; a regency/city Bawaslu officer regencies or
  cities; a district supervisor (Panwascam) districts;
- the other roles (BKPSDM, PPK, auditor) provinces, regencies or cities, never a district.
"""

from django.utils.translation import gettext_lazy as _

from netra.regions.models import Region

from .access import NATIONAL_ROLES
from .models import Role

Level = Region.Level
OTHER_ROLES_LEVELS = frozenset({Level.PROVINCE, Level.REGENCY, Level.CITY})
LEVELS = {
    Role.BAWASLU_PROVINCE: frozenset({Level.PROVINCE}),
    Role.BAWASLU_REGENCY: frozenset({Level.REGENCY, Level.CITY}),
    Role.PANWASCAM: frozenset({Level.DISTRICT}),
}
WRONG_LEVEL = {
    Role.BAWASLU_PROVINCE: "provinces_only",
    Role.BAWASLU_REGENCY: "regencies_only",
    Role.PANWASCAM: "districts_only",
}

MESSAGES = {
    "national_takes_none": _(
        "This role reaches every region: leave the regions empty for a national role."
    ),
    "needs_region": _("This role needs at least one region."),
    "provinces_only": _("A provincial Bawaslu officer is assigned provinces only."),
    "regencies_only": _("A regency/city Bawaslu officer is assigned regencies or cities only."),
    "districts_only": _("A district supervisor (Panwascam) is assigned districts only."),
    "no_districts": _("This role is assigned provinces, regencies or cities, not districts."),
}


def region_problem(role, regions):
    """Why REGIONS (Region objects) do not suit an account of ROLE, as a key of MESSAGES, or
    None when they do. A national role given regions answers "national_takes_none": the form
    drops them (a region picked before the role was changed), the import refuses the row."""
    if role in NATIONAL_ROLES:
        return "national_takes_none" if regions else None
    if not regions:
        return "needs_region"
    levels = LEVELS.get(role, OTHER_ROLES_LEVELS)
    if any(r.level not in levels for r in regions):
        return WRONG_LEVEL.get(role, "no_districts")
    return None


def region_message(problem):
    return MESSAGES[problem]


#: Usernames no account may take: "system" is the audit log's label for the entries no account
#: made, so an account of that name would write entries that read as the system's.
RESERVED_USERNAMES = frozenset({"system"})
