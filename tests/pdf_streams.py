"""What a PDF carries, for tests that look for a secret in it.

WeasyPrint deflates every stream (pages, fonts, embedded attachments), so a secret's bytes are
not visible in the raw file. ``payload`` gives the raw bytes followed by every stream
inflated; the letter tests first show that an allowed attachment is found this way, so that
a secret's absence means something.
"""

import re
import zlib

STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)


def streams(pdf):
    """Every stream of PDF, inflated when it is deflated, else as stored."""
    found = []
    for match in STREAM.finditer(pdf):
        data = match.group(1)
        try:
            found.append(zlib.decompressobj().decompress(data))
        except zlib.error:
            found.append(data)
    return found


def payload(pdf):
    return b"\n".join([pdf, *streams(pdf)])


def page_sizes(pdf):
    """The MediaBox of every page, in points (A4 is about 595 x 842)."""
    return [
        tuple(round(float(v)) for v in box.split()[2:])
        for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", payload(pdf))
    ]
