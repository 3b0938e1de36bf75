import pytest

from netra.lib.calendar import TIMEZONES, timezone_for_province

WIB = ["11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35",
       "36", "61", "62"]  # fmt: skip
WITA = ["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"]
WIT = ["81", "82", "91", "92", "93", "94", "95", "96"]


def test_it_covers_the_38_provinces():
    assert len(WIB + WITA + WIT) == 38


@pytest.mark.parametrize(("codes", "zone"), [(WIB, "WIB"), (WITA, "WITA"), (WIT, "WIT")])
def test_it_gives_each_province_its_zone(codes, zone):
    assert {timezone_for_province(code) for code in codes} == {zone}


def test_it_matches_the_provinces_of_the_region_package():
    provinces = pytest.importorskip("lokal.provinces").PROVINCES
    assert set(provinces) == set(WIB + WITA + WIT)


def test_it_gives_the_zone_of_a_regency_code():
    assert timezone_for_province("35.09") == "WIB"  # Kabupaten Jember
    assert timezone_for_province("73.71") == "WITA"  # Kota Makassar


@pytest.mark.parametrize("code", ["", "20", "37", "99", "3", "Jawa Timur"])
def test_it_rejects_an_unknown_province_code(code):
    with pytest.raises(ValueError):
        timezone_for_province(code)


def test_it_maps_each_zone_to_an_iana_name():
    assert TIMEZONES == {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
