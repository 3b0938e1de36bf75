from netra.regions.models import ClockRule, Election, Holiday, Region
from netra.regions.reference import load_reference_data


def test_it_loads_all_provinces_regencies_cities_and_districts(reference):
    assert reference["provinces"] == 38
    assert reference["regencies"] == 514
    assert Region.objects.filter(level="regency").count() == 416
    assert Region.objects.filter(level="city").count() == 98
    assert reference["districts"] > 7000
    jember = Region.objects.get(code="35.09")
    assert (jember.name, jember.level, jember.parent.code, jember.timezone) == (
        "Kabupaten Jember",
        "regency",
        "35",
        "WIB",
    )
    assert Region.objects.get(code="94").timezone == "WIT"


def test_loading_again_changes_nothing(reference):
    before = (Region.objects.count(), Holiday.objects.count(), Election.objects.count())
    assert load_reference_data(force=True) == reference
    assert (Region.objects.count(), Holiday.objects.count(), Election.objects.count()) == before


def test_pilkada_2024_covers_the_545_regions_that_voted(reference):
    pilkada = Election.objects.get(code="pilkada-2024")
    assert pilkada.regions.count() == 545
    assert not pilkada.regions.filter(code__in=["34", "31.71", "31.01"]).exists()
    assert pilkada.regions.filter(code="34.71").exists()
    assert str(pilkada.candidate_determination_date) == "2024-09-22"
    assert pilkada.stages.get(code="voting").start.isoformat() == "2024-11-27"


def test_each_election_kind_has_its_clock(reference):
    pilkada = ClockRule.objects.get(kind="pilkada")
    assert (
        pilkada.day_kind,
        pilkada.report_window_days,
        pilkada.decision_days,
        pilkada.decision_extension_days,
    ) == ("calendar", 7, 3, 2)
    assert ClockRule.objects.get(kind="pemilu").day_kind == "working"


def test_holidays_cover_2020_to_2026_including_election_days(reference):
    years = {d.year for d in Holiday.objects.values_list("date", flat=True)}
    assert years == set(range(2020, 2027))
    assert Holiday.objects.filter(date="2024-11-27").exists()
    assert Holiday.objects.filter(kind="collective_leave").exists()
