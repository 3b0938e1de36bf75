"""A region left out of the values, or given None (or NaN), is "no data": hatched, named
"Tidak ada data" (or the caller's label) in its tooltip and in the legend. 0 is a real value,
drawn in the lightest class like any other number."""

from netra.insights.tilemap import render

from .svg_helpers import legend, parse, region_names, tile_class, tooltip

NAMES = region_names()


def _map(values, **texts):
    return parse(
        render(
            "province",
            values,
            names=NAMES,
            title="Laporan per provinsi",
            description="Jumlah laporan pelanggaran netralitas ASN per provinsi",
            unit_label="laporan",
            **texts,
        )
    )


def test_a_missing_region_and_none_are_no_data():
    root = _map({"35": None, "11": 3, "12": 9})
    for code in ("35", "33"):
        assert tile_class(root, code) == "nd"
    assert tooltip(root, "35") == "Jawa Timur: Tidak ada data"
    assert tooltip(root, "33") == "Jawa Tengah: Tidak ada data"


def test_zero_is_a_value_in_the_lightest_class_not_no_data():
    root = _map({"35": 0, "33": 4, "32": 12, "31": None})
    assert tile_class(root, "35") == "c0"
    assert tooltip(root, "35") == "Jawa Timur: 0 laporan"
    assert tile_class(root, "31") == "nd"
    assert tile_class(root, "32") != "c0"


def test_zero_is_lightest_even_when_most_regions_have_it():
    values = {code: 0 for code in NAMES if "." not in code}
    values.update({"35": 7, "33": 2, "31": None})
    root = _map(values)
    assert tile_class(root, "11") == "c0"
    assert tile_class(root, "35") not in ("c0", "nd")
    assert legend(root)[0][:2] == ("class", "c0")


def test_nan_is_no_data_and_the_caller_names_no_data():
    root = _map({"35": float("nan"), "33": 1}, no_data_label="No data")
    assert tile_class(root, "35") == "nd"
    assert tooltip(root, "35") == "Jawa Timur: No data"
    assert ("no-data", "nd", "No data") in legend(root)


def test_a_map_without_any_value_shows_only_no_data():
    root = _map({})
    assert {tile_class(root, code) for code in NAMES if "." not in code} == {"nd"}
    assert legend(root) == [("no-data", "nd", "Tidak ada data")]
