"""The dev articles of tests/monitoring/articles with their publication dates, for the news
extraction tests (written for these tests, never taken from the frozen evaluation set)."""

from datetime import date
from pathlib import Path

from netra.monitoring.nlp.news import extract

ARTICLES = Path(__file__).resolve().parent / "articles"
PUBLISHED = {
    "situbondo-surat-edaran": date(2024, 10, 16),
    "bondowoso-sosialisasi-hybrid": date(2024, 10, 9),
    "banyuwangi-apel-deklarasi": date(2024, 10, 7),
    "probolinggo-webinar-youtube": date(2024, 10, 17),
    "pasuruan-rakor": date(2024, 10, 1),
    "sidoarjo-pakta-integritas": date(2024, 10, 4),
    "malang-bimtek-zoom": date(2024, 10, 3),
    "jambi-kota-surat-edaran": date(2024, 10, 1),
    "lumajang-ikrar-kades": date(2024, 10, 12),
    "jember-apel-akbar": date(2024, 10, 14),
    "kediri-seminar": date(2024, 10, 8),
    "gresik-sosialisasi-desa": date(2024, 10, 10),
    "situbondo-kordiv-bawaslu": date(2024, 10, 8),
    "bondowoso-selaku-sekda": date(2024, 10, 11),
    "jember-kordiv-kpu": date(2024, 9, 30),
    "lumajang-apel-tiga-hari": date(2024, 10, 16),
    "probolinggo-kabupaten-edaran": date(2024, 9, 25),
    "banyuwangi-dialog-interaktif": date(2024, 10, 17),
    "probolinggo-kota-plh-sekda": date(2024, 10, 9),
    "jatim-kanreg-bkn": date(2024, 10, 4),
    "sumenep-deklarasi-damai": date(2024, 10, 12),
    "blitar-edaran-dan-bimtek": date(2024, 9, 20),
    "tanah-datar-apel-sumbar": date(2024, 10, 14),
    "pontianak-webinar-kalbar": date(2024, 10, 10),
    "situbondo-antara-style": date(2024, 10, 15),
    "jember-sosialisasi": date(2024, 10, 16),
    "jambi-webinar": date(2024, 11, 22),
    "lumajang-deklarasi": date(2020, 11, 20),
    # Written to trip a people-finder: institutions, units, buildings, events, titles
    # without names, unit abbreviations, sentence openers, bylines and captions.
    "situbondo-detik-apel-siaga": date(2024, 10, 14),
    "probolinggo-kompas-rekomendasi-bkn": date(2024, 10, 11),
    "ngawi-antara-webinar-zoom": date(2024, 10, 10),
    "magetan-times-deklarasi-pendopo": date(2024, 10, 9),
    "trenggalek-rilis-prokopim": date(2024, 10, 8),
    "tulungagung-bawaslu-temuan": date(2024, 10, 10),
    "kota-batu-bkpsdm-hybrid": date(2024, 10, 2),
    "pamekasan-tribun-sanksi": date(2024, 10, 16),
    "kubu-raya-sosialisasi-kades": date(2024, 10, 4),
    "agam-apel-korpri-sumbar": date(2024, 10, 7),
    "bojonegoro-kesbangpol-dialog-ormas": date(2024, 10, 3),
    "nganjuk-inspektorat-rakor": date(2024, 10, 2),
}

