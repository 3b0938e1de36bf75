"""A tile-grid cartogram of Indonesia, drawn as an SVG choropleth. Pure: no Django.

The layout (data/tilegrid.json, written by tools/insights_tilegrid.py) gives one equal tile
per province and, per province, a grid of its regencies and cities. `render` draws either the
38 province tiles, all 514 regency/city tiles (each province's grid at its province's place),
or one province's grid.

Colours: five classes of one blue hue from light to dark (ordered by lightness, so they read
the same to colour-blind readers and in greyscale); labels are dark on the three light classes
and white on the two dark ones, each at least 4.5:1. A missing code, None, NaN or infinity is
"no data", hatched grey. 0 is a real value and falls in the lightest class. A string value (a
suppressed small count such as "<5") is its own legend entry, drawn in the lightest colour with
dots: neither "no data" nor 0.

Class breaks (equal counts, rounded): the first class starts at the smallest number shown;
each next bound cuts off an equal share (linear interpolation) of the values at or above the
current one: a fifth, then a quarter of the rest, and so on. So the classes are the quintiles
when there are no ties, and a value many regions share (often 0) fills one class while the
rest are still split. Bounds are rounded as roundly as they can be without losing a class: to
1, 2 or 5 times a power of ten, else to half steps of the leading digit (150, 70), else to two
significant figures, else not at all; whole numbers when every value is whole. Classes left
empty are dropped. Five or fewer distinct numbers get a class each. A caller who needs the
same scale across maps passes `breaks` (the lower bounds) instead. A class is `low <= v < next
low`; the last one ends at the largest value shown.
"""

import bisect
import functools
import hashlib
import json
import math
import re
from decimal import Decimal
from numbers import Real
from pathlib import Path
from xml.sax.saxutils import escape

DATA = Path(__file__).resolve().parent / "data"
LAYOUT_FILE = DATA / "tilegrid.json"
BORDERS_FILE = DATA / "province-borders.json"

CLASSES = 5
# Light to dark, one hue; the label colour on each (checked for contrast by a test).
PALETTE = ("#e4eef8", "#aacde9", "#6ba7d5", "#2e77b7", "#0b4a8b")
INK = ("#1b1b1b", "#1b1b1b", "#1b1b1b", "#ffffff", "#ffffff")
NO_DATA_FILL, NO_DATA_HATCH, NO_DATA_INK = "#f3f3f3", "#9b9b9b", "#1b1b1b"
SPECIAL_DOTS = "#4d7ea8"
# Regency grids stand a cell apart from each other at the national regency level.
GUTTER = 1
WIDE_COLUMNS = 10  # a grid wider than this is drawn at least 36rem wide on a phone (CSS)

# Tile pitch, tile size, label and value font sizes per view.
VIEWS = {
    "province": {"pitch": 68, "tile": 64, "label": 11, "value": 11, "values": True},
    "national": {"pitch": 24, "tile": 22, "label": 7, "value": 0, "values": False},
    "one-province": {"pitch": 48, "tile": 44, "label": 11, "value": 10, "values": True},
}

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ", "Kab. ")
_VOWELS = set("AEIOU")


def _esc(text):
    """TEXT made safe inside an XML element or a double-quoted attribute."""
    return escape(_INVALID_XML.sub("", str(text)), {'"': "&quot;"})


@functools.cache
def load_layout():
    """The tile grid: {"provinces": {code: {"x", "y", "short"}}, "regencies": {province:
    {code: {"x", "y"}}}, ...}. Cached; treat it as read-only."""
    return json.loads(LAYOUT_FILE.read_text(encoding="utf-8"))


@functools.cache
def load_borders():
    """Land borders between provinces and, for island provinces, the nearest across the sea."""
    return json.loads(BORDERS_FILE.read_text(encoding="utf-8"))


def _grid_size(cells):
    return (max(c["x"] for c in cells.values()) + 1, max(c["y"] for c in cells.values()) + 1)


