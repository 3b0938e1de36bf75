"""What the public statistics tests share: findings opened in bulk, and a figure read off a
page by its data attributes."""

import re
from html import unescape

from netra.cases import actions
from netra.regions.models import Election, Region

ELECTION = "pilkada-2024"


def findings(officer, code, count, election=ELECTION):
    election = Election.objects.get(code=election)
    region = Region.objects.get(code=code)
    return [
        actions.open_finding(officer, election=election, region=region, summary=f"Temuan {i}")
        for i in range(count)
    ]


def funnel_cell(html, field):
    """(text, status) of the funnel's row for FIELD."""
    found = re.search(rf'data-field="{field}" data-status="([a-z_]+)">([^<]*)<', html)
    assert found, field
    return unescape(found.group(2).strip()), found.group(1)


def map_row(html, code):
    """(text, status) of the map table's count for region CODE."""
    found = re.search(
        rf'<tr data-region="{re.escape(code)}">.*?data-status="([a-z_]+)"[^>]*>([^<]*)<', html, re.S
    )
    assert found, code
    return unescape(found.group(2).strip()), found.group(1)
