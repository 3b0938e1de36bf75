"""On a map of rates, a suppressed tile's tooltip says what its mark means ("<5: 1 to 4
cases"), not "<5 per 10,000 civil servants", which would read as a rate."""

from netra.insights.tilemap import render

from .svg_helpers import parse, tooltip

NAMES = {"35.09": "Kabupaten Jember", "35.10": "Kabupaten Banyuwangi"}


def test_the_tooltip_of_a_suppressed_tile_uses_its_legend_words():
    root = parse(
        render(
            "regency",
            {"35.09": "<5", "35.10": 2.5},
            names=NAMES,
            province="35",
            title="Laporan per 10.000 ASN",
            description="Peta",
            unit_label="per 10.000 ASN",
            special_labels={"<5": "<5: 1 sampai 4 kasus"},
        )
    )

    assert tooltip(root, "35.09") == "Kabupaten Jember: <5: 1 sampai 4 kasus"
    assert tooltip(root, "35.10").endswith(" per 10.000 ASN")
