"""A string value such as "<5" (a small count withheld so that nobody can be picked out) is
drawn in a light style of its own and named in the legend: it is neither no data nor 0."""

from netra.insights.tilemap import render

from .svg_helpers import legend, parse, region_names, tile_class, tooltip

NAMES = region_names()


def _map(values, **texts):
    return parse(
        render(
            "regency",
            values,
            names=NAMES,
            province="35",
            title="Laporan di Jawa Timur",
            description="Jumlah laporan per kabupaten/kota",
            unit_label="laporan",
            **texts,
        )
    )


def test_a_suppressed_count_is_neither_no_data_nor_zero():
    root = _map({"35.09": "<5", "35.10": 0, "35.78": 40, "35.07": 12})
    assert tile_class(root, "35.09") == "sp"
    assert tile_class(root, "35.10") == "c0"
    assert tile_class(root, "35.01") == "nd"
    assert tooltip(root, "35.09") == "Kabupaten Jember: <5 laporan"
    kinds = [(kind, css, text) for kind, css, text in legend(root)]
    assert ("special", "sp", "<5") in kinds
    assert kinds[-1] == ("no-data", "nd", "Tidak ada data")


def test_the_caller_may_name_the_suppressed_entry():
    root = _map({"35.09": "<5", "35.78": 40}, special_labels={"<5": "< 5 (disamarkan)"})
    assert ("special", "sp", "< 5 (disamarkan)") in legend(root)


def test_suppressed_counts_play_no_part_in_the_class_breaks():
    root = _map({"35.09": "<5", "35.78": 40, "35.07": 12})
    classes = [text for kind, _, text in legend(root) if kind == "class"]
    assert classes == ["12", "40"]
