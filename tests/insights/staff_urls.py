"""The whole site with the staff statistics at the address they will have (staf/statistik/),
for the staff tests until the insights routes name them (`insights:staff`); and what those
tests share: opening a finding, reading a figure off the page by its data attribute."""

import re

from django.urls import path

import netra.urls
from netra.insights import staff

PATH = "/staf/statistik/"
URLS = "tests.insights.staff_urls"

urlpatterns = [
    path("staf/statistik/", staff.staff_statistics, name="staff_statistics"),
    *netra.urls.urlpatterns,
]
handler400 = netra.urls.handler400
handler404 = netra.urls.handler404
handler500 = netra.urls.handler500


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
