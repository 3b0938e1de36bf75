"""The five colours run from light to dark (so they read in order to colour-blind readers and
in greyscale), and each tile's label contrasts with its colour by at least 4.5:1 (WCAG AA)."""

from netra.insights.tilemap import INK, NO_DATA_FILL, NO_DATA_INK, PALETTE


def _luminance(colour):
    def channel(hex_pair):
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b):
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_classes_run_from_light_to_dark():
    luminances = [_luminance(colour) for colour in PALETTE]
    assert luminances == sorted(luminances, reverse=True)
    assert all(a - b > 0.08 for a, b in zip(luminances, luminances[1:], strict=False))


def test_each_label_contrasts_with_its_tile():
    for fill, ink in zip(PALETTE, INK, strict=True):
        assert _contrast(fill, ink) >= 4.5, (fill, ink)
    assert _contrast(NO_DATA_FILL, NO_DATA_INK) >= 4.5
