"""Write the labeled posts the partisanship model is trained and tested on.

    python tools/build_monitoring_corpus.py

Two files under src/netra/monitoring/data/ (see corpus-datasheet.md):
- corpus.jsonl: the training corpus (train and held-out split), from the sentence patterns and
  word lists of TRAIN below;
- corpus-separate.jsonl: a second set from patterns and words written separately (SEPARATE),
  sharing no pattern with the first, to show whether the model generalises.

Deterministic: the same script writes the same files. Every post is fictional; the candidates
are the fictional pairs of the default gazetteer.
"""

import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/netra/monitoring/data"

TRAIN = {
    "slots": {
        "cand": [
            "Bambang Sari",
            "Pak Bambang",
            "Bu Sari Wulandari",
            "Hadi Wulan",
            "Mas Hadi Prasetyo",
            "Rahmat Dewi",
            "Pak Rahmat Hidayat",
            "Gus Fikri",
            "Bu Yuliana",
            "Mas Bagus",
        ],
        "num": [
            "01",
            "02",
            "03",
            "nomor urut 1",
            "nomor urut 2",
            "nomor urut 3",
            "no 2",
            "paslon 02",
            "paslon 03",
            "nomor 1",
        ],
        "gesture": [
            "salam dua jari",
            "pose tiga jari",
            "salam satu jari",
            "gaya dua jari",
            "✌",
            "🤟",
        ],
        "slogan": [
            "Jember Maju Bersama",
            "Lanjutkan Perubahan",
            "Satu Hati Satu Tujuan",
            "Menang Satu Putaran",
            "Bersama Membangun Desa",
        ],
        "tag": [
            "#BambangSari",
            "#HadiWulan",
            "#01Menang",
            "#02Jaya",
            "#JemberMajuBersama",
            "#MenangSatuPutaran",
        ],
        "place": [
            "balai desa",
            "pendopo",
            "lapangan",
            "rumah Pak RT",
            "gedung serbaguna",
            "kantor kecamatan",
        ],
        "day": ["Sabtu", "Minggu", "Jumat malam", "besok sore", "Senin pagi"],
        "office": ["dinas", "kantor", "sekolah", "puskesmas", "kecamatan", "kelurahan"],
        "food": ["nasi pecel", "bakso", "rawon", "soto ayam", "es teh", "tahu tek"],
        "sport": ["timnas", "Persebaya", "Persija", "bulu tangkis", "voli antar desa"],
    },
    "partisan_support": [
        "Ayo dukung {cand} {num}, pilihan tepat untuk kita semua!",
        "Sudah saatnya {cand} memimpin. {slogan}! {tag}",
        "Kompak foto bareng {cand} {gesture} di {place} tadi, mantap!",
        "Yuk gabung grup relawan {cand}, share ke teman2 kantor ya {tag}",
        "Bapak ibu guru, mari kita menangkan {num} demi pendidikan yang lebih baik",
        "Undangan silaturahmi bersama {cand} {day} di {place}, wajib hadir ya rekan2 ASN",
        "Aku sih {num}, udah jelas programnya. {gesture}",
        "Gas pol {cand}! Coblos {num} tanggal 27 November. {tag}",
        "Saya dan keluarga siap memenangkan {cand}, {slogan}",
        "Monggo sedulur, pilih {cand} {num} nggih, sampun terbukti",
        "Kaos {cand} udah dibagi di {office}, pakai pas apel ya",
        "Like dan share postingan {cand} ya gaes, biar makin viral {tag}",
        "Pasang spanduk {cand} di depan {office} biar semua tahu dukungan kita",
        "Hadir di deklarasi {cand} di {place}, luar biasa semangatnya {gesture}",
        "{num} menang! Kita kawal sampai TPS {tag}",
        "Selfie dulu sama {cand} sebelum orasi, {gesture} jangan lupa",
        "Rekan2 {office}, kumpul {day} di {place} buat konsolidasi tim {cand}",
        "Mobil dinas dipakai jemput relawan {cand}, demi kemenangan {num}",
        "Wis mantep pilih {cand}, ora iso ditawar maneh {num}",
        "Solid bersama {cand}, {slogan} {tag}",
        "Bagi sembako atas nama {cand} di {place} {day}, ajak warga ya",
        "Follow akun resmi {cand} dan ikuti terus kegiatannya, {num} pasti menang",
        "Pokoke {num}! {cand} paling cocok mimpin daerah kita",
        "Sebagai guru saya mengajak wali murid memilih {cand}, {slogan}",
        "Kampanye akbar {cand} {day}, ayo ramaikan bareng rekan kantor {gesture}",
    ],
    "neutrality_related": [
        "ASN jangan ikut-ikutan dukung paslon, netralitas itu wajib",
        "Ingat, PNS dilarang foto dengan {gesture} bersama calon. Jaga netralitas!",
        "Bawaslu mengimbau ASN tidak like atau share konten kampanye {cand}",
        "Pemungutan suara tanggal 27 November, jangan lupa datang ke TPS ya",
        "Sosialisasi netralitas ASN di {office} hari ini bersama Bawaslu",
        "Wah hebat ya ada kepala {office} ikut kampanye {cand}, katanya netral 🙄",
        "Kalau lihat ASN kampanye, laporkan ke Bawaslu dengan bukti foto dan tautan",
        "Debat paslon malam ini disiarkan TV lokal, simak visi misinya sebelum memilih",
        "Netral itu bukan berarti golput, ASN tetap wajib memilih di TPS",
        "Ada yang tahu sanksi buat PNS yang ikut kampanye? Katanya bisa turun jabatan",
        "Stop politisasi birokrasi! ASN harus melayani semua warga tanpa memihak",
        "Cek DPT kamu sekarang, pastikan terdaftar sebelum hari pencoblosan",
        "Tidak boleh pakai mobil dinas untuk kegiatan kampanye siapa pun",
        "KPU mengumumkan jadwal kampanye dimulai 25 September sampai 23 November",
        "Jangan sebar hoaks soal {cand}, cek dulu kebenarannya sebelum share",
        "Aku ASN, jadi aku netral. Pilihanku rahasia, cukup di bilik suara",
        "Ojo melu-melu kampanye yo rek, ASN kudu netral",
        "Pengawas TPS sudah dilatih, semoga pemilihan berjalan jujur dan adil",
        "Baca lagi aturan netralitas ASN, jangan sampai kena sanksi gara-gara like postingan calon",
        "Lucu juga ya, yang paling semangat teriak netral malah yang pasang baliho {cand} 😂",
        "Warga {place} diimbau tidak menerima amplop dari tim mana pun",
        "Bimtek pengawasan pemilu untuk kepala desa digelar di {place} {day}",
        "ASN boleh hadir debat sebagai penonton tapi tidak boleh pakai atribut calon",
        "Kenapa ya masih ada guru yang ajak murid dukung {num}? Itu melanggar",
        "Hari tenang, stop semua kampanye. Yuk jaga suasana tetap damai",
    ],
    "unrelated": [
        "Makan siang {food} di depan {office}, enak banget",
        "Nonton {sport} semalam seru parah, dukung terus sampai juara!",
        "Antrian di loket nomor 2 lama banget hari ini",
        "Jari kelingking kejepit pintu, dua jari bengkak 😭",
        "Rapat koordinasi anggaran {office} sampai sore, capek tapi lancar",
        "Selamat ulang tahun rekan kerja terbaik, semoga sehat selalu",
        "Hujan deras di {place}, hati-hati di jalan ya",
        "Pelatihan Excel untuk staf {office} {day}, ada yang mau ikut?",
        "Resep {food} ala ibu, gampang banget dibuat di rumah",
        "Foto bareng teman SMA di reuni kemarin, kangen masa sekolah",
        "Upacara hari Senin di {office}, jangan lupa pakai seragam",
        "Mobil mogok di tol, untung ada bengkel dekat situ",
        "Share lokasi warung {food} paling enak di kota dong",
        "Kerja bakti bersih-bersih {place} {day}, bawa sapu ya",
        "Pengumuman libur nasional dan cuti bersama sudah keluar",
        "Bayi saya baru bisa jalan, bahagia sekali rasanya",
        "Like postingan ini kalau kamu juga suka {food}",
        "Laporan keuangan akhir tahun harus selesai minggu ini",
        "Gabung grup senam pagi di {place}, gratis untuk warga",
        "Siap-siap mudik, tiket kereta sudah di tangan",
        "Nomor urut antrean vaksin saya 03, lumayan cepat",
        "Pasang spanduk lomba tujuh belasan di {place}, ramai sekali",
        "Kopi pagi dulu sebelum masuk {office}",
        "Tim voli {office} menang lagi, pertahankan!",
        "Mohon doanya, ibu saya sedang dirawat di puskesmas",
    ],
}

