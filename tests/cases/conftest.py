"""Fixtures of the case list's tests: a handful of cases made into a long list."""

import pytest

from netra.cases import actions
from netra.common import listing
from netra.regions.models import Election


@pytest.fixture
def jember_findings(alice, region):
    """COUNT findings opened by alice in Jember, in the Pilkada 2024 (summaries T0, T1, ...)."""

    def make(count):
        election = Election.objects.get(code="pilkada-2024")
        return [
            actions.open_finding(alice, election=election, region=region("35.09"), summary=f"T{i}")
            for i in range(count)
        ]

    return make


@pytest.fixture
def short_pages(settings, monkeypatch):
    """Lists counted exactly up to 5 rows and shown 3 rows a page, so that a few cases are a
    list long enough to be estimated and paged."""
    settings.NETRA_EXACT_COUNT_LIMIT = 5
    monkeypatch.setattr(listing, "PAGE_SIZE", 3)
