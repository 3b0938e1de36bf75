"""Each chart is an image to assistive technology (role="img", named by its title and its
description) that scales to the width of a phone: a viewBox, width 100%, and text no smaller
than 12 units on a 340-unit-wide drawing; a long label is cut to fit, whole in its tooltip."""

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from netra.insights import charts

SVG = "{http://www.w3.org/2000/svg}"
LONG = (
    "Diputuskan: tindak pidana pemilihan, diteruskan ke Sentra Gakkumdu untuk diproses lebih lanjut"
)


@pytest.fixture(params=["trend", "bars"])
def svg(request):
    if request.param == "trend":
        return charts.weekly_trend(
            {date(2024, 10, 1): 3},
            bands=[charts.Band("campaign", "Kampanye", date(2024, 9, 25), date(2024, 11, 23))],
            title="Kasus per minggu",
            desc="Kolom: kasus diterima tiap minggu.",
            series_label="Kasus diterima",
            ident=request.param,
        )
    return charts.bars(
        [("a", LONG, 3), ("b", "Kajian", 1)],
        title="Kasus per tahap",
        desc="Batang: kasus di tiap tahap.",
        ident=request.param,
    )


def test_it_is_an_image_named_by_its_title_and_description(svg):
    root = ET.fromstring(svg)
    ident = root.get("aria-labelledby").split()[0].removesuffix("-title")

    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{ident}-title {ident}-desc"
    assert root.find(f"{SVG}title").get("id") == f"{ident}-title"
    assert root.find(f"{SVG}desc").get("id") == f"{ident}-desc"
    assert root.find(f"{SVG}desc").text


def test_it_scales_to_the_width_and_keeps_its_text_readable(svg):
    root = ET.fromstring(svg)

    assert root.get("width") == "100%"
    assert root.get("height") is None
    _x, _y, width, _height = (float(v) for v in root.get("viewBox").split())
    assert width == charts.WIDTH <= 360
    sizes = [float(root.get("font-size"))] + [
        float(t.get("font-size")) for t in root.iter(f"{SVG}text") if t.get("font-size")
    ]
    assert min(sizes) >= 12


def test_every_text_fits_inside_the_drawing(svg):
    root = ET.fromstring(svg)
    for text in root.iter(f"{SVG}text"):
        size = float(text.get("font-size") or root.get("font-size"))
        x = float(text.get("x"))
        if text.get("text-anchor") == "end":
            assert x - charts._text_width(text.text, size) >= 0
        elif text.get("text-anchor") != "middle":
            assert x + charts._text_width(text.text, size) <= charts.WIDTH + 1, text.text


def test_a_long_label_is_cut_and_whole_in_its_tooltip():
    root = ET.fromstring(charts.bars([("a", LONG, 3)], title="T", desc="D"))

    (label,) = [
        t.text for t in root.iter(f"{SVG}text") if t.text and t.text.startswith("Diputuskan")
    ]
    assert label.endswith("…") and len(label) < len(LONG)
    assert any(t.text == f"{LONG}: 3" for t in root.iter(f"{SVG}title"))


def test_its_colours_are_the_colour_blind_safe_ones():
    svg = charts.weekly_trend(
        {date(2024, 11, 20): 1},
        bands=[charts.Band("voting", "Pemungutan suara", date(2024, 11, 27), date(2024, 11, 27))],
        title="T",
        desc="D",
    )
    fills = set(re.findall(r'fill="(#[0-9a-f]{6})"', svg))
    okabe_ito = {"#0072b2", "#d55e00"}  # the bars and the voting day, as they are
    assert okabe_ito <= fills
