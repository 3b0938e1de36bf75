"""The case list counts its rows exactly up to NETRA_EXACT_COUNT_LIMIT (an environment
variable, 10,000 by default): at the threshold the total is the exact count."""

import os
import subprocess
import sys

from netra.cases import actions
from netra.common import listing
from netra.regions.models import Election


def test_the_threshold_is_read_from_the_environment(tmp_path):
    env = {**os.environ, "NETRA_DATA_DIR": str(tmp_path), "NETRA_EXACT_COUNT_LIMIT": "1234"}
    env.pop("DATABASE_URL", None)
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.NETRA_EXACT_COUNT_LIMIT)",
        ],
        env={**env, "DJANGO_SETTINGS_MODULE": "netra.settings"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert shown == ["1234"]


def test_a_list_as_long_as_the_threshold_is_counted_exactly(
    client_for, alice, region, settings, monkeypatch
):
    election = Election.objects.get(code="pilkada-2024")
    for i in range(7):
        actions.open_finding(alice, election=election, region=region("35.09"), summary=f"T{i}")
    settings.NETRA_EXACT_COUNT_LIMIT = 7
    monkeypatch.setattr(listing, "PAGE_SIZE", 3)  # a full first page: the list is counted
    response = client_for(alice).get("/kasus/")
    assert response.context["total"] == listing.Total(7, "exact")
    assert "7 kasus dalam daftar" in response.content.decode()
