"""The charts of the staff statistics, drawn on the server as SVG strings. Pure: no Django.

- `weekly_trend`: cases received per ISO week (Monday to Sunday) as columns, in front of the
  election calendar drawn as background bands (the campaign, the quiet days, voting day).
- `bars`: one horizontal bar per entry (cases per step), labelled above the bar.

Both are read on phones: the viewBox is 340 units wide and drawn at width 100%; in a card on a
390 px phone that is about 300 px, so the 13-unit text is drawn at about 11.5 px and the 12-unit
axis labels at about 10.5 px. On a wide screen the page puts two charts side by side. Colours
come from the Okabe-Ito palette, which stays distinct for the common colour-vision
deficiencies, and no colour carries meaning alone: every band is named in the legend and in its
tooltip, every bar carries its value as text. The caller gives every word (already translated)
and the formatters of numbers and dates, so this module knows no language. All text is
escaped. An empty chart (no cases, all zeros) says so instead of dividing by zero.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from xml.sax.saxutils import escape

WIDTH = 340
FONT = 13
SMALL = 12  # axis ticks and band names
CHAR = 0.56  # the average width of a character, in font sizes (sans-serif), for layout
INK = "#1b1b1b"
MUTED = "#555555"
GRID = "#d0d0d0"
BAR = "#0072b2"  # Okabe-Ito blue
# Okabe-Ito orange and sky blue lightened for backgrounds (the bars stay legible on them), and
# vermillion for the single voting day, which must stand out however narrow it is drawn.
BAND_FILLS = {"campaign": "#f6d8a0", "quiet_period": "#b9e0f5", "voting": "#d55e00"}
OTHER_BAND = "#e3e3e3"
MIN_BAND = 3  # a band of one day is never thinner than this, however long the axis
WEEK = timedelta(days=7)

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ID = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class Band:
    kind: str  # "campaign", "quiet_period", "voting" (the stage codes), or another
    label: str
    start: date
    end: date  # the last day, inclusive


def _esc(text):
    """TEXT made safe inside an XML element or a double-quoted attribute."""
    return escape(_INVALID_XML.sub("", str(text)), {'"': "&quot;"})


def _ident(text):
    return _ID.sub("", str(text)) or "chart"


def _n(value):
    """A coordinate, short: no float noise in the markup."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _text_width(text, size=FONT):
    return len(str(text)) * size * CHAR


def _fit(text, width, size=FONT):
    """TEXT cut with an ellipsis to fit WIDTH units (the full text goes in a tooltip)."""
    text = str(text)
    most = max(1, int(width / (size * CHAR)))
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _day(value):
    return value.date() if isinstance(value, datetime) else value


def monday(value):
    """The Monday that starts the ISO week of VALUE (a date or datetime)."""
    day = _day(value)
    return day - timedelta(days=day.weekday())


def week_series(counts, bands=()):
    """[(Monday, cases)] for every week from the first to the last week that has cases or a
    band, zeros included. COUNTS: {date or datetime in the week: cases}."""
    by_week = Counter()
    for day, count in counts.items():
        by_week[monday(day)] += count
    edges = [*by_week, *(monday(b.start) for b in bands), *(monday(b.end) for b in bands)]
    if not edges:
        return []
    week, last = min(edges), max(edges)
    series = []
    while week <= last:
        series.append((week, by_week.get(week, 0)))
        week += WEEK
    return series


def nice_scale(largest, ticks=4):
    """(top of the axis, step): a step of 1, 2 or 5 times a power of ten, about TICKS of them;
    (1, 1) when there is nothing to show, so that nothing divides by zero."""
    if not largest or largest <= 0:
        return 1, 1
    raw = largest / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(1, step) if float(largest).is_integer() else step
    top = math.ceil(largest / step) * step
    return top, step


def _svg_open(ident, height, title, desc):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {_n(height)}" '
        f'width="100%" role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f"font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" "
        f'font-size="{FONT}">'
        f'<title id="{ident}-title">{_esc(title)}</title>'
        f'<desc id="{ident}-desc">{_esc(desc)}</desc>'
    )


def _legend(entries, y):
    """The legend ([(fill, label, data key)]) flowing from Y, wrapping at the chart's width;
    its markup and the y below it."""
    parts, x, line = [], 8, 16
    for fill, label, key in entries:
        width = 12 + 5 + _text_width(label) + 14
        if x > 8 and x + width > WIDTH - 4:
            x, y = 8, y + line
        parts.append(
            f'<g data-legend="{_esc(key)}"><rect x="{_n(x)}" y="{_n(y - 10)}" width="12" '
            f'height="12" fill="{fill}" stroke="{MUTED}" stroke-width="0.5"/>'
            f'<text x="{_n(x + 17)}" y="{_n(y)}" fill="{INK}">{_esc(label)}</text></g>'
        )
        x += width
    return "".join(parts), y + line