SEPARATE = {
    "slots": {
        "cand": ["Pak Agus Salim", "Bu Yuliana", "Gus Fikri", "Mas Bagus", "Hadi Prasetyo"],
        "num": ["nomor urut 1", "nomor urut 3", "paslon 03", "no 1"],
        "gesture": ["salam tiga jari", "pose dua jari", "salam satu jari"],
        "tag": ["#03Pasti", "#LanjutkanPerubahan", "#RahmatDewi"],
        "place": ["aula desa", "warung kopi", "masjid", "alun-alun"],
        "thing": ["jersey", "payung", "kalender", "stiker"],
    },
    "partisan_support": [
        "Barusan ketemu {cand}, langsung {gesture} bareng. Pilihan hati {num}!",
        "Rekan2 guru yang belum punya {thing} {cand} bisa ambil di {place}",
        "{tag} — mari menangkan {cand} dari desa sampai kota",
        "Ikut konvoi {cand} sore ini, seru bareng teman kantor",
        "Tolong bantu sebarkan video {cand} ini ya, {num} pasti jaya",
        "Dukungan penuh untuk {cand}, kami warga {place} siap memenangkan",
    ],
    "neutrality_related": [
        "Sebagai pegawai negeri kami tidak boleh ikut konvoi atau berfoto {gesture}",
        "Info: pengaduan pelanggaran netralitas bisa lewat Bawaslu kabupaten",
        "Semoga pilkada tahun ini aman, siapa pun pemenangnya tetap saudara",
        "Bupati minta camat dan lurah tidak memihak dalam pilkada",
        "Heran, kok masih ada pegawai yang bagi-bagi {thing} {cand}. Nggak takut sanksi?",
        "Jangan golput, datang ke TPS dan gunakan hak pilihmu dengan bijak",
    ],
    "unrelated": [
        "Ada yang jual {thing} murah di sekitar {place}?",
        "Hari ini rapat evaluasi kinerja sampai magrib",
        "Pose dua jari di foto wisuda adik, lucu banget",
        "Nomor 1 di lomba lari antar kantor, alhamdulillah",
        "Warung kopi dekat {place} buka 24 jam sekarang",
        "Siapa yang mau ikut bersepeda pagi Minggu ini?",
    ],
}


