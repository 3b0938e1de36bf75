"""What the digest and report tests share: RegionRisk rows written directly (as the risk
refresh would write them), case facts with chosen moments, and officers with addresses."""

from datetime import datetime
from itertools import count

from django.utils import timezone

from netra.risk.score import COMPONENTS

WIB = timezone.get_fixed_timezone(7 * 60)
_ids = count(500_000)


def risk(election, code, score, values=None, facts=None, at=None):
    """The RegionRisk row of region CODE: VALUES (component -> value; the others no data)."""
    from netra.regions.models import Region
    from netra.risk.models import RegionRisk

    values = values or {}
    components = {name: values.get(name) for name in COMPONENTS}
    row, _created = RegionRisk.objects.update_or_create(
        election=election,
        region=Region.objects.get(code=code),
        defaults={
            "score": score,
            "components": components,
            "facts": facts
            or {
                name: ({"weight": 1} if components[name] is not None else {"reason": "no_roster"})
                for name in COMPONENTS
            },
            "missing": [name for name in COMPONENTS if components[name] is None],
            "computed_at": at or timezone.now(),
        },
    )
    return row


def case_fact(election, code, received_at, source="report", state="registered", **moments):
    from netra.insights.models import CaseFact

    return CaseFact.objects.create(
        case_id=next(_ids),
        election_id=election.pk,
        region_code=code,
        province_code=code[:2],
        source=source,
        state=state,
        received_at=received_at,
        **moments,
    )


def at(year, month, day, hour=9):
    return datetime(year, month, day, hour, tzinfo=WIB)


def with_address(*users):
    for user in users:
        user.email = f"{user.username}@bawaslu.go.id"
        user.save()
    return users


def pdf_text(pdf):
    """The text a PDF shows, page after page, through its fonts' ToUnicode maps (WeasyPrint
    writes glyph numbers, not letters); lines as drawn."""
    import re

    from ..pdf_streams import streams

    inflated = streams(pdf)
    glyphs = {}
    for stream in inflated:
        if b"begincmap" in stream:
            body = stream.split(b"endcodespacerange")[-1]
            for code, text in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", body):
                glyphs[code.lower()] = bytes.fromhex(text.decode()).decode("utf-16-be")
    lines = []
    for stream in inflated:
        if b" Tf" not in stream:
            continue
        for array, single in re.findall(rb"\[(.*?)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj", stream, re.S):
            chunk = array or b"<" + single + b">"
            words = []
            for hexed in re.findall(rb"<([0-9a-fA-F]*)>", chunk):
                hexed = hexed.lower()
                words.append(
                    "".join(glyphs.get(hexed[i : i + 4], "?") for i in range(0, len(hexed), 4))
                )
            lines.append("".join(words))
    return "\n".join(lines)
