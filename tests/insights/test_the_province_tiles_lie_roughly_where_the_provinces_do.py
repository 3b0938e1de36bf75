"""The province tiles read as Indonesia: Aceh top-left, Java and Nusa Tenggara in a row from
west to east, Sumatra west of Kalimantan west of Sulawesi west of Maluku west of Papua."""

from netra.insights.tilemap import load_layout

SUMATRA = ("11", "12", "13", "14", "15", "16", "17", "18")
KALIMANTAN = ("61", "62", "63", "64", "65")
SULAWESI = ("71", "72", "73", "74", "75", "76")
MALUKU = ("81", "82")
PAPUA = ("91", "92", "93", "94", "95", "96")


def _x(code):
    return load_layout()["provinces"][code]["x"]


def _y(code):
    return load_layout()["provinces"][code]["y"]


def test_aceh_is_top_left():
    provinces = load_layout()["provinces"]
    assert _x("11") == min(_x(c) for c in provinces)
    assert _y("11") == min(_y(c) for c in provinces)


def test_java_and_nusa_tenggara_run_west_to_east_in_one_row():
    row = ("36", "32", "33", "35", "51", "52", "53")
    assert [_x(c) for c in row] == sorted(_x(c) for c in row)
    assert len({_y(c) for c in row}) == 1


def test_the_islands_follow_each_other_from_west_to_east():
    groups = (SUMATRA, KALIMANTAN, SULAWESI, MALUKU, PAPUA)
    for west, east in zip(groups, groups[1:], strict=False):
        assert sum(map(_x, west)) / len(west) < sum(map(_x, east)) / len(east)
    assert max(map(_x, SULAWESI)) < min(map(_x, PAPUA))


def test_java_lies_south_of_kalimantan_and_sumatra_reaches_further_north():
    assert min(_y(c) for c in ("32", "33", "35")) > max(map(_y, KALIMANTAN))
    assert min(map(_y, SUMATRA)) < min(map(_y, KALIMANTAN))
