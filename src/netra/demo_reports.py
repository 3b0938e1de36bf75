"""Fictional public reports for the demo: filed through the public form and its real action
over the last days, waiting in the officers' queue; the officer has asked one reporter a
question. Three are about Kalisat, a district of Jember: its district supervisor (wulan) has
studied one and handed it over to the regency office (alice's). The receipt codes are printed,
so that the reporter's status page can be tried."""

from datetime import timedelta

from django.utils import timezone

from netra.accounts.models import User
from netra.regions.models import Region
from netra.reports import actions, receipts
from netra.reports.forms import SubmissionForm
from netra.reports.models import Submission

#: (regency or city, or a district of one, person, agency, what happened, the reporter or None
#: for anonymous).
REPORTS = [
    (
        "35.09",
        "Budi Santoso",
        "Dinas Pendidikan",
        "Guru SD membagikan stiker pasangan calon kepada wali murid saat pengambilan rapor.",
        ("Siti Aminah", "Jl. Kenanga 12, Sumbersari, Jember", "siti.aminah@pelapor.demo.test"),
    ),
    (
        "35.09.27",
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
        "35.09.27",
        "Sugeng Riyadi",
        "Pemerintah Desa Sumberjeruk, Kecamatan Kalisat",
        "Kepala desa mengumpulkan perangkat desa dan meminta mereka memasang spanduk pasangan "
        "calon di setiap dusun.",
        ("Ahmad Muzaki", "Dusun Krajan RT 2, Sumberjeruk, Kalisat, Jember", ""),
    ),
    (
        "35.09.27",
        "Nur Hasanah",
        "UPTD Puskesmas Kalisat",
        "Bidan puskesmas membagikan kalender bergambar pasangan calon kepada peserta posyandu.",
        ("Lilik Suryani", "Jl. Diponegoro 8, Kalisat, Jember", "lilik.s@pelapor.demo.test"),
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
    filed_ones, filed_at, lines = {}, {}, []

    for number, (code, person, agency, story, reporter) in enumerate(REPORTS):
        filed = now - timedelta(hours=rng.randint(3, 120), minutes=rng.randint(0, 59))
        known = timezone.localtime(filed).date() - timedelta(days=rng.randint(0, 2))
        filed_at[number] = filed

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
                "region": code[:5],
                "district": code if code.count(".") == 2 else "",
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

    def hand_over():
        # The district supervisor of Kalisat studies the village head's report and hands it
        # over to the regency office.
        wulan, submission = User.objects.get(username="wulan"), filed_ones[handed_over]
        actions.record_study(wulan, submission, STUDY)
        actions.hand_over(wulan, submission)

    handed_over = next(n for n, report in enumerate(REPORTS) if report[1] == HANDED_OVER)
    timeline.at(filed_at[handed_over] + timedelta(minutes=rng.randint(30, 90)), hand_over)

    return lines


#: The report (by its reported person) that Kalisat's district supervisor hands over.
HANDED_OVER = "Sugeng Riyadi"
STUDY = (
    "Syarat formal: nama dan alamat pelapor lengkap, dilaporkan dalam batas waktu. Syarat "
    "materiel: waktu, tempat dan uraian kejadian jelas; saksi dua perangkat desa. Diserahkan "
    "ke Bawaslu Kabupaten Jember untuk registrasi."
)
