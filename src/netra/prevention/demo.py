"""Fictional prevention work for the demo regions, made through the real actions: circulars,
events whose attendance comes from generated Zoom exports and sign-in sheets, collective and
signed pledges. Some agencies are left unreached on purpose, so coverage has gaps to show."""

import csv
import io
from datetime import timedelta

from django.utils import timezone

from netra.accounts.models import User
from netra.people.models import Agency, Employee
from netra.regions.models import Region

from . import actions
from .models import Event

DEMO_MARK = "[demo] "
REGIONS = {
    "35.09": ("Bupati Jember", "800/6516/35.09/{year}"),
    "15.71": ("Wali Kota Jambi", "800/1123/15.71/{year}"),
    "35.78": ("Wali Kota Surabaya", "800/2277/35.78/{year}"),
}


def _zoom_export(people, start, rng):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            "Name (Original Name)",
            "User Email",
            "Join Time",
            "Leave Time",
            "Duration (Minutes)",
            "Guest",
        ]
    )
    for person in people:
        joined = start + timedelta(minutes=rng.randint(0, 15))
        minutes = rng.choice([10, 45, 60, 75, 90])
        name = person.name if rng.random() < 0.7 else f"HP {person.name.split(',')[0]}"
        writer.writerow(
            [
                name,
                "",
                joined.strftime("%m/%d/%Y %I:%M:%S %p"),
                (joined + timedelta(minutes=minutes)).strftime("%m/%d/%Y %I:%M:%S %p"),
                minutes,
                "Yes",
            ]
        )
    writer.writerow(
        [
            "Tamu Narasumber",
            "",
            start.strftime("%m/%d/%Y %I:%M:%S %p"),
            (start + timedelta(minutes=80)).strftime("%m/%d/%Y %I:%M:%S %p"),
            80,
            "Yes",
        ]
    )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _sheet(people):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Nama", "NIP", "Unit Kerja", "Jabatan"])
    for person in people:
        writer.writerow([person.name, person.nip or "", person.agency.name, person.position])
    return out.getvalue().encode("utf-8")


def plan_demo_prevention(timeline, now, rng, *, election):
    """Put the prevention work of the demo on TIMELINE (netra/demo_clock.py), in the weeks
    before NOW: a circular per region, then an event per reached agency every few days, its
    attendance imported the day after; one event per region is still to come."""
    if Event.objects.filter(title__startswith=DEMO_MARK).exists():
        return ["pencegahan demo: sudah ada"]
    officer = User.objects.get(username="fajar")
    local_now = timezone.localtime(now)
    first = local_now.replace(hour=9, minute=0, second=0, microsecond=0) - timedelta(days=66)
    planned = []
    for code, (issuer, number) in REGIONS.items():
        region = Region.objects.get(code=code)
        issued = first - timedelta(days=4, hours=rng.randint(0, 5))
        timeline.at(
            issued,
            lambda region=region, issuer=issuer, number=number, issued=issued: actions.add_circular(
                officer,
                region=region,
                number=number.format(year=issued.year),
                issued_on=issued.date(),
                issuer=issuer,
                subject=f"Netralitas Aparatur Sipil Negara pada {election.name_id}",
            ),
        )
        agencies = list(Agency.objects.filter(region=region).order_by("name"))
        reached = agencies[: max(1, len(agencies) * 2 // 3)]  # a third never reached
        for index, agency in enumerate(reached):
            # Spread over the two months before last week, whatever the number of agencies.
            start = first + timedelta(
                days=60 * index // len(reached), hours=rng.choice([0, 0, 1, 4])
            )
            event = _DemoEvent(officer, region, agency, election, start, index, rng)
            timeline.at(
                start - timedelta(days=rng.randint(3, 9), hours=rng.randint(0, 6)), event.plan
            )
            if start + timedelta(days=2) < now:
                timeline.at(start + timedelta(days=1, hours=rng.randint(0, 7)), event.held)
                planned.append(event)
        soon = local_now.replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=5)
        upcoming = _DemoEvent(officer, region, reached[-1], election, soon, -1, rng)
        timeline.at(now - timedelta(days=2, hours=rng.randint(0, 8)), upcoming.plan)
    return [f"pencegahan demo: {len(planned)} kegiatan, surat edaran di {len(REGIONS)} wilayah"]


class _DemoEvent:
    """One outreach event of the demo: planned, then held and its attendance imported."""

    def __init__(self, officer, region, agency, election, start, index, rng):
        self.officer, self.region, self.agency, self.election = officer, region, agency, election
        self.start, self.index, self.rng, self.event = start, index, rng, None

    @property
    def online(self):
        return self.index % 2 == 0

    def plan(self):
        agency, region = self.agency, self.region
        self.event = actions.add_event(
            self.officer,
            region=region,
            election=self.election,
            title=f"{DEMO_MARK}Sosialisasi netralitas ASN {agency.name}",
            kind=Event.Kind.OUTREACH if self.online else Event.Kind.RALLY,
            mode=Event.Mode.ONLINE if self.online else Event.Mode.IN_PERSON,
            place="Zoom" if self.online else f"Halaman {agency.name}",
            starts_at=self.start,
            organiser=f"BKPSDM {region.name}",
            partners=["bawaslu"],
            audience=["asn"],
            target_agencies=[agency],
        )

    def held(self):
        rng, agency = self.rng, self.agency
        staff = list(
            Employee.objects.filter(agency=agency).select_related("agency").order_by("pk")[:400]
        )
        present = rng.sample(staff, k=int(len(staff) * rng.uniform(0.4, 0.8)))
        data = _zoom_export(present, self.start, rng) if self.online else _sheet(present)
        actions.import_attendance(
            self.officer, self.event, [("peserta.csv" if self.online else "daftar-hadir.csv", data)]
        )
        if self.index == 0:
            actions.add_collective_pledge(
                self.officer,
                self.event,
                agencies=[agency],
                signatories=f"Kepala {agency.name} dan seluruh pejabat struktural",
                text=f"Kami berikrar menjaga netralitas ASN pada {self.election.name_id}.",
            )
            signed = rng.sample(staff, k=len(staff) // 2)
            actions.import_signed_pledges(
                self.officer, self.region, "ikrar.csv", _sheet(signed), self.election
            )
