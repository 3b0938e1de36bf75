"""Fictional social-media posts for the demo's monitoring queue, pushed through the real
ingestion (classified, near-duplicates grouped) over the last days, as an API client would."""

from datetime import timedelta

from netra.accounts.models import User
from netra.monitoring import actions
from netra.monitoring.inputs import Item
from netra.monitoring.models import Source
from netra.people.models import Employee
from netra.regions.models import Region

SOURCE = "Pantauan media sosial (data demo)"
#: (region, author, text): made up for the demo, in the manner of real posts.
POSTS = [
    (
        "35.09",
        "@guru_sdn_ambulu",
        "Sebagai kepala sekolah saya titip pesan ke wali murid: pilih yang sudah terbukti, "
        "nomor urut 1",
    ),
    (
        "35.09",
        "@camat.kalisat",
        "Foto keluarga besar kami waktu deklarasi Bu Yuliana kemarin, semoga menang!",
    ),
    (
        "35.09",
        "@pegawai_dinsos",
        "Minggu depan ada acara makan bersama dengan tim pemenangan Rahmat Dewi di gedung "
        "serbaguna, staf diharapkan hadir",
    ),
    ("35.09", "@lurah_sumbersari", "Ojo lali rek, coblos Mas Bagus, wis mesti menang"),
    ("35.09", "@lurah_sumbersari", "Ojo lali rek, coblos Mas Bagus, wis mesti menang!!"),
    (
        "35.09",
        "@bidan_desa_ajung",
        "mohon maaf sebelumnya, tp sy pribadi yakin Gus Fikri paling pas. share kalau setuju",
    ),
    (
        "35.09",
        "@infojember",
        "Bawaslu Jember mengingatkan ASN agar menjaga netralitas selama masa kampanye.",
    ),
    ("35.09", "@kulinerjember", "Rawon di pasar Tanjung masih jadi favorit warga setiap pagi."),
    (
        "15.71",
        "@asn_kotajambi",
        "Alhamdulillah tadi malam bisa sowan ke rumah Pak Bambang, beliau sosok yang layak "
        "memimpin. Jangan salah pilih ya bapak ibu",
    ),
    (
        "15.71",
        "@staf_bappeda_jbi",
        "Retweet ya kawan2, biar program Bambang Sari makin dikenal warga",
    ),
    (
        "15.71",
        "@jambiterkini",
        "Sosialisasi netralitas ASN digelar di aula kantor wali kota Jambi hari ini.",
    ),
]


def plan_demo_monitoring(timeline, now, rng):
    """Put the demo's posts on TIMELINE, pushed in small batches over the last five days."""
    if Source.objects.filter(name=SOURCE).exists():
        return ["pemantauan demo: sudah ada"]
    officer = {"35.09": "alice", "15.71": "charlie"}
    batches = {}
    for number, (code, author, text) in enumerate(POSTS):
        pushed = now - timedelta(hours=rng.randint(2, 120), minutes=rng.randint(0, 59))
        published = pushed - timedelta(minutes=rng.randint(5, 600))
        item = Item(f"demo-{number + 1:03d}", SOURCE, "", author, published, text)
        batches.setdefault((code, pushed), []).append(item)
    for (code, pushed), items in batches.items():

        def push(code=code, items=items):
            region = Region.objects.get(code=code)
            actor = User.objects.get(username=officer[code])
            source = actions.source_for(actor, region=region, name=SOURCE, kind=Source.Kind.API)
            actions.ingest(source, items, actor=actor)

        timeline.at(pushed, push)

    def known_account():
        # One account is known to be an employee's: its flags name the person at once.
        region = Region.objects.get(code="35.09")
        employee = Employee.objects.filter(region=region, nip__isnull=False).order_by("pk").first()
        if employee is not None:
            actions.add_handle(
                User.objects.get(username="alice"),
                region=region,
                handle="guru_sdn_ambulu",
                employee=employee,
            )

    timeline.at(now - timedelta(minutes=rng.randint(10, 50)), known_account)
    return [f"pemantauan demo: {len(POSTS)} unggahan masuk antrean"]