@functools.cache
def national_regency_cells():
    """Where every regency and city sits at the national regency level, in cells:
    ({code: (x, y)}, {province: (x, y, width, height)} of each province's grid).

    Each row of the province grid becomes a band as tall as its tallest regency grid, with a
    gutter between bands. Along a band, each province's grid is centred on its province's
    column (columns SLOT cells apart), pushed right just enough to keep a gutter from the grid
    before it. So provinces keep their order and rows, no two grids overlap, and the map stays
    compact where a wide grid (Jawa Timur) would otherwise widen a whole column."""
    layout = load_layout()
    provinces, grids = layout["provinces"], layout["regencies"]
    sizes = {code: _grid_size(grids[code]) for code in provinces}
    slot = round(sum(w for w, _ in sizes.values()) / len(sizes)) + GUTTER
    heights = {}
    for code, place in provinces.items():
        heights[place["y"]] = max(heights.get(place["y"], 0), sizes[code][1])
    tops = {row: sum(heights.get(r, 0) + GUTTER for r in range(row)) for row in heights}
    lefts = {}
    for row in heights:
        right = None
        for code in sorted(
            (c for c, p in provinces.items() if p["y"] == row), key=lambda c: provinces[c]["x"]
        ):
            w = sizes[code][0]
            left = provinces[code]["x"] * slot + (slot - GUTTER - w) // 2
            if right is not None:
                left = max(left, right + GUTTER)
            lefts[code] = left
            right = left + w
    shift = min(lefts.values())
    cells, boxes = {}, {}
    for code, place in provinces.items():
        w, h = sizes[code]
        left = lefts[code] - shift
        top = tops[place["y"]] + (heights[place["y"]] - h) // 2
        boxes[code] = (left, top, w, h)
        for regency, cell in grids[code].items():
            cells[regency] = (left + cell["x"], top + cell["y"])
    return cells, boxes


def _words(name):
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix) :]
            break
    return [w for w in re.split(r"[\s\-]+", name.replace(".", " ")) if w and w != "dan"]


def abbreviation(name):
    """A 2-4 letter label for a regency or city: the initials of a name of several words
    ("Timor Tengah Selatan" -> "TTS"), else the first letter and the next consonants
    ("Jember" -> "JMB")."""
    words = _words(name)
    if not words:
        return ""
    if len(words) > 1:
        return "".join(w[0] for w in words[:4]).upper()
    return _skeleton(words[0])


def _consonants(word):
    return [c for c in word.upper()[1:] if c.isalpha() and c not in _VOWELS]


def _skeleton(word):
    letters = [word[0].upper()] + _consonants(word)
    if len(letters) < 2:
        letters = list(word.upper()[:3])
    return "".join(letters[:3])


def _candidates(code, name):
    """Labels to try in turn when two regions of one province would share one."""
    words = _words(name)
    out = [abbreviation(name)] if words else []
    if words and name.startswith("Kota"):
        out.append(("K" + out[0])[:4])
    if len(words) > 1:
        out.append((_skeleton(words[0])[:2] + "".join(w[0] for w in words[1:]))[:4])
        out.append((words[0][0] + _skeleton(words[-1])).upper())
    elif words:
        first, rest = words[0][0].upper(), _consonants(words[0])
        if len(rest) >= 2:
            out.append(first + rest[0] + rest[-1])
        if len(rest) >= 3:
            out.append(first + rest[1] + rest[2])
    out.append(code[-2:])
    return out


@functools.cache
def _province_labels(entries):
    """{code: label} for ENTRIES ((code, name), ...) of one province, no label used twice:
    where two regions would share one, the first by code keeps it and the others take their
    next candidate (a city "K" + label, a second word's initials, at last the code's digits)."""
    options = {code: _candidates(code, name) for code, name in entries}
    labels = {code: opts[0] for code, opts in options.items()}
    used = set(labels.values())
    seen = set()
    for code in sorted(labels):
        if labels[code] not in seen:
            seen.add(labels[code])
            continue
        labels[code] = next((o for o in options[code][1:] if o not in used), code[-2:])
        used.add(labels[code])
        seen.add(labels[code])
    return labels


