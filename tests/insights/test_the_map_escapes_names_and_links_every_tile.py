"""Names, labels, links and the map's own texts come from data and from callers: every one is
escaped, the SVG stays well-formed and says what it was given. With a link function every
tile is a link; the root names itself for assistive technology (role, title, desc)."""

from netra.insights.tilemap import render

from .svg_helpers import SVG, parse, region_names, tile, tiles, tooltip

NAMES = region_names()
HOSTILE = "Kota <script>alert(\"x\")</script> & 'Co'\x00"


def _href(code):
    return f"/wawasan/wilayah/{code}/?periode=2026&mode=peta"


def test_hostile_names_and_texts_are_escaped():
    names = dict(NAMES, **{"35": HOSTILE, "35.09": HOSTILE})
    for level, province, code in (("province", None, "35"), ("regency", "35", "35.09")):
        svg = render(
            level,
            {code: 3},
            names=names,
            href=_href,
            title="<b>Peta</b> & co",
            description='"uraian" <i>',
            unit_label="<laporan>",
            legend_title="Ket. <x>",
            no_data_label="Tidak & ada",
            province=province,
        )
        assert "<script>" not in svg and "<b>" not in svg and "\x00" not in svg
        root = parse(svg)
        assert tooltip(root, code) == "Kota <script>alert(\"x\")</script> & 'Co': 3 <laporan>"
        assert root.find(f"{SVG}title").text == "<b>Peta</b> & co"
        assert root.find(f"{SVG}desc").text == '"uraian" <i>'


def test_every_tile_is_a_link_and_the_root_names_itself():
    for level, province, count in (("province", None, 38), ("regency", None, 514)):
        svg = render(
            level,
            {},
            names=NAMES,
            href=_href,
            title="Peta",
            description="Uraian",
            province=province,
        )
        root = parse(svg)
        links = root.findall(f".//{SVG}a")
        assert len(links) == len(tiles(root)) == count
        for link in links:
            inner = link.find(f"{SVG}g")
            code = inner.get("data-code")
            assert link.get("href") == _href(code)
            assert inner.find(f"{SVG}rect") is not None
            assert inner.find(f"{SVG}title").text.startswith(NAMES[code] + ": ")
            assert inner.find(f"{SVG}text").text
        assert root.get("role") == "group" and root.get("width") == "100%"  # of links
        assert root.get("viewBox").startswith("0 0 ")
        title_id, desc_id = root.get("aria-labelledby").split()
        assert root.find(f"{SVG}title").get("id") == title_id
        assert root.find(f"{SVG}desc").get("id") == desc_id


def test_province_tiles_show_the_short_name_and_no_link_without_href():
    root = parse(render("province", {"35": 1200}, names=NAMES, title="t", description="d"))
    assert root.findall(f".//{SVG}a") == []
    assert root.get("role") == "img"
    texts = [t.text for t in tile(root, "35").findall(f"{SVG}text")]
    assert texts == ["Jatim", "1.200"]
    assert tooltip(root, "35") == "Jawa Timur: 1.200"


def test_regency_tiles_are_labelled_with_a_short_abbreviation_unique_in_their_province():
    root = parse(render("regency", {}, names=NAMES, title="t", description="d"))
    seen = {}
    for element in tiles(root):
        label = element.find(f"{SVG}text").text
        assert 2 <= len(label) <= 4, label
        seen.setdefault(element.get("data-code")[:2], []).append(label)
    assert all(len(labels) == len(set(labels)) for labels in seen.values())
    assert tile(root, "53.02").find(f"{SVG}text").text == "TTS"


def test_two_maps_on_one_page_do_not_share_ids():
    one = parse(render("province", {}, names=NAMES, title="Laporan", description="d"))
    two = parse(render("province", {}, names=NAMES, title="Pencegahan", description="d"))
    assert one.get("id") != two.get("id")
    three = parse(render("province", {}, names=NAMES, title="x", description="d", id_prefix="p"))
    assert three.get("id") == "p" and three.get("aria-labelledby") == "p-t p-d"
