"""What the staff statistics tests share: the page's address, opening a finding, reading a
figure off the page by its data attribute."""

import re

PATH = "/staf/statistik/"


def open_finding(officer, code, summary="Temuan", election="pilkada-2024"):
    from netra.cases import actions
    from netra.regions.models import Election, Region

    return actions.open_finding(
        officer,
        election=Election.objects.get(code=election),
        region=Region.objects.get(code=code),
        summary=summary,
    )


def cell(html, attribute, key):
    """The text of the element carrying data-ATTRIBUTE="KEY" (a table cell of the page)."""
    found = re.search(rf'data-{attribute}="{re.escape(key)}"[^>]*>([^<]*)<', html)
    assert found, (attribute, key)
    return found.group(1).strip()


def has(html, attribute, key):
    return f'data-{attribute}="{key}"' in html
