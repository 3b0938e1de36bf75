"""A count the page shows as "<5" or "x" is null in the API and named in the row's
`suppressed`; every other count of a region in the election is a number."""

from netra.cases import actions
from netra.insights import refresh
from netra.insights.public import public_table
from netra.regions.models import Election, Region

COUNTS = (
    "reports",
    "registered",
    "violations",
    "forwarded",
    "recommended",
    "followed_up",
    "sanctioned",
)


def _findings(officer, code, count):
    election = Election.objects.get(code="pilkada-2024")
    region = Region.objects.get(code=code)
    return [
        actions.open_finding(officer, election=election, region=region, summary=f"Temuan {i}")
        for i in range(count)
    ]


def test_suppressed_counts_are_null_and_listed_and_the_others_are_numbers(
    client, alice, charlie, dewi, walk_case
):
    for case in _findings(alice, "35.09", 7)[:2]:
        walk_case(case, "registered")  # two registered: "<5"
    _findings(charlie, "15.71", 3)  # three received: "<5"
    _findings(dewi, "35", 1)  # the provincial office's one case: Jawa Timur's total hidden
    refresh.refresh_all()
    table = public_table(Election.objects.get(code="pilkada-2024"))

    statuses = set()
    for level in ("province", "regency"):
        response = client.get("/api/v1/statistics", {"election": "pilkada-2024", "level": level})
        for row in response.json()["rows"]:
            cells = table.row(row["code"]).cells
            for name in COUNTS:
                statuses.add(cells[name].text if cells[name].suppressed else "shown")
                if cells[name].suppressed:
                    assert row[name] is None and name in row["suppressed"]
                else:
                    assert isinstance(row[name], int) and name not in row["suppressed"]
            assert set(row["suppressed"]) <= {*COUNTS, "median_days_to_decree"}
    assert statuses == {"shown", "<5", "x"}

    rows = {
        r["code"]: r
        for r in client.get(
            "/api/v1/statistics", {"election": "pilkada-2024", "level": "regency"}
        ).json()["rows"]
    }
    assert rows["35.09"]["reports"] == 7
    assert rows["35.09"]["registered"] is None and rows["35.09"]["suppressed"] == ["registered"]
    assert rows["15.71"]["reports"] is None and rows["15.71"]["suppressed"] == ["reports"]
