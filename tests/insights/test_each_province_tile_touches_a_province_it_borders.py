"""The province tiles keep the neighbourhoods of the real map: a province with a land border
touches (shares an edge or a corner with) the tile of at least one province it really borders,
and an island province touches, or is within one cell of (one empty cell between), one of the
provinces nearest to it across the sea (province-borders.json). "Touches" counts corners
because a square grid cannot give every province an edge with a neighbour (Sumatra runs
diagonally)."""

from netra.insights.tilemap import load_borders, load_layout


def _place(code):
    tile = load_layout()["provinces"][code]
    return tile["x"], tile["y"]


def _distance(a, b):
    (ax, ay), (bx, by) = _place(a), _place(b)
    return max(abs(ax - bx), abs(ay - by))


def _neighbours():
    found = {}
    for a, b in load_borders()["land"]:
        found.setdefault(a, set()).add(b)
        found.setdefault(b, set()).add(a)
    return found


def test_the_borders_name_only_known_provinces_and_each_pair_once():
    provinces = set(load_layout()["provinces"])
    borders = load_borders()
    pairs = [tuple(pair) for pair in borders["land"]]
    assert all(a in provinces and b in provinces and a < b for a, b in pairs)
    assert len(pairs) == len(set(pairs))
    for code, island in borders["nearest"].items():
        assert code in provinces and island["provinces"] and island["note"]
        assert set(island["provinces"]) <= provinces - {code}


def test_every_province_has_land_neighbours_or_a_nearest_across_the_sea():
    neighbours = _neighbours()
    nearest = load_borders()["nearest"]
    for code in load_layout()["provinces"]:
        assert (code in neighbours) != (code in nearest), code


def test_each_province_tile_touches_a_province_it_borders():
    far = {
        code: sorted(others)
        for code, others in _neighbours().items()
        if min(_distance(code, other) for other in others) > 1
    }
    assert far == {}


def test_each_island_province_is_within_a_cell_of_its_nearest():
    far = {
        code: island["provinces"]
        for code, island in load_borders()["nearest"].items()
        if min(_distance(code, other) for other in island["provinces"]) > 2
    }
    assert far == {}
