"""Fictional prevention work for the demo regions, made through the real actions: circulars,
events whose attendance comes from generated Zoom exports and sign-in sheets, collective and
signed pledges. Some agencies are left unreached on purpose, so coverage has gaps to show."""

import csv
import io
import random
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from netra.accounts.models import User
from netra.people.models import Agency, Employee
from netra.regions.models import Election, Region

from . import actions
from .models import Event

DEMO_MARK = "[demo] "
REGIONS = {
    "35.09": ("Bupati Jember", "800/6516/35.09/2024"),
    "15.71": ("Wali Kota Jambi", "800/1123/15.71/2024"),
    "35.78": ("Wali Kota Surabaya", "800/2277/35.78/2024"),
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


def load_demo_prevention():
    if Event.objects.filter(title__startswith=DEMO_MARK).exists():
        return ["pencegahan demo: sudah ada"]
    rng = random.Random(2024)
    officer = User.objects.get(username="fajar")
    election = Election.objects.get(code="pilkada-2024")
    events = 0
    with transaction.atomic():
        for code, (issuer, number) in REGIONS.items():
            region = Region.objects.get(code=code)
            actions.add_circular(
                officer,
                region=region,
                number=number,
                issued_on=datetime(2024, 9, 2).date(),
                issuer=issuer,
                subject="Netralitas Aparatur Sipil Negara pada Pemilihan Serentak Tahun 2024",
            )
            agencies = list(Agency.objects.filter(region=region).order_by("name"))
            reached = agencies[: max(1, len(agencies) * 2 // 3)]  # a third never reached
            for index, agency in enumerate(reached):
                start = timezone.make_aware(
                    datetime(2024, 9, 10) + timedelta(days=4 * index, hours=9)
                )
                online = index % 2 == 0
                event = actions.add_event(
                    officer,
                    region=region,
                    election=election,
                    title=f"{DEMO_MARK}Sosialisasi netralitas ASN {agency.name}",
                    kind=Event.Kind.OUTREACH if online else Event.Kind.RALLY,
                    mode=Event.Mode.ONLINE if online else Event.Mode.IN_PERSON,
                    place="Zoom" if online else f"Halaman {agency.name}",
                    starts_at=start,
                    organiser=f"BKPSDM {region.name}",
                    partners=["bawaslu"],
                    audience=["asn"],
                    target_agencies=[agency],
                )
                staff = list(
                    Employee.objects.filter(agency=agency)
                    .select_related("agency")
                    .order_by("pk")[:400]
                )
                present = rng.sample(staff, k=int(len(staff) * rng.uniform(0.4, 0.8)))
                data = _zoom_export(present, start, rng) if online else _sheet(present)
                actions.import_attendance(
                    officer, event, [("peserta.csv" if online else "daftar-hadir.csv", data)]
                )
                events += 1
                if index == 0:
                    actions.add_collective_pledge(
                        officer,
                        event,
                        agencies=[agency],
                        signatories=f"Kepala {agency.name} dan seluruh pejabat struktural",
                        text="Kami berikrar menjaga netralitas ASN pada Pilkada 2024.",
                    )
                    signed = rng.sample(staff, k=len(staff) // 2)
                    actions.import_signed_pledges(
                        officer, region, "ikrar.csv", _sheet(signed), election
                    )
    return [f"pencegahan demo: {events} kegiatan, surat edaran di {len(REGIONS)} wilayah"]
