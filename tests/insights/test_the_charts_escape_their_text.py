"""Every word a chart writes (titles, labels, band names, numbers as formatted) is escaped:
a name with markup in it is text, never markup, and the SVG stays well formed."""

import xml.etree.ElementTree as ET
from datetime import date

from netra.insights import charts

SVG = "{http://www.w3.org/2000/svg}"
NASTY = '<script>alert("x")</script> & "Kab." \x01'


def test_the_bars_escape_labels_titles_and_numbers():
    svg = charts.bars(
        [("a<b", NASTY, 3)], title=NASTY, desc=NASTY, number=lambda n: f"<{n}>", ident='x"y'
    )

    assert "<script>" not in svg
    root = ET.fromstring(svg)  # well formed, the control character dropped
    assert root.find(f"{SVG}title").text == NASTY.replace("\x01", "")
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "<3>" in texts
    assert root.get("aria-labelledby") == "xy-title xy-desc"


def test_the_trend_escapes_band_names_and_dates():
    band = charts.Band("campaign", NASTY, date(2024, 9, 25), date(2024, 11, 23))
    svg = charts.weekly_trend(
        {date(2024, 10, 1): 2},
        bands=[band],
        title="T",
        desc="D",
        series_label="<b>cases</b>",
        day_label=lambda day: f"<{day}>",
        month_label=lambda day: f"&{day:%m}",
    )

    assert "<script>" not in svg and "<b>" not in svg
    root = ET.fromstring(svg)
    tips = [t.text for t in root.iter(f"{SVG}title")]
    assert f"{NASTY.replace(chr(1), '')}: <2024-09-25> – <2024-11-23>" in tips
    assert "&10" in [t.text for t in root.iter(f"{SVG}text")]
