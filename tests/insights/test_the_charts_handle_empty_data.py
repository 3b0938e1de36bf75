"""A chart with nothing to show says so: no case at all, only zeros, no calendar either; no
division by zero, no NaN in the markup, still a well-formed image with its title."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from netra.insights import charts

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    "svg",
    [
        charts.weekly_trend({}, title="T", desc="D", empty_text="Belum ada kasus."),
        charts.weekly_trend(
            {date(2024, 10, 1): 0}, title="T", desc="D", empty_text="Belum ada kasus."
        ),
        charts.weekly_trend(
            {},
            bands=[
                charts.Band("voting", "Pemungutan suara", date(2024, 11, 27), date(2024, 11, 27))
            ],
            title="T",
            desc="D",
            empty_text="Belum ada kasus.",
        ),
        charts.bars([], title="T", desc="D", empty_text="Belum ada kasus."),
        charts.bars(
            [("a", "A", 0), ("b", "B", 0)], title="T", desc="D", empty_text="Belum ada kasus."
        ),
    ],
    ids=["no weeks", "a week of zero", "only the calendar", "no bars", "bars of zero"],
)
def test_an_empty_chart_says_so(svg):
    assert "nan" not in svg.lower() and "inf" not in svg.lower()
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == "T"
    empty = [t for t in root.iter(f"{SVG}text") if t.get("class") == "empty"]
    assert [t.text for t in empty] == ["Belum ada kasus."]
    for rect in root.iter(f"{SVG}rect"):
        if rect.get("class") == "bar":  # a zero is drawn as nothing
            assert 0 in (float(rect.get("width")), float(rect.get("height")))


def test_the_scale_of_nothing_is_one():
    assert charts.nice_scale(0) == (1, 1)
    assert charts.nice_scale(None) == (1, 1)
    assert charts.nice_scale(3) == (3, 1)
    assert charts.nice_scale(12) == (15, 5)
    assert charts.nice_scale(1234) == (1500, 500)
