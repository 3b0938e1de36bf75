"""GET /api/v1/statistics answers, without sign-in, one row per province or per regency and
city of the election, each with the documented fields; a region that takes no part in the
election is there too, with every count null and `in_election` false."""

from netra.cases import actions
from netra.insights import refresh
from netra.regions.models import Election, Region

FIELDS = {
    "code",
    "name",
    "in_election",
    "reports",
    "registered",
    "violations",
    "forwarded",
    "recommended",
    "followed_up",
    "sanctioned",
    "median_days_to_decree",
    "suppressed",
    "marks",
}
COUNTS = FIELDS - {"code", "name", "in_election", "suppressed", "marks"}


def _statistics(client, level, election="pilkada-2020"):
    response = client.get("/api/v1/statistics", {"election": election, "level": level})
    assert response.status_code == 200
    return response.json()


def test_it_gives_every_province_and_every_regency_once_with_the_documented_fields(client, charlie):
    election = Election.objects.get(code="pilkada-2020")
    for summary in ("Temuan 1", "Temuan 2", "Temuan 3", "Temuan 4", "Temuan 5", "Temuan 6"):
        actions.open_finding(
            charlie, election=election, region=Region.objects.get(code="15.71"), summary=summary
        )
    refresh.refresh_all()

    provinces = _statistics(client, "province")
    assert set(provinces) == {"election", "level", "as_of", "has_figures", "licence", "rows"}
    assert provinces["has_figures"] is True
    assert provinces["election"] == "pilkada-2020" and provinces["level"] == "province"
    assert provinces["licence"] == "CC BY 4.0" and provinces["as_of"]
    assert [r["code"] for r in provinces["rows"]] == list(
        Region.objects.filter(level="province").order_by("code").values_list("code", flat=True)
    )
    regencies = _statistics(client, "regency")["rows"]
    assert len(regencies) == Region.objects.filter(level__in=("regency", "city")).count() == 514
    assert len({r["code"] for r in regencies}) == 514
    for row in provinces["rows"] + regencies:
        assert set(row) == FIELDS

    kota_jambi = next(r for r in regencies if r["code"] == "15.71")
    assert kota_jambi["name"] == "Kota Jambi" and kota_jambi["in_election"] is True
    assert kota_jambi["reports"] == 6 and kota_jambi["registered"] == 0
    assert kota_jambi["suppressed"] == []


def test_a_region_outside_the_election_has_every_count_null(client, charlie):
    election = Election.objects.get(code="pilkada-2020")
    actions.open_finding(
        charlie, election=election, region=Region.objects.get(code="15.71"), summary="Temuan"
    )
    refresh.refresh_all()
    rows = {r["code"]: r for r in _statistics(client, "regency")["rows"]}
    # The reference data lists Pilkada 2020's nine provinces only, not Jawa Timur.
    outside = [r for r in rows.values() if not r["in_election"]]
    assert outside and rows["35.09"] in outside
    for row in outside:
        assert all(row[name] is None for name in COUNTS)
        assert row["suppressed"] == []
    inside = [r for r in rows.values() if r["in_election"] and r["code"] != "15.71"]
    assert inside and all(r["reports"] == 0 for r in inside)
