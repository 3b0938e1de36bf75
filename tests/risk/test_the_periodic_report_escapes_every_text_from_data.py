"""Text from data (an agency's name, a region's name in a risk row's facts) is escaped in
the report: it can add no markup to the document WeasyPrint draws."""

from datetime import date

from netra.regions.models import Election, Region
from netra.risk import report

from .digest_data import risk

ATTACK = '<link rel="attachment" href="file:///etc/passwd"><b>Dinas</b>'


def test_an_agency_name_with_markup_is_shown_as_text(db):
    election = Election.objects.get(code="pilkada-2024")
    facts = {
        "prevention": {
            "weight": 20,
            "employees": 10,
            "reached": 0,
            "agencies": 1,
            "unreached_agencies": 1,
            "unreached_employees": 10,
            "unreached": [ATTACK],
        },
        "ikp": {"weight": 30, "score": 50.0, "category": "<i>tinggi</i>", "fictional": False},
    }
    risk(election, "35.09", 50.0, {"prevention": 100, "ikp": 50}, facts=facts)
    page = report.html(Region.objects.get(code="35.09"), date(2024, 10, 1), date(2024, 10, 31))
    assert "&lt;link rel=&quot;attachment&quot;" in page
    assert '<link rel="attachment"' not in page
    assert "<b>Dinas</b>" not in page and "<i>tinggi</i>" not in page