def weekly_trend(
    counts,
    *,
    title,
    desc,
    bands=(),
    series_label="",
    empty_text="",
    ident="trend",
    number=str,
    day_label=date.isoformat,
    month_label=lambda day: day.strftime("%b %Y"),
):
    """Cases received per week (COUNTS: {date in the week: cases}) in front of BANDS (Band),
    as an SVG string. NUMBER, DAY_LABEL and MONTH_LABEL format what the chart writes."""
    ident = _ident(ident)
    series = week_series(counts, bands)
    largest = max((count for _week, count in series), default=0)
    scale, step = nice_scale(largest)
    # The value labels sit left of the plot, as wide as the widest of them.
    left = 8 + _text_width(number(scale), SMALL) + 6
    right, top, bottom = WIDTH - 6, 24, 180
    plot_height = bottom - top
    slot = (right - left) / len(series) if series else right - left
    first = series[0][0] if series else None

    def x_of(day):
        return left + (_day(day) - first).days / 7 * slot

    out = []
    # The calendar behind everything: the bands, named above the plot where the name fits.
    shown_bands = []
    for band in bands if series else ():
        x0 = max(left, x_of(band.start))
        x1 = min(right, x_of(band.end + timedelta(days=1)))
        if x1 <= left or x0 >= right:
            continue
        if x1 - x0 < MIN_BAND:
            x0, x1 = (x0 + x1 - MIN_BAND) / 2, (x0 + x1 + MIN_BAND) / 2
        fill = BAND_FILLS.get(band.kind, OTHER_BAND)
        tip = f"{band.label}: {day_label(band.start)}"
        if band.end != band.start:
            tip += f" – {day_label(band.end)}"
        label = ""
        if x1 - x0 >= _text_width(band.label, SMALL) + 6:
            label = (
                f'<text x="{_n(x0 + 3)}" y="{top - 8}" font-size="{SMALL}" fill="{INK}">'
                f"{_esc(band.label)}</text>"
            )
        out.append(
            f'<g data-band="{_esc(band.kind)}"><rect x="{_n(x0)}" y="{top}" '
            f'width="{_n(x1 - x0)}" height="{plot_height}" fill="{fill}">'
            f"<title>{_esc(tip)}</title></rect>{label}</g>"
        )
        if (fill, band.label) not in [(f, lab) for f, lab, _k in shown_bands]:
            shown_bands.append((fill, band.label, band.kind))
    # The value axis: gridlines at each step, labelled at the left.
    value = 0
    while value <= scale:
        y = bottom - value / scale * plot_height
        out.append(
            f'<line x1="{_n(left)}" x2="{right}" y1="{_n(y)}" y2="{_n(y)}" stroke="{GRID}" '
            f'stroke-width="1"/><text x="{_n(left - 4)}" y="{_n(y + 4)}" text-anchor="end" '
            f'font-size="{SMALL}" fill="{MUTED}">{_esc(number(value))}</text>'
        )
        value += step
    # The columns, one per week, with their value in the tooltip.
    for index, (week, count) in enumerate(series):
        height = count / scale * plot_height
        out.append(
            f'<rect class="bar" data-week="{week.isoformat()}" data-value="{count}" '
            f'x="{_n(left + index * slot + slot * 0.15)}" y="{_n(bottom - height)}" '
            f'width="{_n(slot * 0.7)}" height="{_n(height)}" fill="{BAR}">'
            f"<title>{_esc(day_label(week))}: {_esc(number(count))}</title></rect>"
        )
    out.append(
        f'<line x1="{_n(left)}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="{INK}" '
        f'stroke-width="1"/>'
    )
    # The time axis: the first week of each month, as many as fit without touching.
    last_end = -math.inf
    for index, (week, _count) in enumerate(series):
        starts_month = index == 0 or week.month != series[index - 1][0].month
        if not starts_month:
            continue
        text = month_label(week)
        x = left + index * slot
        if x < last_end + 8 or x + _text_width(text, SMALL) > WIDTH:
            continue
        out.append(
            f'<line x1="{_n(x)}" x2="{_n(x)}" y1="{bottom}" y2="{bottom + 4}" stroke="{INK}"/>'
            f'<text x="{_n(x)}" y="{bottom + 16}" font-size="{SMALL}" fill="{INK}">'
            f"{_esc(text)}</text>"
        )
        last_end = x + _text_width(text, SMALL)
    if largest == 0 and empty_text:
        out.append(
            f'<text class="empty" x="{_n((left + right) / 2)}" y="{_n(top + plot_height / 2)}" '
            f'text-anchor="middle" fill="{INK}">{_esc(empty_text)}</text>'
        )
    entries = ([(BAR, series_label, "cases")] if series_label else []) + shown_bands
    legend, height = _legend(entries, bottom + 38)
    out.append(legend)
    return _svg_open(ident, height, title, desc) + "".join(out) + "</svg>"


def bars(rows, *, title, desc, empty_text="", ident="bars", number=str):
    """One horizontal bar per row ((key, label, value)), labelled above it, its length in
    proportion to its value (the largest fills the width), as an SVG string."""
    ident = _ident(ident)
    rows = list(rows)
    left, row_height, top = 8, 40, 6
    value_room = 8 + _text_width(number(max((v for _k, _l, v in rows), default=0))) + 8
    room = WIDTH - left - max(value_room, 48)
    largest = max((value for _key, _label, value in rows), default=0)
    out = []
    for index, (key, label, value) in enumerate(rows):
        y = top + index * row_height
        length = value / largest * room if largest > 0 else 0
        out.append(
            f'<g data-row="{_esc(key)}"><text x="{left}" y="{y + 13}" fill="{INK}">'
            f"{_esc(_fit(label, WIDTH - 2 * left))}</text>"
            f'<rect class="bar" data-value="{value}" x="{left}" y="{y + 18}" '
            f'width="{_n(length)}" height="14" fill="{BAR}">'
            f"<title>{_esc(label)}: {_esc(number(value))}</title></rect>"
            f'<text x="{_n(left + length + 6)}" y="{y + 29}" fill="{INK}">'
            f"{_esc(number(value))}</text></g>"
        )
    height = top + len(rows) * row_height + 4
    if largest == 0 and empty_text:
        y = top + (len(rows) * row_height if rows else 0) + 20
        out.append(
            f'<text class="empty" x="{WIDTH / 2:.0f}" y="{y}" text-anchor="middle" '
            f'fill="{INK}">{_esc(empty_text)}</text>'
        )
        height = y + 12
    return _svg_open(ident, height, title, desc) + "".join(out) + "</svg>"
