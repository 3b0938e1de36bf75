"""The legend, drawn in the SVG, names each colour class by its range, then the suppressed
entries, then no data; the classes are as many as the data allow (at most five), their bounds
round numbers, and every tile takes the colour of the class its value falls in."""

from netra.insights.tilemap import class_breaks, render

from .svg_helpers import SVG, legend, parse, region_names, tile_class

NAMES = region_names()
PROVINCES = sorted(code for code in NAMES if "." not in code)


def _map(values, **options):
    return parse(
        render(
            "province",
            values,
            names=NAMES,
            title="Laporan",
            description="Laporan per provinsi",
            legend_title="Jumlah laporan",
            **options,
        )
    )


def test_the_legend_names_five_classes_with_round_ranges_then_no_data():
    regencies = sorted(c for c in NAMES if "." in c)
    values = {code: i % 100 for i, code in enumerate(regencies[:500])}  # 0 .. 99, five times
    values["35.09"] = None
    root = parse(
        render(
            "regency",
            values,
            names=NAMES,
            title="Laporan",
            description="Laporan per kabupaten/kota",
            legend_title="Jumlah laporan",
        )
    )
    entries = legend(root)
    assert entries == [
        ("class", "c0", "0–19"),
        ("class", "c1", "20–39"),
        ("class", "c2", "40–59"),
        ("class", "c3", "60–79"),
        ("class", "c4", "80–99"),
        ("no-data", "nd", "Tidak ada data"),
    ]
    assert root.find(f".//{SVG}g[@class='key']")[0].text == "Jumlah laporan"


def test_uneven_data_get_contiguous_round_classes_from_its_least_to_its_most():
    values = {code: i * 10 for i, code in enumerate(PROVINCES[:36])}  # 0 .. 350
    texts = [text for kind, _, text in legend(_map(values)) if kind == "class"]
    ranges = [[int(n) for n in text.split("–")] for text in texts]
    assert len(ranges) == 5
    assert ranges[0][0] == 0 and ranges[-1][1] == 350
    assert all(b[0] == a[1] + 1 for a, b in zip(ranges, ranges[1:], strict=False))
    assert all(low % 10 == 0 for low, _ in ranges)


def test_each_tile_takes_the_colour_of_its_class():
    values = {code: i * 10 for i, code in enumerate(PROVINCES[:36])}
    root = _map(values)
    bounds = class_breaks(values.values())
    assert len(bounds) == 5
    for code, value in values.items():
        expected = max(i for i, low in enumerate(bounds) if value >= low)
        assert tile_class(root, code) == f"c{expected}", code


def test_few_distinct_values_get_a_class_each_spread_over_the_scale():
    root = _map({"11": 1, "12": 1, "13": 5, "35": 20})
    entries = legend(root)
    assert entries[:-1] == [("class", "c0", "1"), ("class", "c2", "5"), ("class", "c4", "20")]
    assert tile_class(root, "35") == "c4"


def test_decimals_and_thousands_are_written_the_indonesian_way():
    values = {code: 1000 + i * 250.5 for i, code in enumerate(PROVINCES)}
    texts = [text for kind, _, text in legend(_map(values)) if kind == "class"]
    assert len(texts) == 5
    assert texts[0].startswith("1.000–")
    assert any("," in text for text in texts[-1:])


def test_the_caller_may_fix_the_breaks_and_word_the_ranges():
    values = {"11": 0, "12": 3, "13": 12, "35": 99}
    root = _map(values, breaks=[0, 10, 50], range_label="{low} s.d. {high}")
    texts = [text for kind, _, text in legend(root) if kind == "class"]
    assert texts == ["0 s.d. 9", "10 s.d. 49", "50 s.d. 99"]
    assert tile_class(root, "13") == "c2" and tile_class(root, "35") == "c4"


def test_class_breaks_are_rounded_and_keep_a_common_zero_in_its_own_class():
    assert class_breaks(range(100)) == [0, 20, 40, 60, 80]
    assert class_breaks([0] * 50 + [1, 2, 3, 4, 5, 6, 7])[:2] == [0, 1]
    assert class_breaks([]) == []
    assert class_breaks([4, 4, 4]) == [4]