def format_number(value):
    """Indonesian style: 1.234 and 12,5 (at most two decimals)."""
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _number(value):
    """VALUE as a float if it is a finite number, else None."""
    if isinstance(value, bool) or not isinstance(value, (Real, Decimal)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _rounded(x, level, whole):
    """X rounded at LEVEL: 0 to 1, 2 or 5 times a power of ten; 1 to half steps of its leading
    digit (150, 70); 2 to two significant figures; 3 not at all. Whole numbers for whole data."""
    if level < 3 and x != 0:
        magnitude = math.floor(math.log10(abs(x)))
        if level == 0:
            options = [n * 10.0**e for e in (magnitude, magnitude + 1) for n in (1, 2, 5)]
            x = math.copysign(min(options, key=lambda o: (abs(o - abs(x)), o)), x)
        else:
            step = 10.0**magnitude / 2 if level == 1 else 10.0 ** (magnitude - 1)
            x = round(x / step) * step
        x = float(f"{x:.12g}")
    if whole:
        return float(math.ceil(x) if level == 3 else round(x))
    return x


def _quantile(xs, q):
    """The Q-quantile of sorted XS, interpolating linearly between ranks."""
    position = q * (len(xs) - 1)
    low = math.floor(position)
    high = min(low + 1, len(xs) - 1)
    return xs[low] + (xs[high] - xs[low]) * (position - low)


def _bounds(xs, classes, level, whole):
    bounds = [xs[0]]
    for left in range(classes - 1, 0, -1):
        # The next bound cuts off an equal share of what is at or above the current one, so a
        # value shared by many regions (often 0) fills one class and the rest are still split.
        rest = xs[bisect.bisect_left(xs, bounds[-1]) :]
        bound = _rounded(_quantile(rest, 1 / (left + 1)), level, whole)
        if bound <= bounds[-1]:
            above = bisect.bisect_right(xs, bounds[-1])
            if above == len(xs):
                break
            bound = _rounded(xs[above], level, whole)
            if bound <= bounds[-1]:
                continue
        if bound > xs[-1]:
            break
        bounds.append(bound)
    # Drop a class nobody falls in (a rounded bound can jump over every value).
    counts = [0] * len(bounds)
    for x in xs:
        counts[bisect.bisect_right(bounds, x) - 1] += 1
    return [b for b, n in zip(bounds, counts, strict=True) if n]


def class_breaks(numbers, classes=CLASSES):
    """The lower bounds of at most CLASSES classes for NUMBERS (see the module's docstring)."""
    xs = sorted(float(x) for x in numbers)
    if not xs:
        return []
    distinct = sorted(set(xs))
    if len(distinct) <= classes:
        return distinct
    whole = all(x.is_integer() for x in xs)
    exact = _bounds(xs, classes, 3, whole)
    for level in (0, 1, 2):
        bounds = _bounds(xs, classes, level, whole)
        if len(bounds) >= len(exact):
            return bounds
    return exact


def _class_labels(bounds, top, range_label, singles):
    """Each class's legend text: its lower bound to the next one (less one for whole numbers;
    the last ends at TOP), or only its value when SINGLES (one distinct value per class)."""
    if singles:
        return [format_number(b) for b in bounds]
    whole = all(float(b).is_integer() for b in bounds) and float(top).is_integer()
    labels = []
    for i, low in enumerate(bounds):
        if i + 1 < len(bounds):
            high = bounds[i + 1] - 1 if whole else bounds[i + 1]
        else:
            high = max(top, low)
        if high <= low:
            labels.append(format_number(low))
        else:
            labels.append(range_label.format(low=format_number(low), high=format_number(high)))
    return labels


def _shades(count):
    """Palette indices for COUNT classes, spread from lightest to darkest."""
    if count <= 1:
        return [0] * count
    return [round(i * (CLASSES - 1) / (count - 1)) for i in range(count)]


def _css_id(text):
    text = re.sub(r"[^A-Za-z0-9_-]", "-", text)
    return text if text[:1].isalpha() else "m" + text


def render(
    level,
    values,
    *,
    names,
    href=None,
    title,
    description,
    unit_label="",
    legend_title="Keterangan",
    province=None,
    no_data_label="Tidak ada data",
    range_label="{low}–{high}",
    special_labels=None,
    breaks=None,
    number_format=format_number,
    id_prefix=None,
    nonce=None,
):
    """The map as an SVG string.

    LEVEL is "province" (38 tiles) or "regency" (all 514, or with PROVINCE="35" only that
    province's). VALUES maps codes to a number, None (no data) or a string such as "<5" (a
    suppressed small count, its own legend entry); a code left out has no data. NAMES maps
    codes to names (escaped here), HREF is None or a callable code -> URL or None. The other
    texts are the caller's, so that they can be translated: TITLE and DESCRIPTION name the
    map for assistive technology; UNIT_LABEL follows a value in a tile's tooltip;
    LEGEND_TITLE heads the legend; NO_DATA_LABEL names missing data; RANGE_LABEL formats a
    class ({low}, {high}); SPECIAL_LABELS maps a string value to its legend text. BREAKS, the
    lower bounds of the classes, replaces the computed ones. ID_PREFIX keeps ids (and the
    style, which is scoped by the root's id) apart when one page holds several maps. NONCE,
    the response's Content-Security-Policy nonce (request.csp_nonce), lets a browser apply the
    map's <style>; a PDF has no policy and needs none.

    The root has role="img": assistive technology announces one image named by TITLE and
    DESCRIPTION, not 514 tiles; the links stay reachable by keyboard, and a page should give
    the same figures as a table."""
    layout = load_layout()
    if level == "province":
        if province is not None:
            raise ValueError("a province map shows every province")
        view = VIEWS["province"]
        cells = {code: (p["x"], p["y"]) for code, p in layout["provinces"].items()}
        boxes = {}
    elif level == "regency":
        if province is None:
            view = VIEWS["national"]
            cells, boxes = national_regency_cells()
        else:
            if province not in layout["regencies"]:
                raise ValueError(f"unknown province {province!r}")
            view = VIEWS["one-province"]
            cells = {c: (p["x"], p["y"]) for c, p in layout["regencies"][province].items()}
            boxes = {}
    else:
        raise ValueError(f"unknown level {level!r}")
    special_labels = special_labels or {}

    # Classify what this view shows; values of other codes play no part.
    numbers, specials, shown = {}, [], {}
    for code in cells:
        raw = values.get(code)
        if isinstance(raw, str):
            shown[code] = ("special", raw)
            if raw not in specials:
                specials.append(raw)
            continue
        number = _number(raw)
        if number is None:
            shown[code] = ("none", None)
        else:
            numbers[code] = number
            shown[code] = ("number", raw)
    specials.sort()
    bounds = (
        sorted(float(b) for b in breaks)
        if breaks is not None
        else class_breaks(list(numbers.values()))
    )
    shades = _shades(len(bounds))

    prefix = _css_id(
        id_prefix
        or "ntm-"
        + hashlib.blake2s(f"{level}|{province}|{title}".encode(), digest_size=4).hexdigest()
    )
    pitch, tile = view["pitch"], view["tile"]
    margin = pitch // 2
    width_cells = max(x for x, _ in cells.values()) + 1
    height_cells = max(y for _, y in cells.values()) + 1
    map_width = margin * 2 + width_cells * pitch - (pitch - tile)
    map_height = margin * 2 + height_cells * pitch - (pitch - tile)

    if level == "province":
        labels = {code: p["short"] for code, p in layout["provinces"].items()}
    else:
        labels = {}
        by_province = {}
        for code in cells:
            by_province.setdefault(code[:2], []).append((code, names.get(code) or ""))
        for entries in by_province.values():
            labels.update(_province_labels(tuple(sorted(entries))))

    out = []
    add = out.append
    # Province backdrops at the national regency level, so that each grid reads as one.
    pad = (pitch - tile) + pitch // 5
    for code in sorted(boxes):
        x, y, w, h = boxes[code]
        add(
            f'<rect class="pb" x="{margin + x * pitch - pad}" y="{margin + y * pitch - pad}" '
            f'width="{w * pitch - (pitch - tile) + 2 * pad}" '
            f'height="{h * pitch - (pitch - tile) + 2 * pad}"/>'
        )
    unit = f" {unit_label}" if unit_label else ""
    show_values = view["values"]
    half = tile / 2
    for code in sorted(cells):
        cx, cy = cells[code]
        x, y = margin + cx * pitch, margin + cy * pitch
        kind, raw = shown[code]
        name = names.get(code) or code
        if kind == "number":
            number = numbers[code]
            index = max(0, bisect.bisect_right(bounds, number) - 1)
            css = f"c{shades[index]}"
            value_text = number_format(raw)
            tooltip = f"{name}: {value_text}{unit}"
        elif kind == "special":
            css, value_text = "sp", raw
            # Its legend's words where given ("<5: 1 to 4 cases"): the unit may be a rate
            # ("per 10,000"), which a count's mark is not.
            described = special_labels.get(raw)
            tooltip = f"{name}: {described}" if described else f"{name}: {raw}{unit}"
        else:
            css, value_text = "nd", ""
            tooltip = f"{name}: {no_data_label}"
        url = href(code) if href is not None else None
        if url:
            add(f'<a href="{_esc(url)}">')
        add(f'<g data-code="{code}" class="{css}"><title>{_esc(tooltip)}</title>')
        add(f'<rect x="{x}" y="{y}" width="{tile}" height="{tile}"/>')
        label = _esc(labels.get(code) or code[-2:])
        if show_values and value_text:
            add(
                f'<text x="{x + half:g}" y="{y + half - view["label"] * 0.6:g}" '
                f'aria-hidden="true">{label}</text>'
                f'<text class="v" x="{x + half:g}" y="{y + half + view["value"] * 0.7:g}" '
                f'aria-hidden="true">{_esc(value_text)}</text>'
            )
        else:
            add(f'<text x="{x + half:g}" y="{y + half:g}" aria-hidden="true">{label}</text>')
        add("</g></a>" if url else "</g>")

    # The legend, below the map: one entry per class, then the strings, then no data.
    singles = breaks is None and len(set(numbers.values())) <= CLASSES
    class_texts = _class_labels(bounds, max(numbers.values(), default=0), range_label, singles)
    entries = [(f"c{s}", "class", t) for s, t in zip(shades, class_texts, strict=True)]
    entries += [("sp", "special", special_labels.get(s, s)) for s in specials]
    entries.append(("nd", "no-data", no_data_label))
    scale = max(1.0, map_width / 1400)
    font = 13 * scale
    swatch = 16 * scale
    entry_width = 150 * scale
    row_height = 24 * scale
    per_row = max(1, int((map_width - 2 * margin) // entry_width))
    legend_top = map_height + font
    legend = [
        f'<g class="key" transform="translate({margin},{legend_top:g})">'
        f'<text class="kt" x="0" y="{font / 2:g}">{_esc(legend_title)}</text>'
    ]
    for i, (css, kind, text) in enumerate(entries):
        ex = (i % per_row) * entry_width
        ey = font * 1.2 + (i // per_row) * row_height
        legend.append(
            f'<g class="{css}" data-legend="{kind}"><rect x="{ex:g}" y="{ey:g}" '
            f'width="{swatch:g}" height="{swatch:g}"/><text x="{ex + swatch * 1.4:g}" '
            f'y="{ey + swatch / 2:g}">{_esc(text)}</text></g>'
        )
    legend.append("</g>")
    rows = (len(entries) + per_row - 1) // per_row
    total_height = legend_top + font * 1.2 + rows * row_height + margin
    total_width = max(map_width, margin + min(len(entries), per_row) * entry_width)

    p = f"#{prefix}"
    tile_rules = "".join(
        f"{p} .c{i} rect{{fill:{PALETTE[i]}}}{p} .c{i} text{{fill:{INK[i]}}}"
        for i in range(CLASSES)
    )
    style = (
        # At most its natural size: a small province's grid is not blown up to the page's width.
        f"{p}{{max-width:{total_width:g}px;height:auto}}"
        f"{p} text{{font-family:sans-serif;text-anchor:middle;dominant-baseline:central;"
        f"pointer-events:none;font-size:{view['label']}px}}"
        f"{p} .v{{font-size:{view['value'] or 1}px;"
        f"font-weight:bold}}"
        f"{p} [data-code]>rect{{stroke:#ffffff;stroke-width:1}}"
        f"{p} .pb{{fill:#f5f5f5;stroke:#d5d5d5}}"
        f"{tile_rules}"
        f"{p} .nd rect{{fill:url(#{prefix}-nd)}}{p} .nd text{{fill:{NO_DATA_INK}}}"
        f"{p} .sp rect{{fill:url(#{prefix}-sp)}}{p} .sp text{{fill:{INK[0]}}}"
        f"{p} a:hover rect,{p} a:focus rect{{stroke:#000000;stroke-width:2}}"
        f"{p} .key text{{text-anchor:start;fill:#1b1b1b;font-size:{font:g}px}}"
        f"{p} .key .kt{{font-weight:bold}}{p} .key rect{{stroke:#767676}}"
    )
    hatch = max(4, tile // 6)
    defs = (
        f'<defs><pattern id="{prefix}-nd" width="{hatch}" height="{hatch}" '
        f'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="{hatch}" height="{hatch}" fill="{NO_DATA_FILL}" stroke="none"/>'
        f'<line x1="0" y1="0" x2="0" y2="{hatch}" stroke="{NO_DATA_HATCH}" stroke-width="1.5"/>'
        f"</pattern>"
        f'<pattern id="{prefix}-sp" width="{hatch}" height="{hatch}" '
        f'patternUnits="userSpaceOnUse"><rect width="{hatch}" height="{hatch}" '
        f'fill="{PALETTE[0]}" stroke="none"/><circle cx="{hatch / 2:g}" cy="{hatch / 2:g}" '
        f'r="{max(0.8, hatch / 8):g}" fill="{SPECIAL_DOTS}"/></pattern></defs>'
    )
    # A map whose tiles are links is a group of links for assistive technology: an image may
    # hold nothing focusable (axe: nested-interactive), and its links would be lost.
    role = "group" if href is not None else "img"
    # A grid of many columns is drawn wider than a phone (the page lets it scroll sideways on
    # its own), so that its tiles stay large enough to read and to tap.
    wide = " wide" if width_cells > WIDE_COLUMNS else ""
    # The sizes in the style are computed per map, so it cannot live in the static CSS.
    # "is not None": request.csp_nonce is lazy, and false until it is first read.
    nonce_attribute = f' nonce="{_esc(nonce)}"' if nonce is not None else ""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{prefix}" class="netra-tilemap{wide}" '
        f'viewBox="0 0 {total_width:g} {total_height:g}" width="100%" role="{role}" '
        f'aria-labelledby="{prefix}-t {prefix}-d">'
        f'<title id="{prefix}-t">{_esc(title)}</title><desc id="{prefix}-d">'
        f"{_esc(description)}</desc>{defs}<style{nonce_attribute}>{style}</style>"
    )
    return head + "".join(out) + "".join(legend) + "</svg>"
