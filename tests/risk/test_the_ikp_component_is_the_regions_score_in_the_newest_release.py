"""The IKP component is the region's score in the election's newest imported release, with
the release's source; a province without a row of its own takes the mean of its regencies and
cities in the release; a region the release leaves out, or an election without a release, has
no IKP data (never 0)."""

from .risk_data import computed, ikp


def test_it_takes_the_newest_release_and_says_where_it_comes_from(admin):
    ikp(admin, [("35.09", "40", "sedang")], source="Bawaslu RI, versi awal")
    ikp(admin, [("35.09", "72.5", "tinggi"), ("35.10", "30", "rendah")], source="Bawaslu RI")

    jember = computed()["35.09"]

    assert jember["values"]["ikp"] == 72.5
    assert jember["facts"]["ikp"]["source"] == "Bawaslu RI"
    assert jember["facts"]["ikp"]["category"] == "tinggi"
    assert jember["facts"]["ikp"]["fictional"] is False


def test_a_province_without_its_own_row_takes_the_mean_of_its_regencies(admin):
    ikp(admin, [("35.09", "70", "tinggi"), ("35.10", "30", "rendah"), ("15", "55", "sedang")])

    regions = computed()

    assert regions["35"]["values"]["ikp"] == 50.0
    assert regions["35"]["facts"]["ikp"]["from_regions"] == 2
    assert regions["15"]["values"]["ikp"] == 55.0  # its own row, not its regencies'


def test_a_region_left_out_of_the_release_or_an_election_without_one_has_no_ikp(admin):
    ikp(admin, [("35.09", "70", "tinggi")])

    assert computed()["15.71"]["values"]["ikp"] is None
    assert computed()["15.71"]["facts"]["ikp"]["reason"] == "not_in_release"
    assert computed("pemilu-2024")["35.09"]["values"]["ikp"] is None
    assert computed("pemilu-2024")["35.09"]["facts"]["ikp"] == {"reason": "no_release"}