# The people of the articles above written to trip a people-finder, as the extractor should
# give them: (name, title) in the order of the mention kept. People are the real persons
# quoted or named as acting; the name drops honorifics, degrees and an adat title after it
# ("Dt. Bandaro") but keeps initials and noble particles ("B. Santoso", "Uray ..."); the title
# is the office as written, or "" for a person found only by a speech verb. Bylines, editors
# and photo credits ("Penulis:", "Editor:", "Pewarta:", "Reporter:", "Laporan Wartawan ...")
# are not sources and never people; a title without a name ("kata Kabid PPI", "Kepala
# Disdukcapil Situbondo"), an institution ("Himpunan Mahasiswa Islam menilai"), a building
# ("Ruang Rapat Bupati Trenggalek Cakra Wijaya") and the initials of the accused
# ("berinisial SN") are nobody.
NEW_PEOPLE = {
    "situbondo-detik-apel-siaga": [
        ("Wawan Setiawan", "Ketua Korpri Kabupaten Situbondo"),
        (
            "Eko Prasetyo Nugroho",
            "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Situbondo",
        ),
        ("Siti Maimunah", "Anggota Bawaslu Situbondo"),
        ("Ahmad Zaini Dahlan", "Ketua MUI Situbondo"),
    ],
    "probolinggo-kompas-rekomendasi-bkn": [
        (
            "Ni Luh Made Sukarini",
            "Kepala Bidang Pengawasan dan Pengendalian Kantor Regional II BKN Surabaya",
        ),
        ("Bambang Wicaksono", "Inspektur Pembantu Wilayah III Inspektorat Kabupaten Probolinggo"),
        ("Ahmad Firdaus Zainul Arifin", "Ketua Bawaslu Kabupaten Probolinggo"),
    ],
    "ngawi-antara-webinar-zoom": [
        ("Sugeng Rahardjo", "Asisten Pemerintahan dan Kesra Setda Ngawi"),
        ("Hermanto Rohman", ""),
        ("Yuli Astuti Ningsih", "Kepala Dinas Komunikasi dan Informatika Kabupaten Ngawi"),
        (
            "M. Ridwan Hakim",
            "Anggota Bawaslu Kabupaten Ngawi Koordinator Divisi Pencegahan, Partisipasi "
            "Masyarakat dan Humas",
        ),
        ("Eko Budi Santoso", "Kepala BKPSDM Kabupaten Ngawi"),
    ],
    "magetan-times-deklarasi-pendopo": [
        ("Hergunadi", "Pj Bupati Magetan"),
        ("Endang Retno Wulandari", "Sekretaris Daerah Magetan"),
        (
            "Sri Hartini Puspitasari",
            "Kepala Badan Kesatuan Bangsa dan Politik (Bakesbangpol) Kabupaten Magetan",
        ),
        ("Rina Kusumawardani", "Kepala Bidang Disiplin dan Penghargaan BKPSDM Magetan"),
        ("Agus Tri Haryanto", "Ketua Panwaslu Kecamatan Plaosan"),
        ("A. Fauzan Nurhadi", "Komisioner Bawaslu Magetan"),
    ],
    "trenggalek-rilis-prokopim": [
        ("Edy Soepriyanto", "Sekretaris Daerah Kabupaten Trenggalek"),
        ("Ratna Sulistyowati", "Kepala BKPSDM Trenggalek"),
        ("Dewi Anggraini Soepriyanto", "Ketua Dharma Wanita Persatuan Kabupaten Trenggalek"),
        ("Mochamad Ali Mustofa", "Ketua Bawaslu Kabupaten Trenggalek"),
    ],
    "tulungagung-bawaslu-temuan": [
        (
            "Moh. Arif Rahman Hakim",
            "Koordinator Divisi Penanganan Pelanggaran dan Data Informasi Bawaslu Tulungagung",
        ),
        ("Heni Purwaningsih", "Ketua Panwaslu Kecamatan Ngunut"),
        (
            "Santoso Budi Prasetyo",
            "Kepala Dinas Pemberdayaan Masyarakat dan Desa (DPMD) Kabupaten Tulungagung",
        ),
        ("Nur Elya Anggraini", "Anggota Bawaslu Jawa Timur"),
    ],
    "kota-batu-bkpsdm-hybrid": [
        ("Aries Agung Paewai", "Pj Wali Kota Batu"),
        ("M. Chori", "Sekretaris Daerah Kota Batu"),
        ("Heru Santoso", "Kepala Kantor Regional II BKN"),
        ("Retno Wulandari", ""),
        ("Yunar Widiyanto", "Kepala Bidang Pengembangan Kompetensi BKPSDM Kota Batu"),
        ("Bunga Citra Lestari", "Kepala BKPSDM Kota Batu"),
    ],
    "pamekasan-tribun-sanksi": [
        ("Moh. Halili Yasin", "Kepala Bidang Pembinaan dan Kesejahteraan Pegawai BKPSDM Pamekasan"),
        ("Suryadi", "Ketua Bawaslu Kabupaten Pamekasan"),
        ("Fathur Rozi", "Ketua Umum HMI Cabang Pamekasan"),
        ("Ach. Moh. Rasyid", "Kepala Inspektorat Kabupaten Pamekasan"),
    ],
    "kubu-raya-sosialisasi-kades": [
        ("Syarief Kamaruzaman", "Pj Bupati Kubu Raya"),
        ("Rudi Hartawan", "Camat Sungai Raya"),
        ("Sabran", "Kepala Desa Kuala Dua"),
        ("Muhammad Jais", "Kepala Desa Sungai Rengas"),
        ("Nurhayati", "Kepala Desa Limbung"),
        ("Syamsul Bahri", "Sekretaris Desa Arang Limbung"),
        ("Uray Ferry Ardiansyah", "Anggota Bawaslu Kabupaten Kubu Raya"),
        ("Mohammad Ikhsan", "Kepala DPMD Kubu Raya"),
    ],
    "agam-apel-korpri-sumbar": [
        ("Andri Warman", "Bupati Agam"),
        ("Edi Busti", "Sekretaris Daerah Kabupaten Agam"),
        (
            "Fauzi Anwar",
            "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Agam",
        ),
        ("Yasrul", "Ketua Bawaslu Kabupaten Agam"),
        ("Muhammad Agus Hidayat", "Kapolres Agam"),
        ("Hendra Syafri", "Kepala Inspektorat Agam"),
    ],
    "bojonegoro-kesbangpol-dialog-ormas": [
        ("Mahmuddin", "Kepala Bakesbangpol Bojonegoro"),
        (
            "Mokhamad Nurul Huda",
            "Komisioner Bawaslu Kabupaten Bojonegoro Divisi Hukum, Pencegahan, Partisipasi "
            "Masyarakat dan Humas",
        ),
        ("Siti Aisyah Rahmawati", "Ketua Komite Independen Pemantau Pemilu (KIPP) Bojonegoro"),
        (
            "Ahmad Rofiqi",
            "Ketua Pengurus Cabang Pergerakan Mahasiswa Islam Indonesia (PMII) Bojonegoro",
        ),
        ("Agus Suprianto", "Dekan Fakultas Ilmu Sosial dan Politik Universitas Bojonegoro"),
        ("Lilik Sugiarti", "Kepala Bidang Politik Dalam Negeri Bakesbangpol Bojonegoro"),
    ],
    "nganjuk-inspektorat-rakor": [
        ("Sri Handoko Taruna", "Pj Bupati Nganjuk"),
        ("Adam Muharto", "Inspektur Kabupaten Nganjuk"),
        ("B. Santoso", "Kepala Bidang Pengadaan, Pemberhentian dan Informasi BKPSDM Nganjuk"),
        ("Nurul Hidayah", "Sekretaris DPRD Nganjuk"),
        ("Abdul Syukur", "Ketua Bawaslu Kabupaten Nganjuk"),
    ],
}

