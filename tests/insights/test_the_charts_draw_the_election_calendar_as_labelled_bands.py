"""The weekly trend stands in front of the election calendar: each band (campaign, quiet days,
voting day) drawn where its days fall, named in the legend and in its tooltip (not by colour
alone), a one-day band still visible; the weeks run over both the cases and the bands."""

import xml.etree.ElementTree as ET
from datetime import date

from netra.insights import charts

SVG = "{http://www.w3.org/2000/svg}"
BANDS = [
    charts.Band("campaign", "Pelaksanaan kampanye", date(2024, 9, 25), date(2024, 11, 23)),
    charts.Band("quiet_period", "Masa tenang", date(2024, 11, 24), date(2024, 11, 26)),
    charts.Band("voting", "Pemungutan suara", date(2024, 11, 27), date(2024, 11, 27)),
]


def draw(counts):
    return ET.fromstring(charts.weekly_trend(counts, bands=BANDS, title="T", desc="D"))


def bands_of(root):
    return {
        g.get("data-band"): g.find(f"{SVG}rect") for g in root.iter(f"{SVG}g") if g.get("data-band")
    }


def test_every_band_is_drawn_named_in_the_legend_and_in_its_tooltip():
    root = draw({date(2024, 10, 2): 4})

    bands = bands_of(root)
    assert list(bands) == ["campaign", "quiet_period", "voting"]
    legend = {
        g.get("data-legend"): g.find(f"{SVG}text").text
        for g in root.iter(f"{SVG}g")
        if g.get("data-legend")
    }
    assert legend == {band.kind: band.label for band in BANDS}
    assert bands["voting"].find(f"{SVG}title").text == "Pemungutan suara: 2024-11-27"
    assert bands["campaign"].find(f"{SVG}title").text == (
        "Pelaksanaan kampanye: 2024-09-25 – 2024-11-23"
    )
    assert {rect.get("fill") for rect in bands.values()} == set(charts.BAND_FILLS.values())


def test_the_bands_lie_in_order_and_the_voting_day_is_never_too_thin_to_see():
    bands = bands_of(draw({}))

    def span(kind):
        x = float(bands[kind].get("x"))
        return x, x + float(bands[kind].get("width"))

    assert span("campaign")[1] <= span("quiet_period")[0] + 0.01
    assert span("quiet_period")[1] <= span("voting")[1]
    assert float(bands["voting"].get("width")) >= charts.MIN_BAND
    # Nine weeks of campaign against three days of quiet period.
    assert float(bands["campaign"].get("width")) > 15 * float(bands["quiet_period"].get("width"))


def test_the_weeks_run_over_both_the_cases_and_the_calendar():
    series = charts.week_series({date(2024, 12, 20): 1}, BANDS)

    assert series[0] == (date(2024, 9, 23), 0)  # the Monday of the campaign's first week
    assert series[-1] == (date(2024, 12, 16), 1)
    assert all(b[0] - a[0] == charts.WEEK for a, b in zip(series, series[1:], strict=False))
