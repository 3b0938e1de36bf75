"""Plain-language choices for the kind of conduct, each tied to the catalog codes of docs/DOMAIN.md
(ETIK-* while the candidate is prospective, DIS-* once candidates are determined; which one
applies is decided later, from the dates)."""

from django.utils.translation import gettext_lazy as _

CONDUCT = {
    "props": (_("Putting up banners, billboards or other campaign props"), ["ETIK-01", "DIS-01"]),
    "social_media": (
        _(
            "Supporting a candidate on social media "
            "(posting, liking, sharing, commenting, joining a group)"
        ),
        ["ETIK-02", "ETIK-04", "DIS-02", "DIS-06"],
    ),
    "attending": (
        _("Attending a declaration or campaign and showing support"),
        ["ETIK-03", "ETIK-06", "DIS-04"],
    ),
    "photo_gesture": (
        _("A photo with a candidate showing symbols or hand gestures"),
        ["ETIK-05", "DIS-07"],
    ),
    "partisan_activity": (
        _("Meetings, invitations, appeals or gifts that favour a candidate"),
        ["DIS-08"],
    ),
    "party_member": (_("Being a member or officer of a political party"), ["DIS-05"]),
    "campaign_team": (
        _("Acting as a candidate's campaign team, expert or consultant"),
        ["DIS-09", "DIS-10"],
    ),
    "support_letter": (
        _("Giving a support letter or ID-card copies to an independent candidate"),
        ["DIS-11"],
    ),
    "decisions": (_("Decisions or actions that favour or harm a candidate"), ["DIS-12"]),
}


def choices():
    return [(key, label) for key, (label, _codes) in CONDUCT.items()]


def codes_for(keys):
    return sorted({code for key in keys for code in CONDUCT[key][1]})
