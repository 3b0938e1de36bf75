"""The tile grid holds every province and every regency and city of regions.json exactly
once, no two tiles of a grid share a cell, and at the national regency level no two
provinces' grids overlap."""

import json
from pathlib import Path

import netra
from netra.insights.tilemap import load_layout, national_regency_cells

REGIONS = Path(netra.__file__).resolve().parent / "regions/data/regions.json"


def _regions(*levels):
    items = json.loads(REGIONS.read_text(encoding="utf-8"))["items"]
    return {code for code, _, level, _ in items if level in levels}


def test_it_has_one_tile_per_province_and_each_has_a_short_name():
    provinces = load_layout()["provinces"]
    assert set(provinces) == _regions("province")
    assert len(provinces) == 38
    assert all(tile["short"] for tile in provinces.values())
    assert len({(t["x"], t["y"]) for t in provinces.values()}) == 38


def test_it_holds_every_regency_and_city_once_under_its_own_province():
    grids = load_layout()["regencies"]
    codes = [code for grid in grids.values() for code in grid]
    assert len(codes) == len(set(codes)) == 514
    assert set(codes) == _regions("regency", "city")
    assert all(code.startswith(province + ".") for province, g in grids.items() for code in g)


def test_no_two_tiles_of_a_province_share_a_cell():
    for province, grid in load_layout()["regencies"].items():
        cells = [(c["x"], c["y"]) for c in grid.values()]
        assert len(cells) == len(set(cells)), province
        assert all(isinstance(v, int) and v >= 0 for cell in cells for v in cell), province


def test_no_two_provinces_grids_overlap_at_the_regency_level():
    cells, boxes = national_regency_cells()
    assert len(cells) == 514 and len(set(cells.values())) == 514
    placed = sorted(boxes.items())
    for i, (a, (ax, ay, aw, ah)) in enumerate(placed):
        for b, (bx, by, bw, bh) in placed[i + 1 :]:
            apart = ax + aw <= bx or bx + bw <= ax or ay + ah <= by or by + bh <= ay
            assert apart, (a, b)
    for code, (x, y) in cells.items():
        bx, by, bw, bh = boxes[code[:2]]
        assert bx <= x < bx + bw and by <= y < by + bh, code