# The people of the earlier articles, in the same form.
EARLIER_PEOPLE = {
    "situbondo-surat-edaran": [
        ("Rudi Hartono", "Asisten Pemerintahan dan Kesejahteraan Rakyat Setdakab Situbondo"),
        ("Fitriyah Wulandari", "Ketua Komisi Pemilihan Umum (KPU) Kabupaten Situbondo"),
    ],
    "bondowoso-sosialisasi-hybrid": [
        ("Ahmad Subiyanto", "Sekretaris Daerah Kabupaten Bondowoso"),
        ("B. Santoso", "Kepala Kantor Regional VII BKN"),
    ],
    "banyuwangi-apel-deklarasi": [
        ("M. Yusuf", "Pj Bupati Banyuwangi"),
        ("Sugirah", "Kepala BKPSDM Kabupaten Banyuwangi"),
        ("Adrianus Yansen Pale", "Ketua Bawaslu Banyuwangi"),
    ],
    "probolinggo-webinar-youtube": [
        ("Rina Kartikasari", "Pj Wali Kota Probolinggo"),
        (
            "Moh. Hasan Basri",
            "Anggota Bawaslu Kota Probolinggo Koordinator Divisi Penanganan Pelanggaran",
        ),
    ],
    "pasuruan-rakor": [
        ("Tri Wibowo", "Kepala Kantor Regional II BKN Surabaya"),
        ("Arie Yoenianto", "Ketua Bawaslu Kabupaten Pasuruan"),
        ("Heru Farianto", "Inspektur Kabupaten Pasuruan"),
    ],
    "sidoarjo-pakta-integritas": [
        ("Subandi", "Plt Bupati Sidoarjo"),
        ("Fenny Apridawati", "Sekretaris Daerah Sidoarjo"),
    ],
    "malang-bimtek-zoom": [
        ("Alifia Mahardika", "Kepala BKPSDM Kota Malang"),
        ("Iwan Kurniawan", "Pj Wali Kota Malang"),
    ],
    "jambi-kota-surat-edaran": [
        (
            "Muhammad Rasyid",
            "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Jambi",
        ),
    ],
    "lumajang-ikrar-kades": [
        (
            "Eko Widodo",
            "Ketua Asosiasi Pemerintahan Desa Seluruh Indonesia (APDESI) Kabupaten Lumajang",
        ),
        (
            "Ahmad Taufik Hidayat",
            "Kepala Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Lumajang",
        ),
    ],
    "jember-apel-akbar": [
        ("Muhammad Balya Firjaun Barlaman", "Wakil Bupati Jember"),
        ("Nur Aini", "Kepala Bidang Pengembangan Karier BKPSDM Kabupaten Jember"),
    ],
    "kediri-seminar": [
        ("Hanindhito Himawan Pramana", "Pj Bupati Kediri"),
        ("Anang Widodo", "Kepala Bagian Hukum Setdakab Kediri"),
        (
            "Muhammad Hadi Wijaya",
            "Anggota Bawaslu Kabupaten Kediri Divisi Hukum dan Penyelesaian Sengketa",
        ),
    ],
    "gresik-sosialisasi-desa": [
        ("Hendriawan Susilo", "Camat Manyar"),
        ("Abdul Rochim", "Kepala Desa Sukomulyo"),
    ],
    "situbondo-kordiv-bawaslu": [
        (
            "Siti Nur'aini",
            "Koordinator Divisi Pencegahan, Partisipasi Masyarakat dan Hubungan Masyarakat "
            "Bawaslu Situbondo",
        ),
    ],
    "bondowoso-selaku-sekda": [
        ("Nanang Hermawan", "Sekretaris Daerah Kabupaten Bondowoso"),
        ("Lintar Mahardhika", "Kapolres Bondowoso"),
        ("Tri Joko Wijayanto", "Dandim 0822/Bondowoso"),
        ("Nurul Hidayati", "Ketua Tim Penggerak PKK Kabupaten Bondowoso"),
    ],
    "jember-kordiv-kpu": [
        (
            "Andi Wasis",
            "Anggota KPU Kabupaten Jember Divisi Sosialisasi, Pendidikan Pemilih dan "
            "Partisipasi Masyarakat",
        ),
        ("Sukowinarno", "Kepala BKPSDM Kabupaten Jember"),
    ],
    "lumajang-apel-tiga-hari": [
        ("Indah Wahyuni", "Pj Bupati Lumajang"),
        ("Eko Susilo Adi", "Kepala Inspektorat Kabupaten Lumajang"),
    ],
    "probolinggo-kabupaten-edaran": [
        ("Ugas Irwanto", "Pj Bupati Probolinggo"),
        ("Titik Rusmawati", "Asisten Administrasi Umum Sekretariat Daerah Kabupaten Probolinggo"),
        ("Gatot Cahyono", "Camat Kraksaan"),
    ],
    "banyuwangi-dialog-interaktif": [
        ("Sri Wahyuni", "Kepala Bagian Hukum Setdakab Banyuwangi"),
        ("R. Agus Mulyono", "Kepala Badan Kesatuan Bangsa dan Politik Kabupaten Banyuwangi"),
        ("Ahmad Fauzi Rahman", "Kepala Desa Tamansari"),
    ],
    "probolinggo-kota-plh-sekda": [
        ("Ninik Ira Wibawati", "Plh. Sekda Kota Probolinggo"),
        ("Abdul Rahman Hakim", "Kepala Bagian Hukum Setda Kota Probolinggo"),
        ("Aman Suryaman", "Kasatpol PP Kota Probolinggo"),
    ],
    "jatim-kanreg-bkn": [
        ("Nanang Subandi", "Kepala Kantor Regional II BKN Surabaya"),
        ("Pangihutan Marpaung", "Asisten Deputi Penerapan Sistem Merit KASN"),
        ("A. Warits", "Ketua Bawaslu Provinsi Jawa Timur"),
    ],
    "sumenep-deklarasi-damai": [
        ("Edy Rasiyadi", "Sekretaris Daerah Kabupaten Sumenep"),
        (
            "Anwar Syahroni Yusuf",
            "Kepala Dinas Pemberdayaan Masyarakat dan Desa (DPMD) Sumenep",
        ),
    ],
    "blitar-edaran-dan-bimtek": [
        ("Warsito", "Pj Wali Kota Blitar"),
        (
            "Rina Setyawati",
            "Kabid Pengadaan, Pemberhentian dan Informasi Kepegawaian BKPSDM Kota Blitar",
        ),
    ],
    "tanah-datar-apel-sumbar": [
        ("Ahmad Zaki", "Pj Bupati Tanah Datar"),
        ("Iqbal Ramadi Payana", "Sekretaris Daerah Tanah Datar"),
        ("Ardi Fadli", "Ketua Bawaslu Kabupaten Tanah Datar"),
    ],
    "situbondo-antara-style": [
        ("Ahmad Faridz Dzulfikar", "Ketua Bawaslu Situbondo"),
        ("Puguh Wardoyo", "Plt Kepala Dinas Pendidikan Situbondo"),
    ],
    "jember-sosialisasi": [
        ("Hendy Siswanto", "Pj Bupati Jember"),
        ("Sukowinarno", "Kepala BKPSDM Kabupaten Jember"),
        ("Sanda Aditiya Arta", "Ketua Bawaslu Jember"),
    ],
    "jambi-webinar": [
        ("Sri Purwaningsih", "Pj Wali Kota Jambi"),
        ("Fahrul Rozi", "Ketua Bawaslu Kota Jambi"),
    ],
    "lumajang-deklarasi": [
        ("Agus Salim", "Camat Sukodono"),
        ("Ahmad Fauzi", "Kepala Desa Klakah"),
    ],
    "pontianak-webinar-kalbar": [
        ("Ani Sofian", "Pj Wali Kota Pontianak"),
        ("Mursyid Hidayat", "Anggota Bawaslu Provinsi Kalimantan Barat"),
        ("Amirullah", "Kepala BKPSDM Kota Pontianak"),
    ],
}
PEOPLE = {**EARLIER_PEOPLE, **NEW_PEOPLE}


def extracted(name):
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    return extract(text, PUBLISHED[name])
