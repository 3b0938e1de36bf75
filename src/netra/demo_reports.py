"""Fictional public reports for the demo: filed through the public form and its real action
over the last days, waiting in the officers' queue; the officer has asked one reporter a
question. The receipt codes are printed, so that the reporter's status page can be tried."""

from datetime import timedelta

from django.utils import timezone

from netra.accounts.models import User
from netra.regions.models import Region
from netra.reports import actions, receipts
from netra.reports.forms import SubmissionForm
from netra.reports.models import Submission

#: (regency or city, person, agency, what happened, the reporter or None for anonymous).
REPORTS = [
    (
        "35.09",
        "Budi Santoso",
        "Dinas Pendidikan",
        "Guru SD membagikan stiker pasangan calon kepada wali murid saat pengambilan rapor.",
        ("Siti Aminah", "Jl. Kenanga 12, Sumbersari, Jember", "siti.aminah@pelapor.demo.test"),
    ),
    (
        "35.09",
        "Rina Wahyuni",
        "Kecamatan Kalisat",
        "Camat ikut berfoto dengan pose jari nomor urut calon dalam acara kampanye di lapangan.",
        None,
    ),
    (
        "35.09",
        "Agus Hidayat",
        "Dinas Kesehatan",
        "Pegawai puskesmas mengajak pasien memilih calon tertentu di ruang tunggu.",
        ("Dian Lestari", "Dusun Krajan RT 3, Ajung, Jember", ""),
    ),
    (
        "15.71",
        "Hendra Siregar",
        "Badan Perencanaan Pembangunan Daerah",
        "Kepala bidang mengunggah video dukungan kepada calon wali kota di akun pribadinya.",
        ("Yusuf Harahap", "Jl. Sultan Thaha 5, Jambi", "yusuf.h@pelapor.demo.test"),
    ),
    (
        "15.71",
        "Putri Nasution",
        "Sekretariat Daerah",
        "Lurah mengumpulkan ketua RT untuk mendengarkan program salah satu pasangan calon.",
        None,
    ),
]


def plan_demo_reports(timeline, now, rng, *, election):
    """Put the demo's public reports on TIMELINE, filed over the last five days. Returns the
    report lines, a list filled as the timeline runs (a receipt code exists once filed)."""
    if Submission.objects.filter(election=election).exists():
        return ["laporan demo: sudah ada"]
    filed_ones, lines = {}, []

    for number, (code, person, agency, story, reporter) in enumerate(REPORTS):
        filed = now - timedelta(hours=rng.randint(3, 120), minutes=rng.randint(0, 59))
        known = timezone.localtime(filed).date() - timedelta(days=rng.randint(0, 2))

        def file(
            number=number,
            code=code,
            person=person,
            agency=agency,
            story=story,
            reporter=reporter,
            known=known,
        ):
            data = {
                "description": story,
                "incident_date": known - timedelta(days=1),
                "known_date": known,
                "election": election.code,
                "region": code,
                "person_name": person,
                "person_agency": agency,
                "anonymous": reporter is None,
            }
            if reporter is not None:
                name, address, email = reporter
                data.update(reporter_name=name, reporter_address=address, reporter_email=email)
            form = SubmissionForm(data=data, files={})
            if not form.is_valid():
                raise ValueError(f"demo report: {form.errors.as_json()}")
            submission, receipt = actions.submit(
                form,
                client_ip=f"192.0.2.{number + 10}",  # documentation addresses
            )
            filed_ones[number] = submission
            lines.append(
                f"laporan demo ({Region.objects.get(pk=submission.region_id).name}, "
                f"{'anonim' if reporter is None else reporter[0]}): "
                f"kode tanda terima {receipts.formatted(receipt)}"
            )

        timeline.at(filed, file)

    def ask():
        # The officer asks the first reporter who left an e-mail for more detail.
        actions.ask_reporter(
            User.objects.get(username="alice"),
            filed_ones[0],
            "Mohon kirimkan foto atau tangkapan layar stiker yang dibagikan, bila ada.",
        )

    timeline.at(now - timedelta(minutes=rng.randint(60, 120)), ask)

    return lines
