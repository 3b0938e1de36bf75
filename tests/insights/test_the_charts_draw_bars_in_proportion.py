"""A bar's length (a step's cases) or a column's height (a week's cases) is in proportion to
its value: the largest fills the room, half of it is half as long, zero is nothing."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from netra.insights import charts

SVG = "{http://www.w3.org/2000/svg}"


def bars_of(svg, size):
    return {
        rect.get("data-value"): float(rect.get(size))
        for rect in ET.fromstring(svg).iter(f"{SVG}rect")
        if rect.get("class") == "bar"
    }


def test_the_bars_are_as_long_as_their_values():
    rows = [
        ("received", "Diterima", 40),
        ("study", "Kajian", 20),
        ("closed", "Ditutup", 5),
        ("x", "X", 0),
    ]

    widths = bars_of(charts.bars(rows, title="T", desc="D"), "width")

    assert widths["20"] == pytest.approx(widths["40"] / 2, abs=0.01)
    assert widths["5"] == pytest.approx(widths["40"] / 8, abs=0.01)
    assert widths["0"] == 0
    assert widths["40"] <= charts.WIDTH


def test_the_weekly_columns_are_as_tall_as_their_values():
    counts = {date(2024, 9, 2): 8, date(2024, 9, 9): 4, date(2024, 9, 16): 2, date(2024, 9, 23): 0}

    heights = bars_of(charts.weekly_trend(counts, title="T", desc="D"), "height")

    assert heights["4"] == pytest.approx(heights["8"] / 2, abs=0.01)
    assert heights["2"] == pytest.approx(heights["8"] / 4, abs=0.01)
    assert heights["0"] == 0


def test_a_week_adds_up_every_day_in_it():
    series = charts.week_series({date(2024, 9, 2): 1, date(2024, 9, 8): 2, date(2024, 9, 9): 5})

    assert series == [(date(2024, 9, 2), 3), (date(2024, 9, 9), 5)]
