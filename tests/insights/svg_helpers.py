"""What the map tests share: region names from regions.json and the SVG parsed."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import netra

SVG = "{http://www.w3.org/2000/svg}"
REGIONS = Path(netra.__file__).resolve().parent / "regions/data/regions.json"


def region_names():
    items = json.loads(REGIONS.read_text(encoding="utf-8"))["items"]
    return {code: name for code, name, level, _ in items if level != "district"}


def parse(svg):
    return ET.fromstring(svg)


def tile(root, code):
    """The element that carries DATA-CODE for CODE."""
    found = root.findall(f".//*[@data-code='{code}']")
    assert len(found) == 1, code
    return found[0]


def tiles(root):
    return root.findall(".//*[@data-code]")


def tile_class(root, code):
    return tile(root, code).get("class")


def tooltip(root, code):
    return tile(root, code).find(f"{SVG}title").text


def legend(root):
    """[(kind, swatch class, text)] of the legend, in order."""
    return [
        (entry.get("data-legend"), entry.get("class"), entry.find(f"{SVG}text").text)
        for entry in root.iter(f"{SVG}g")
        if entry.get("data-legend")
    ]