def variants(rng, text):
    """Registers: as written, casual lowercase, slang spellings, shouting, with a tail."""
    roll = rng.random()
    if roll < 0.25:
        text = text.lower()
    elif roll < 0.4:
        for formal, slang in (
            ("yang", "yg"),
            ("dengan", "dgn"),
            ("tidak", "gak"),
            ("sudah", "udh"),
            ("untuk", "utk"),
            ("jangan", "jgn"),
            ("banget", "bgt"),
            ("saya", "sy"),
        ):
            text = text.replace(formal, slang)
    elif roll < 0.45:
        text = text.upper()
    if rng.random() < 0.3:
        text += rng.choice([" 🙏", "!!!", " wkwk", " 🔥", " mantul", " 👍", "..."])
    return text


def fill(rng, pattern, slots):
    text = pattern
    for key, values in slots.items():
        while "{" + key + "}" in text:
            text = text.replace("{" + key + "}", rng.choice(values), 1)
    return text


def build(spec, count_per_label, seed, prefix):
    rng = random.Random(seed)
    posts, seen = [], set()
    for label in ("partisan_support", "neutrality_related", "unrelated"):
        made = 0
        attempts = 0
        while made < count_per_label and attempts < count_per_label * 50:
            attempts += 1
            text = variants(rng, fill(rng, rng.choice(spec[label]), spec["slots"]))
            if text in seen:
                continue
            seen.add(text)
            posts.append({"id": f"{prefix}-{len(posts) + 1:04d}", "text": text, "label": label})
            made += 1
    rng.shuffle(posts)
    return posts


def write(path, posts):
    with path.open("w", encoding="utf-8") as out:
        for post in posts:
            out.write(json.dumps(post, ensure_ascii=False) + "\n")


def main():
    write(OUT / "corpus.jsonl", build(TRAIN, 560, 2024, "c"))
    write(OUT / "corpus-separate.jsonl", build(SEPARATE, 70, 7, "s"))


if __name__ == "__main__":
    main()
