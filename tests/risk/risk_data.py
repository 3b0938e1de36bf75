"""What the risk tests share: the inputs of each component written directly (the roster's
counts, flags, the statistics' summaries, cases from the public), the IKP through its real
import, outreach through events and attendance, and reading the pages' cells."""

import re
from datetime import datetime
from itertools import count

from django.utils import timezone

ELECTION = "pilkada-2024"
DURING = datetime(2024, 10, 1, 9, 0, tzinfo=timezone.get_fixed_timezone(7 * 60))
WATCH = "/staf/risiko/"
_ids = count(1)


def election(code=ELECTION):
    from netra.regions.models import Election

    return Election.objects.get(code=code)


def roster(counts):
    """RosterCount rows: {code: civil servants} (regencies and the provinces, as the
    statistics' full refresh counts them)."""
    from netra.insights.models import RosterCount

    for code, employees in counts.items():
        RosterCount.objects.update_or_create(
            code=code, defaults={"employees": employees, "counted_at": timezone.now()}
        )


def flags(code, n=1, at=DURING, status="open"):
    """N monitoring flags on posts of region CODE received AT."""
    from netra.monitoring.models import Flag, Source, Text
    from netra.regions.models import Region

    region = Region.objects.get(code=code)
    source, _created = Source.objects.get_or_create(region=region, name="Uji", kind="api")
    for _ in range(n):
        number = next(_ids)
        text = Text.objects.create(
            source=source, external_id=f"t{number}", kind="post", text="Ayo pilih", region=region
        )
        Text.objects.filter(pk=text.pk).update(received_at=at)
        Flag.objects.create(text=text, region=region, score=0.9, status=status)


def public_cases(code, n=1, election_code=ELECTION, source="report"):
    """N case facts of region CODE (a regency's, or a province's own office) from SOURCE."""
    from netra.insights.models import CaseFact

    for _ in range(n):
        CaseFact.objects.create(
            case_id=100_000 + next(_ids),
            election_id=election(election_code).pk,
            region_code=code,
            province_code=code[:2],
            source=source,
            state="registered",
            received_at=DURING,
        )


def figures(election_code, regencies, compliance=None):
    """The statistics' summaries by hand: REGENCIES {code: (cases received, overdue steps)},
    their provinces added up, and the nation's PPK table COMPLIANCE {government code:
    (recommended, answered)}."""
    from netra.insights import funnel
    from netra.insights.models import RegionFigures

    pk = election(election_code).pk
    provinces = {}
    for code, (received, overdue) in regencies.items():
        row = funnel.empty()
        row["counts"]["received"] = received
        row["overdue"] = {"study": overdue} if overdue else {}
        RegionFigures.objects.create(
            election_id=pk, level="regency", code=code, refreshed_at=timezone.now(), **row
        )
        provinces.setdefault(code[:2], []).append(row)
    parts = []
    for code, rows in provinces.items():
        parts.append(funnel.merged(rows))
        RegionFigures.objects.create(
            election_id=pk, level="province", code=code, refreshed_at=timezone.now(), **parts[-1]
        )
    nation = funnel.merged(parts)
    nation["compliance"] = {
        government: {"recommended": recommended, "answered": answered, "days": {}}
        for government, (recommended, answered) in (compliance or {}).items()
    }
    RegionFigures.objects.create(
        election_id=pk, level="national", code="", refreshed_at=timezone.now(), **nation
    )


def ikp(actor, rows, election_code=ELECTION, source="Bawaslu RI, IKP Pemilihan 2024", **kwargs):
    """Import ROWS [(code, score, category)] as an IKP release through the real import."""
    from netra.risk import actions

    lines = ["kode_wilayah,skor,kategori"] + [f"{c},{s},{k}" for c, s, k in rows]
    data = ("\n".join(lines) + "\n").encode()
    return actions.import_ikp(actor, election(election_code), data, source=source, **kwargs)


def employees(code, agency, n):
    """N active employees of AGENCY (made if need be) in region CODE."""
    from netra.people.models import Agency, Employee
    from netra.regions.models import Region

    region = Region.objects.get(code=code)
    made, _created = Agency.objects.get_or_create(
        region=region, name_key=agency.lower(), defaults={"name": agency}
    )
    return Employee.objects.bulk_create(
        Employee(
            name=f"Pegawai {next(_ids)}",
            name_key="pegawai",
            name_phonetic=" pkw ",
            employment_type="pns",
            agency=made,
            region=region,
            updated_at=timezone.now(),
        )
        for _ in range(n)
    )


def outreach(officer, attendees, election_code=ELECTION, status="matched", attended=True):
    """An outreach event of the election in the region of the first attendee, which
    ATTENDEES (employees) attended."""
    from netra.prevention.models import Attendance, Event

    event = Event.objects.create(
        region=attendees[0].region,
        election=election(election_code) if election_code else None,
        title="Sosialisasi netralitas ASN",
        kind="outreach",
        mode="in_person",
        starts_at=DURING,
        organiser="Bawaslu",
        created_by=officer,
    )
    Attendance.objects.bulk_create(
        Attendance(event=event, name=e.name, status=status, employee=e, attended=attended)
        for e in attendees
    )
    return event


def computed(election_code=ELECTION):
    """{code: {"values": ..., "facts": ...}} of the election, as components.compute gives."""
    from netra.risk import components

    return components.compute(election(election_code))


def cell(html, attribute, key):
    """The text of the element carrying data-ATTRIBUTE="KEY" (tags inside it removed)."""
    found = re.search(rf'data-{attribute}="{re.escape(key)}"[^>]*>(.*?)</t[dh]>', html, re.S)
    assert found, (attribute, key)
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def row_html(html, code):
    """The list's table row of region CODE."""
    found = re.search(rf'<tr data-region="{re.escape(code)}">(.*?)</tr>', html, re.S)
    assert found, code
    return found.group(1)
