"""Officials quoted in the news, with their titles, and the people a quote is attributed to.

"Pj Bupati Jember Hendy Siswanto", "Kepala BKPSDM Kabupaten Jember, Sukowinarno",
"Asisten Pemerintahan Setdakab Bondowoso Rudi Hartono", "Ketua Komisi Pemilihan Umum (KPU)
Kabupaten Situbondo Fitriyah", "Sugirah, Kepala BKPSDM Kabupaten Banyuwangi, mengatakan",
'"...," ujar Rudi Hartono', "menurut Fenny". Names drop honorifics and degrees ("Drs. H.
Ahmad Subiyanto, M.Si" -> "Ahmad Subiyanto") but keep abbreviated given names ("M. Yusuf").
A short form of a name already found ("tegas Yusuf", "katanya") adds nobody.

Nobody is found in a title without a name ("kata Kabid PPI", "Kepala Disdukcapil Situbondo
mengatakan": the unknown word after "Kepala" or "Bagian" is its unit's name), an institution
("Himpunan Mahasiswa Islam menilai", "menurut Komite Independen Pemantau Pemilu"), a building
or an election named after an office ("Ruang Rapat Bupati Trenggalek Cakra Wijaya",
"Pemilihan Kepala Daerah Serentak"), a village of several words ("Kepala Desa Kuala Dua,
Sabran", "Kades Sumberingin Kidul"), a sentence opener ("Senada Hj. Siti Maimunah, ..."), a
place after a locative ("Ditemui di Kraksaan, Kepala ...") or a byline, an editor or a photo
credit ("Penulis: ...", "Pewarta: ...", "(Foto: ...)"): those write no source's name.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from .places import district_names, gazetteer

ACTING = {"Pj", "Pjs", "Plt", "Plh", "Penjabat", "Pelaksana"}
# Words that open an official's title. "Wakil", "Wali", "Kepala" etc. are also title words.
OFFICE_HEADS = (
    r"Pj\.?|Pjs\.?|Plt\.?|Plh\.?|Penjabat|Pelaksana Tugas|Wakil|Bupati|Wali ?[Kk]ota|Gubernur|"
    r"Sekretaris|Sekda|Sekdakab|Sekdakot|Sekdaprov|Sekcam|Sekdes|Kepala|Ketua|Anggota|"
    r"Koordinator|Kordiv|Komisioner|Asisten|Inspektur|Direktur|Deputi|Staf Ahli|Camat|Lurah|"
    r"Kades|Kapolres|Kapolresta|Kapolda|Kapolsek|Kapolri|Dandim|Danrem|Danramil|Kajari|Kadis|"
    r"Kaban|Kabag|Kabid|Kasubbag|Kasubag|Kasubbid|Kasi|Kasat|Kalaksa|Menteri|Sekjen|Kakanwil|"
    r"Kakan|Rektor|Dekan|Pembina|Plh|Kasatpol|Kadis[a-z]+|Kadin[a-z]+|Kaban[a-z]+|Wakapolres|"
    r"Wakapolresta|Wakapolda|Wadanrem|Wabup|Wawali|Wagub|Kajati|Kasubdit|Kabiro|Dirjen|"
    r"Komandan|Kapolsek|Sekretaris Jenderal|Kasie|Kasubid|Kalak|Kepsek|Sekwan|Irban|"
    r"Kasat[a-z]+|Kakan[a-z]+"
)
OFFICE = re.compile(rf"(?=[A-Z])\b(?:{OFFICE_HEADS})\b")
# An office word naming a building, whose name may follow: "Pendopo Bupati Bondowoso Sabha
# Bina Praja". (A document's "Surat Edaran Bupati Nomor ..." needs no such list: "Nomor",
# "Tentang" are no names, and "SE Pj Bupati Situbondo Tjahjo Widodo" names a person.)
BUILDING_WORDS = {
    "kantor", "rumdin", "pendopo", "pendapa", "gedung", "aula", "halaman", "piala", "lapangan",
    "jalan", "jl", "jl.", "rumah dinas", "graha", "ruang", "ruangan", "wisma", "balai", "hotel",
    "masjid", "bangsal", "pringgitan", "mandhapa", "auditorium", "lobi", "posko",
}  # fmt: skip
# "Pemilihan Kepala Daerah Serentak", "Pemilihan Bupati": an election of the office, nobody's.
ELECTION_WORDS = {"pemilihan", "pilkada"}
# Lowercase words that continue a title ("Kepala Kantor Regional", "Asisten Pemerintahan").
TITLE_WORDS = set(
    """
    wakil bupati wali walikota kota gubernur sekretaris daerah sekda kepala ketua anggota
    koordinator kordiv komisioner asisten inspektur inspektorat direktur deputi staf ahli camat
    lurah kades desa kelurahan kecamatan kabupaten provinsi kantor regional wilayah badan dinas
    bagian bidang sub subbagian subbidang seksi divisi komisi pemilihan umum pengawas pengawasan
    pemilu kepegawaian pengembangan sumber daya manusia pemerintahan kesejahteraan rakyat hukum
    penyelesaian sengketa penanganan pelanggaran pencegahan partisipasi masyarakat hubungan
    antar antarlembaga lembaga pemberdayaan komunikasi informatika informasi pendidikan
    kebudayaan kesehatan sosial karier karir mutasi promosi pembinaan aparatur asosiasi seluruh
    indonesia negara sipil organisasi perangkat setdakab setdako setda setdaprov sekretariat
    perencanaan keuangan aset pendapatan kependudukan pencatatan tenaga kerja perhubungan
    pertanian pariwisata pekerjaan penataan ruang lingkungan hidup perumahan permukiman
    ekonomi pembangunan administrasi kesatuan bangsa politik kesbangpol bakesbangpol polres
    polresta polda kodim korem satuan polisi pamong praja satpol pp teknis penyelenggaraan
    penyelenggara data kehumasan humas protokol pimpinan tata usaha kerja sama olahraga
    pemuda perempuan perlindungan anak keluarga berencana pangan perikanan peternakan
    perindustrian perdagangan koperasi usaha kecil menengah mikro ketenteraman ketertiban
    pemadam kebakaran penanggulangan bencana statistik persandian arsip perpustakaan kearsipan
    pelayanan terpadu satu pintu penanaman modal energi mineral kehutanan kelautan
    transmigrasi agama kementerian kemenag kemendagri menteri dalam negeri pendayagunaan
    reformasi birokrasi umum operasional organisasi tim gugus tugas forum komunikasi
    pimpinan pusat cabang ranting dewan pengurus harian majelis ulama paguyuban persatuan
    rektor dekan universitas fakultas pembina kapolres dandim kajari kejaksaan negeri
    pengadilan kepolisian resor kota kepala distrik jabatan pimpinan tinggi pratama madya
    utama fungsional pejabat plh plt pj pjs penjabat pelaksana tugas karo biro adpim
    bawaslu panwaslu panwascam panwaslih kpu kpud setdakab setdakot bapenda bappeda
    diskominfo dispendukcapil disdik dinkes dinsos kominfo bakesbangpol bpbd apdesi korpri
    kesbang dpmd dpmpd bkpsdm bkpsdmd bkd bkpp bkppd kasn bkn ppk pps kpps ppdi sosialisasi
    pemilih parmas humas penggerak pkk penindakan sentra gakkumdu pidana dharma wanita
    satgas netralitas pengadaan pemberhentian penilaian kinerja disiplin evaluasi pengaduan
    layanan aduan peningkatan kapasitas kompetensi formasi kanreg kanwil sekolah puskesmas rsud
    upt uptd sman smpn
    sdn smkn sma smp smk madrasah man mtsn karang taruna ansor muslimat fatayat nahdlatul
    ulama muhammadiyah pgri kurikulum sarana prasarana ketenagaan pendidik kependidikan
    peserta didik industrial perundang-undangan keagamaan pengendalian dasar menengah atas
    pertama kejuruan rumah tangga ekonomi kreatif kepemudaan aparatur kewilayahan otonomi
    protokoler hukum-ham ham kesekretariatan sekretaris ketenagakerjaan pemasyarakatan
    pembantu khusus kesra air mahasiswa pelajar relawan pengurus himpunan ikatan aliansi serikat
    komite koalisi gerakan perkumpulan komunitas jaringan perhimpunan front gabungan kelompok
    solidaritas barisan laskar yayasan partai fraksi institut akademi politeknik ombudsman
    """.split()
)
# Title words that are given names too: inside a name they are the name's ("Sri Handoko
# Taruna", "Rizky Pratama"), before it the title's ("Karang Taruna", "Pimpinan Tinggi Pratama").
NAME_LIKE_TITLE_WORDS = {"taruna", "dharma", "wanita", "pratama", "madya", "utama", "karo"}
# A title word that is never followed by a person but by the name of its unit, so that an
# unknown word after it ("Kabag Prokopim", "Kepala Disdukcapil Situbondo", "Kepala Bagian
# Tapem") belongs to the title.
UNIT_HEADS = {
    "Kepala", "Ketua", "Kabag", "Kabid", "Kasi", "Kasie", "Kasubbag", "Kasubag", "Kasubbid",
    "Kasubid", "Kasat", "Kadis", "Kaban", "Kabiro", "Kasubdit", "Direktur", "Inspektur",
    "Koordinator", "Kordiv", "Sekretaris", "Komandan", "Deputi", "Kakan", "Kakanwil",
}  # fmt: skip
UNIT_NOUNS = {
    "dinas", "badan", "bagian", "bidang", "seksi", "subbagian", "subbag", "subbidang", "sub",
    "divisi", "biro", "kantor", "satuan", "unit", "lembaga", "komisi", "direktorat",
    "sekretariat", "inspektorat", "tim", "satgas", "pusat", "balai", "upt", "uptd", "forum",
}  # fmt: skip
CONNECTORS = {"dan", "&", "serta", "se-"}
# Police and army ranks between a title and a name belong to neither.
RANKS = set(
    """
    AKBP AKP Kompol Iptu Ipda Aiptu Aipda Bripka Brigadir Kombes Kombespol Pol Irjen Brigjen
    Kapolri Letkol Kolonel Mayor Kapten Lettu Letda Serka Peltu Pelda Inf Arh Kav Czi Cpl Cku
    Mar Laksma Marsma Mayjen Letjen
    """.split()
)
# Words a number follows inside a title: "Dandim 0822/Bondowoso", "SMAN 1 Situbondo".
NUMBERED_UNITS = {
    "Dandim", "Kodim", "Danramil", "Koramil", "Danrem", "Korem", "Danyon", "SMAN", "SMPN",
    "SDN", "SMKN", "SMA", "SMP", "SD", "SMK", "MAN", "MTsN", "MIN", "Komisi", "RT", "RW",
}  # fmt: skip
LOCAL_OFFICE_WORDS = {
    "Camat", "Lurah", "Kades", "Sekcam", "Sekdes", "Kapolsek", "Danramil", "Panwascam", "PPK",
    "PPS", "Polsek", "Koramil", "KUA", "Puskesmas", "UPT", "UPTD",
}  # fmt: skip
# Schools numbered in their district: "SMPN 1 Panji".
SCHOOLS = {"SMAN", "SMPN", "SDN", "SMKN", "SMA", "SMP", "SD", "SMK", "MAN", "MTsN", "MIN"}
LOCAL_PLACE_WORDS = {"Desa", "Kelurahan", "Kecamatan"}
# A village or district named by a feature takes the next word too ("Desa Kuala Dua", "Desa
# Sungai Rengas"), and a name goes on with its quarter or number ("Sumberingin Kidul").
GEOGRAPHIC_HEADS = {
    "Sungai", "Kuala", "Teluk", "Tanjung", "Bukit", "Pulau", "Muara", "Padang", "Air", "Sei",
    "Ujung", "Pasir", "Lubuk", "Gunung", "Danau", "Rawa", "Pantai", "Tanah", "Parit", "Simpang",
}  # fmt: skip
PLACE_SUFFIXES = {
    "Kidul", "Lor", "Wetan", "Kulon", "Utara", "Selatan", "Timur", "Barat", "Tengah", "Hilir",
    "Hulu", "Ilir", "Ulu", "Satu", "Dua", "Tiga", "Empat", "Lima", "Baru", "Lama",
}  # fmt: skip
# A word after these is a place, not a person: "Ditemui di Kraksaan, Kepala ...".
LOCATIVES = {"di", "ke", "dari", "asal", "menuju", "kawasan", "wilayah", "sekitar"}
# An adat title after a name ("Hendra Syafri Dt. Bandaro") is dropped like a degree.
ADAT_TITLES = {"Dt.", "Dt", "Datuk", "Datuak"}
ROMAN = re.compile(r"^(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})$")
# Institution nouns built with pe-/ke-/per- ... -an ("Kependudukan", "Perhubungan"), and
# borrowed ones in -asi, -isasi, -ologi ("Informasi", "Organisasi", "Teknologi").
INSTITUTION_NOUN = re.compile(r"^(?:(?:Pe|Ke)[a-z-]{4,}an|[A-Z][a-z]{3,}(?:asi|ologi))$")
HONORIFICS = {
    "h.", "hj.", "h", "hj", "drs.", "drs", "dra.", "dr.", "dr", "ir.", "ir", "prof.", "prof",
    "kh.", "kh", "k.h.", "kyai", "kiai", "ustadz", "ust.", "drg.", "drh.", "ns.", "apt.",
    "hc.", "dra", "tgk.", "habib", "ny.", "nyonya", "drs.h.", "dr.h.", "ir.h.", "pak", "bapak",
    "bu", "ibu", "kang", "mas", "mbak", "cak", "bung", "ning", "ustaz",
}  # fmt: skip
# A degree after a name: "S.Sos", "M.Si", "M.AP", "S.H.", "M.Kn.", "S.STP", "MM", "Ph.D".
DEGREE = re.compile(
    # Dotted ("S.I.K.", "M.Kn.") or one of the few written without dots; an acronym such as
    # "DPRD" or "SMAN" is none.
    r"^(?:[SMD]\.[A-Za-z]{1,5}\.?(?:[A-Za-z]{1,4}\.?){0,2}|Ph\.D\.?|MM|MH|SH|SE|ST|MT|MA|MBA|"
    r"MSi|MAP|MPd|SPd|SIP|SSos|SIK|Lc|Ak\.?|CA|CPA|IPM|IPU)$"
)
# Capitalised words that are not names (sentence openers, document and calendar words).
NOT_NAME = set(
    """
    Nomor No Nmr Surat Edaran SE Tahun Pasal Ayat Undang Peraturan Keputusan Instruksi
    Tentang Perihal Tanggal Tertanggal Lampiran
    Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember
    Senin Selasa Rabu Kamis Jumat Sabtu Minggu Ahad Pemkab Pemkot Pemprov Pemerintah
    Kabupaten Kota Provinsi Kecamatan Desa Kelurahan Bawaslu KPU ASN PNS PPPK Pilkada Pemilu
    Pilbup Pilwali Pilgub Netralitas Apel Sosialisasi Deklarasi Ikrar Webinar Seminar Bimtek
    Rakor Kegiatan Acara Dalam Saat Pada Di Dan Yang Juga Ia Dia Beliau Pihaknya Kami Kita
    Mereka Menurut Menurutnya Selain Sebelumnya Usai Setelah Sementara Hadir Sebagai Bersama
    Melalui Dengan Untuk Karena Namun Tetapi Jika Bila Apabila Oleh Kepada Dari Ke Hal Ini
    Itu Tersebut Para Seluruh Semua Sejumlah Sebanyak Ratusan Ribuan Tim Forkopimda OPD
    Mengatakan Menyampaikan Menegaskan Mengimbau Mengingatkan Meminta Menjelaskan Menyebut
    Menambahkan Mengungkapkan Menuturkan Berdasarkan Sesuai Terkait Adapun Selanjutnya
    Kemudian Lalu Sedangkan Bahkan Tak Tidak Jangan Sanksi Laporan Pelanggaran Zoom YouTube
    Instagram Facebook TikTok Aula Pendopo Gedung Alun Balai Kantor Hotel Ruang Polri TNI
    BKN KASN Kemendagri Kemenpan Menpan PANRB Narasumber Peserta Warga Masyarakat Calon
    Paslon Pasangan Guru Perangkat Bupati Wali Walikota Gubernur Sekda Kepala Ketua Wakil
    Anggota Camat Lurah Inspektur Asisten Sekretaris Koordinator Direktur Dinas Badan
    Mendagri Menpan MenPANRB Menkumham Mendikbud Menag Kapolri Panglima Presiden Wapres
    Forkopimcam Muspika Ketika Kala Sambil Seraya Lebih Bagi Tanpa Hingga Sampai Mulai Sejak
    Jalan Jl Gang Rumah Lapangan Masjid Graha Stadion Taman Pasar Terminal RSUD Puskesmas
    Sekolah Universitas Kampus Pondok Pesantren Ponpes Radio Televisi Kanal Akun Grup Media
    Korpri Satgas Gakkumdu Panwascam Panwaslu Kejari Kejaksaan Polres Polresta Kodim Dinas
    Inspektorat Sekretariat Setda Setdakab Bapenda Bappeda Diskominfo Kominfo Dispendukcapil
    Edaran Larangan Aturan Upaya Langkah Program Panitia Petugas Pihak Total Jumlah Hasil
    Pesan Imbauan Ajakan Komitmen Pakta Integritas Pelaksanaan Penandatanganan Pemantauan
    Pengawasan Pencegahan Penindakan Sanksi Hukuman Berita Informasi Data Foto Video Konten
    Ajak Imbau Minta Tegaskan Ingatkan Gelar Terbitkan Pastikan Larang Beri Siap Dorong
    Tekankan Resmikan Buka Pimpin Hadiri Sambut Apresiasi Jamin Keluarkan Teken Pantau
    Kukuhkan Lantik Serahkan Terima Tinjau Awasi Sosialisasikan Ikrarkan Deklarasikan
    Survei Survey Catatan Kajian Penelitian Riset Temuan Keterangan Pantauan Pengamatan
    Rekapitulasi Rilis Siaran Pers Keterangan Pernyataan Sumber Rapat Kesimpulan
    Serentak Damai Jelang Menjelang Pukul Kemarin Besok Lusa Sebelum Selama Seusai Sesudah
    Selepas Mahasiswa Pelajar Relawan Tokoh Pengamat Dosen Akademisi Pegiat Aktivis Pengurus
    Kader Simpatisan Pendukung Wartawan Jurnalis Reporter Penulis Editor Pewarta Kontributor
    Fotografer Redaksi Humas Admin Oknum Aliansi Himpunan Ikatan Serikat Komite Koalisi
    Gerakan Perkumpulan Komunitas Jaringan Perhimpunan Front Gabungan Kelompok Solidaritas
    Barisan Laskar Yayasan Partai Fraksi Institut Akademi Politeknik Ombudsman Pendapa
    Mandhapa Wisma Ruangan Auditorium Bangsal Pringgitan Lobi Posko Markas Mako Mapolres
    Makodim Kompleks Komplek Perumahan Kampung Dusun Nagari Jorong Bandara Pelabuhan Bimtek
    Diklat Pelatihan Lokakarya Sarasehan Upacara Peringatan Festival Lomba Kirab Musyawarah
    Musrenbang Sidang Konferensi Dialog Diskusi Talkshow Workshop Pembekalan Juknis Juklak
    Perbup Perwali Pergub Perda Perpres Permendagri Kepmen Keppres Inpres Pedoman Petunjuk
    """.split()
)
# Words that open a sentence or clause before its subject ("Senada Hj. Siti Maimunah, ...",
# "Lebih lanjut Hermanto menyarankan"): never part of a name, and skipped before one.
DISCOURSE = set(
    """
    Senada Terpisah Sementara Selain Lebih Menanggapi Menyikapi Dikonfirmasi Ditemui Kini
    Kendati Meski Meskipun Walau Sehingga Maka Akhirnya Lantas Sebab Begitu Demikian Seperti
    Sebagaimana Mewakili Didampingi Turut Tampak Kemudian Selanjutnya Sebelumnya Adapun
    Sedangkan Namun Lalu Ketika Saat Usai Setelah Dalam Menurutnya Bahkan Oleh Karena Hal
    """.split()
)
NOT_NAME |= DISCOURSE
# A word of a name: "Rudi", "O'Neil", "Al-Fatih", an initial "M." or an abbreviation "Moh.".
NAME_WORD = re.compile(
    r"[A-Z][a-z'’\-]*[a-z]|[A-Z]\.|(?:Moh|Muh|Moch|Mochamad|Abd|Ach|Mch|St|Sy|Md|Mhd)\."
)
TOKEN = re.compile(
    r"\((?=[A-Z][A-Za-z]{1,12}\))|\)|[A-Za-z][A-Za-z'’\-]*(?:\.(?:[A-Za-z]{1,5}\.?)*)?|"
    r"\d[\d./-]*|\S"
)
MONTH_NAMES = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus"}
INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
SPEECH_AFTER_QUOTE = (
    r"ujar|ujarnya|kata|katanya|jelas|jelasnya|tegas|tegasnya|ungkap|ungkapnya|pungkas|"
    r"pungkasnya|tutur|tuturnya|imbuh|imbuhnya|ucap|ucapnya|terang|terangnya|papar|"
    r"paparnya|sebut|sebutnya|tambah|tambahnya|lanjut|lanjutnya|seru|serunya|ajak|ajaknya|"
    r"harap|harapnya|pinta|pintanya|tandas|tandasnya|timpal|beber|bebernya|sambung|"
    r"sambungnya|tukas|tukasnya|urai|urainya|aku|akunya|kata dia|ujar dia"
)
# '"...," ujar Nama', 'menurut Nama', 'Hal itu disampaikan Nama'.
ATTRIBUTION = re.compile(
    rf"(?=[\"”’MmKkUud])(?:[\"”’]\s*(?:{SPEECH_AFTER_QUOTE})|\b[Mm]enurut|\b[Kk]ata|\b[Uu]jar|"
    r"\bdi(?:sampaikan|katakan|ungkapkan|tegaskan|jelaskan|utarakan|paparkan|tuturkan)"
    r"(?:\s+oleh)?)\s+"
    # '"...," kata kepala desa setempat, Ahmad Fauzi': a lowercase description first.
    r"(?:((?:[a-z][a-z\-]*|[A-Z]{2,})(?:\s(?:[a-z][a-z\-]*|[A-Z]{2,})){0,8}),\s+)?"
    r"(?=[A-Z])"
)
# "Nama mengatakan ..." at the start of a sentence.
# A byline, an editor's line or a photo credit names who wrote or shot the story, never a
# source: "Penulis: ...", "Editor Dita", "Laporan Wartawan TribunMadura.com, ...", "(Foto:
# ...)". Without a colon such a line ends with no sentence's punctuation ("Oleh karena itu,
# Kepala ... menegaskan." is a sentence).
BYLINE = re.compile(
    r"^[ \t]*(?:Penulis|Editor|Pewarta|Reporter|Redaktur|Penyunting|Kontributor|Publisher|"
    r"Fotografer|Oleh|Laporan)\b(?:[ \t]*:[^\n]*|[^\n]*[^\s.!?\"”])[ \t]*$|"
    r"\((?:Foto|FOTO|Sumber|Dok)\b[^)\n]*\)",
    re.M,
)
SPEECH_VERB = re.compile(
    r"\b(?:mengatakan|menyampaikan|menegaskan|menjelaskan|"
    r"mengungkapkan|menuturkan|menambahkan|mengingatkan|mengimbau|menyebut|menyebutkan|"
    r"memaparkan|menerangkan|berharap|meminta|mengaku|menilai|menekankan|menyatakan|"
    r"mengajak|membeberkan|menguraikan|berpesan|membenarkan)\b"
)


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str
    title: str


@lru_cache(maxsize=1)
def _place_words():
    """{first word: [place names of 1-3 words starting with it, longest first]} of the
    gazetteer, with their capitalisation as written ("tanah datar" -> "Tanah Datar")."""
    by_level, _names = gazetteer()
    starts = {}
    for level in by_level.values():
        for bare in level:
            words = tuple(w.capitalize() for w in bare.split())
            if words and len(words) <= 3:
                starts.setdefault(words[0], []).append(words)
    for options in starts.values():
        options.sort(key=len, reverse=True)
    return starts


def _tokens(text, start, end):
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


def _is_acronym(word):
    letters = word.rstrip(".")
    return (
        len(letters) >= 2
        and letters[0].isupper()
        and sum(c.isupper() for c in letters) >= 2
        and letters.replace("-", "").isalpha()
        and not DEGREE.match(word)
    )


@lru_cache(maxsize=8192)
def _is_title_word(word):
    bare = word.rstrip(".")
    if word.lower() in HONORIFICS:
        return False
    return (
        bare.lower() in TITLE_WORDS
        or (bare[:1].isupper() and INSTITUTION_NOUN.match(bare) is not None)
        or _is_acronym(word)
        or ROMAN.match(bare) is not None
    )


def _place_length(tokens, index):
    """How many tokens from INDEX spell a gazetteer place (0 if none)."""
    # A word that ends the sentence carries its period: "Kabupaten Bondowoso."
    words = [t[2].rstrip(".") for t in tokens[index : index + 3]]
    for option in _place_words().get(words[0] if words else "", ()):
        if tuple(words[: len(option)]) == option:
            return len(option)
    return 0


def _district_length(tokens, index):
    """How many tokens from INDEX (2 or 3) spell a district of more than one word."""
    names = district_names()
    words = [t[2].rstrip(".").lower() for t in tokens[index : index + 3]]
    for size in (3, 2):
        if len(words) >= size and " ".join(words[:size]) in names:
            return size
    return 0


def _local_place_length(tokens, index):
    """How many tokens from INDEX name the place of a local office ("Camat Rasau Jaya",
    "Kepala Desa Kuala Dua", "Kades Sumberingin Kidul"): a region or district of the
    gazetteer, else one word, with the word a feature noun calls for and its quarter."""
    length = _place_length(tokens, index) or _district_length(tokens, index) or 1
    following = tokens[index + 1][2] if index + 1 < len(tokens) else ""
    if (
        length == 1
        and tokens[index][2] in GEOGRAPHIC_HEADS
        and following[:1].isupper()
        and following.rstrip(".").isalpha()
        and following.lower() not in HONORIFICS
    ):
        length = 2
    while index + length < len(tokens) and tokens[index + length][2].rstrip(".") in PLACE_SUFFIXES:
        length += 1
    return length


def _names_a_unit(tokens, index):
    """Whether the word at INDEX names the unit that the title word before it calls for
    ("Kabag Prokopim", "Kepala Disdukcapil", "Kepala Bagian Tapem"): no person follows
    "Kepala" or "Bagian" directly."""
    if index == 0:
        return False
    previous = tokens[index - 1][2].rstrip(".")
    word = tokens[index][2]
    bare = word.rstrip(".")
    return (
        (previous in UNIT_HEADS or previous.lower() in UNIT_NOUNS)
        and len(bare) > 2
        and bare.isalpha()
        and word[0].isupper()
        and word.lower() not in HONORIFICS
        and not DEGREE.match(word)
    )


def _title_end(tokens, index):
    """Index just past the title that opens at INDEX."""
    after_local = False
    while index < len(tokens):
        word = tokens[index][2]
        previous = tokens[index - 1][2] if index else ""
        if word == "(" and index + 2 < len(tokens) and tokens[index + 2][2] == ")":
            index += 3
            continue
        if word in CONNECTORS or word == ",":
            # "Divisi Pencegahan, Partisipasi Masyarakat dan Hubungan Masyarakat"
            following = tokens[index + 1][2] if index + 1 < len(tokens) else ""
            if following[:1].isupper() and (
                _is_title_word(following)
                if word in CONNECTORS
                else (following.lower() in TITLE_WORDS or INSTITUTION_NOUN.match(following))
                and not OFFICE.fullmatch(following)
            ):
                index += 1
                continue
            return index
        if previous in NUMBERED_UNITS and (
            word[:1].isdigit() or (previous == "Komisi" and len(word) == 1 and word.isupper())
        ):
            index += 1  # "Dandim 0822/Bondowoso", "Komisi A"
            after_local = (
                previous in SCHOOLS
                and index < len(tokens)
                and (tokens[index][2] not in LOCAL_PLACE_WORDS)
            )
            continue
        if not word[:1].isalpha() or not word[:1].isupper() or word.rstrip(".") in RANKS:
            return index
        if after_local:
            # "Camat Manyar", "Kepala Desa Sukomulyo": one word of a local place.
            after_local = False
            index += _local_place_length(tokens, index)
            continue
        if word in LOCAL_OFFICE_WORDS or word in LOCAL_PLACE_WORDS:
            after_local = not (
                index + 1 < len(tokens) and tokens[index + 1][2] in LOCAL_PLACE_WORDS
            )
            index += 1
            continue
        if _is_title_word(word) or OFFICE.fullmatch(word):
            index += 1
            continue
        places = _place_length(tokens, index)
        if places:
            index += places
            continue
        if (
            word in GEOGRAPHIC_HEADS
            and index + 1 < len(tokens)
            and tokens[index + 1][2][:1].isupper()
            and tokens[index + 1][2].lower() not in HONORIFICS
        ):
            index += 2  # a place inside the title: "Balai Besar Wilayah Sungai Brantas"
            continue
        if _names_a_unit(tokens, index):
            index += 1
            continue
        return index
    return index


@lru_cache(maxsize=8192)
def _is_name_word(word):
    # An office word is never a name's ("ujar Kabid PPI", "kata Sekdakab Situbondo").
    return (
        NAME_WORD.fullmatch(word) is not None
        and word.rstrip(".") not in NOT_NAME
        and OFFICE.fullmatch(word.rstrip(".")) is None
    )


def _name_at(tokens, index):
    """(name, index past it) of the name that starts at INDEX, honorifics and degrees
    dropped, or None."""
    while index < len(tokens) and tokens[index][2].lower() in HONORIFICS:
        # "H." is Haji before a name, but could be an initial at the end of one.
        if index + 1 >= len(tokens) or not tokens[index + 1][2][:1].isupper():
            break
        index += 1
    words = []
    while index < len(tokens) and len(words) < 5:
        word = tokens[index][2]
        if INITIALS.fullmatch(word):
            # "H.M. Yusuf": initials written together, Haji first.
            initials = [f"{letter}." for letter in word.replace(".", "")]
            if not words and initials[0] == "H." and len(initials) > 1:
                initials = initials[1:]
            words += initials
            index += 1
            continue
        if (
            len(word) == 1
            and word.isupper()
            and word not in "IVXL"
            and index + 1 < len(tokens)
            and _is_name_word(tokens[index + 1][2])
        ):
            words.append(word)  # "M Yusuf": an initial written without its period
            index += 1
            continue
        if word in ("bin", "binti") and words:
            words.append(word)
            index += 1
            continue
        if word in ADAT_TITLES and words:
            break
        if word.endswith(".") and not NAME_WORD.fullmatch(word):
            # "Yusuf." ends the sentence with the name.
            bare = word[:-1]
            if _is_name_word(bare) and not DEGREE.match(bare):
                words.append(bare)
                index += 1
            break
        if word in MONTH_NAMES and index + 1 < len(tokens) and _is_name_word(tokens[index + 1][2]):
            words.append(word)  # "Juli Astuti", "Mei Lestari": a month is a given name too
            index += 1
            continue
        if (
            not _is_name_word(word)
            or DEGREE.match(word)
            or (_is_title_word(word) and not (words and word.lower() in NAME_LIKE_TITLE_WORDS))
        ):
            break
        words.append(word)
        index += 1
    while words and words[-1] in ("bin", "binti"):
        words.pop()
    if not words or all(len(w.rstrip(".")) == 1 for w in words):
        return None
    if _place_length([(0, 0, w) for w in words], 0) == len(words):
        return None  # "Kota Jambi", "Situbondo": a place
    # Skip the degrees that follow: ", S.H., M.H.", " M.Si", and an adat title with its
    # words: "Dt. Bandaro".
    while index < len(tokens):
        word = tokens[index][2]
        if word == "," and index + 1 < len(tokens) and DEGREE.match(tokens[index + 1][2]):
            index += 2
        elif DEGREE.match(word) and word not in ("SE",):
            index += 1
        elif word in ADAT_TITLES:
            index += 1
            while index < len(tokens) and NAME_WORD.fullmatch(tokens[index][2]):
                index += 1
        else:
            break
    return " ".join(words), index


def _clean_title(text):
    title = re.sub(r"\s+", " ", text).strip(" ,")
    last = title.rsplit(" ", 1)[-1]
    # The period that ends a sentence, not one of an abbreviation ("Kab.").
    return title[:-1] if last.endswith(".") and len(last) > 5 else title


def _titled(text, tokens, index):
    """People around the title opening at INDEX: 'Title Name (dan Name)' or 'Name, Title,',
    or None."""
    end = _title_end(tokens, index)
    after = end
    found = None
    while end > index:
        after = end + 1 if end < len(tokens) and tokens[end][2] == "," else end
        while after < len(tokens) and tokens[after][2].rstrip(".") in RANKS:
            after += 1  # "Kapolres Bondowoso AKBP Lintar", "Letkol Inf Tri"
        found = _name_at(tokens, after)
        # A "name" that a title word follows was a word of the title: "Ketua Tim Penggerak
        # PKK Kabupaten Bondowoso Nurul"; so was one that an honorific follows: "Direktur
        # RSUD dr. Abdoer Rahem Situbondo dr. Roekmy". Not across the end of the sentence:
        # "... Aries Agung Paewai. Dalam sambutannya".
        if (
            found
            and not _ends_sentence(tokens[found[1] - 1][2])
            and (
                (found[1] < len(tokens) and _continues_title(tokens[found[1]][2]))
                or (
                    found[1] + 1 < len(tokens)
                    and tokens[found[1]][2].lower() in HONORIFICS
                    and tokens[found[1] + 1][2][:1].isupper()
                )
            )
        ):
            end = _title_end(tokens, found[1])
            found = None
            continue
        break
    if found and after == end and _place_before_comma(tokens, index, end, found):
        # "Sekretaris Desa Arang Limbung, Syamsul Bahri,": the word before the comma ended
        # the village's name, and the person follows it.
        end, found = found[1], _name_at(tokens, found[1] + 1)
    if end == index:
        return None
    title_tokens = tokens[index:end]
    # A title that is only an acting prefix names nobody.
    if all(t[2].rstrip(".") in ACTING for t in title_tokens):
        return None
    title = _clean_title(text[title_tokens[0][0] : title_tokens[-1][1]])
    if found:
        name, name_end = found
        people = [PersonMention(tokens[index][0], tokens[name_end - 1][1], name, title)]
        # "Anggota Bawaslu Situbondo Siti Aminah dan Ahmad Fauzi": two of the same office.
        while name_end + 1 < len(tokens) and tokens[name_end][2] in ("dan", ","):
            other = _name_at(tokens, name_end + 1)
            if not other or " " not in other[0]:
                break
            if other[1] < len(tokens) and _continues_title(tokens[other[1]][2]):
                break
            name, name_end = other
            people.append(PersonMention(tokens[index][0], tokens[name_end - 1][1], name, title))
        return people
    # "Sugirah, Kepala BKPSDM Kabupaten Banyuwangi, mengatakan", "Nanang Hermawan, S.Sos.,
    # M.Si., selaku Sekretaris Daerah"
    stop = index - 1  # the comma or the word that links the name to the title
    if stop >= 1 and tokens[stop][2] in ("selaku", "sebagai"):
        if tokens[stop - 1][2] == ",":
            stop -= 1
    elif not (stop >= 1 and tokens[stop][2] == ","):
        return None
    first = stop
    while first > 0 and (
        _is_name_word(tokens[first - 1][2])
        or DEGREE.match(tokens[first - 1][2])
        or tokens[first - 1][2].lower() in HONORIFICS
        or (tokens[first - 1][2] == "," and DEGREE.match(tokens[first][2]))
    ):
        first -= 1
    # A capitalised word before the name makes it part of a longer name ("Kantor Bupati,"),
    # unless it opens the sentence ("Senada Hj. Siti Maimunah, Anggota ..."); a place
    # follows a locative ("Ditemui di Kraksaan, Kepala ...").
    if first < stop and (
        first == 0
        or tokens[first - 1][2] in DISCOURSE
        or (
            not tokens[first - 1][2][:1].isupper() and tokens[first - 1][2].lower() not in LOCATIVES
        )
    ):
        found = _name_at(tokens, first)
        if found and found[1] == stop:
            return [PersonMention(tokens[first][0], tokens[end - 1][1], found[0], title)]
    return None


def _ends_sentence(word):
    """Whether a name's last token WORD carries the period that ends its sentence, or is a
    degree (no title word goes on after a degree: "Ahmad Subiyanto, M.Si. Dalam ...")."""
    return word.endswith(".") and (
        DEGREE.match(word) is not None
        or (len(word) > 3 and NAME_WORD.fullmatch(word[:-1]) is not None)
    )


def _place_before_comma(tokens, index, end, found):
    """Whether FOUND, read right after the local title tokens[INDEX:END], is the rest of the
    village's name: one or two words, then a comma and a name that closes its clause."""
    if not any(t[2] in LOCAL_OFFICE_WORDS or t[2] in LOCAL_PLACE_WORDS for t in tokens[index:end]):
        return False
    name, name_end = found
    if len(name.split()) > 2 or name_end + 1 >= len(tokens) or tokens[name_end][2] != ",":
        return False
    other = _name_at(tokens, name_end + 1)
    if not other:
        return False
    other_end = other[1]
    return (
        other_end >= len(tokens)
        or tokens[other_end][2] == ","
        or tokens[other_end][2][:1].islower()
        or tokens[other_end - 1][2].endswith(".")
    )


def _continues_title(word):
    return word == "(" or (word[:1].isupper() and _is_title_word(word) and not DEGREE.match(word))


def _window(text, start):
    """The stretch after START that a title and a name fit in (to the line's end)."""
    stop = text.find("\n", start, start + 220)
    return min(len(text), start + 220) if stop < 0 else stop


def find_people(text, known_places=()):
    """People named beside an official title, and the people quotes are attributed to.
    KNOWN_PLACES: lowercase place names found in the text, never taken for a person."""
    known_places = {p.lower() for p in known_places}
    titled, bare = [], []
    # The first line is the headline, in title case: "Bupati Situbondo Terbitkan SE".
    headline_end = text.find("\n") + 1 if "\n" in text.strip() else 0
    covered_until = headline_end  # the titles read so far, left to right
    for match in OFFICE.finditer(text, headline_end):
        if match.start() < covered_until:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        if _office_names_no_one(text[max(line_start, match.start() - 40) : match.start()].split()):
            continue
        # The words before the title matter only for "Nama, Title" and "Nama selaku Title";
        # they are read apart, so that a token always opens at the title.
        before = []
        if (
            text[max(line_start, match.start() - 12) : match.start()]
            .rstrip()
            .endswith((",", " selaku", " sebagai"))
        ):
            before = _tokens(text, max(line_start, match.start() - 120), match.start())
        tokens = before + _tokens(text, match.start(), _window(text, match.start()))
        index = len(before)
        mentions = _titled(text, tokens, index)
        if mentions:
            covered_until = mentions[-1].end
            titled += mentions
        else:
            covered_until = tokens[_title_end(tokens, index) - 1][1]
    for match in ATTRIBUTION.finditer(text, headline_end):
        tokens = _tokens(text, match.end(), _window(text, match.end()))
        found = _name_at(tokens, 0)
        if not found:
            continue
        name, end = found
        if end < len(tokens) and tokens[end][2] != "(" and _continues_title(tokens[end][2]):
            continue  # "Menurut Komite Independen Pemantau Pemilu": an institution's name
        title = match.group(1) or ""
        if end < len(tokens) and tokens[end][2] == ",":
            if end + 1 < len(tokens) and OFFICE.match(tokens[end + 1][2]):
                title_end = _title_end(tokens, end + 1)
                title = _clean_title(text[tokens[end + 1][0] : tokens[title_end - 1][1]])
        bare.append(PersonMention(match.end(), tokens[end - 1][1], name, title))
    for verb in SPEECH_VERB.finditer(text, headline_end):
        # "Nanang Hermawan menegaskan": the name opens the sentence and the verb follows it.
        # ... or its clause: "Sementara itu, Bambang Sutejo menegaskan".
        start = _clause_start(text, verb.start(), headline_end)
        name_end = verb.start()
        # "Pengamat politik Universitas Jember, Rudi Santoso, M.Si, menilai": the name is in
        # the clause before the empty one and the degrees.
        while text.endswith(", ", 0, start) and all(
            DEGREE.match(word) for word in text[start:name_end].split()
        ):
            name_end = start - 2
            start = _clause_start(text, name_end, headline_end)
        if name_end - start > 80:
            continue
        name_end = start + len(text[start:name_end].rstrip())
        for adverb in (" juga", " pun", " kembali"):
            if text.endswith(adverb, start, name_end):
                name_end -= len(adverb)
        tokens = _tokens(text, start, name_end)
        first = 0
        if tokens and tokens[0][2] in DISCOURSE:
            # "Lebih lanjut Hermanto Rohman menyarankan", "Ketika ditemui Rudi Hartono ..."
            first = 1
            while first < len(tokens) and tokens[first][2][:1].islower():
                first += 1
        found = _name_at(tokens, first)
        # One word before a verb is too often an institution ("Korpri menyatakan"), and a
        # short form of someone named adds nobody.
        if found and found[1] == len(tokens) and " " in found[0]:
            bare.append(PersonMention(tokens[first][0], name_end, found[0], ""))
    # A subheading or caption in title case ("Bupati Situbondo Karna Suswandi Jalani
    # Pemeriksaan") runs its words together like a headline.
    headings = _title_case_lines(text) + [m.span() for m in BYLINE.finditer(text)]
    if headings:
        titled = [m for m in titled if not any(s <= m.start < e for s, e in headings)]
        bare = [m for m in bare if not any(s <= m.start < e for s, e in headings)]
    # One mention per name, the first titled one preferred.
    by_name = {}
    mentions = [(m, False) for m in sorted(titled, key=lambda m: m.start)]
    mentions += [(m, True) for m in sorted(bare, key=lambda m: m.start)]
    for mention, is_bare in mentions:
        lowered = mention.name.lower()
        if lowered in known_places or lowered.startswith(("kabupaten ", "kota ", "provinsi ")):
            continue
        if is_bare and all(_written_lowercase(text, w) for w in _words(mention.name)):
            continue  # "Edaran itu menyatakan": a word written in lowercase elsewhere
        if is_bare and _ends_with_place(mention.name):
            continue  # "Karang Taruna Situbondo menyatakan": an organisation of the place
        key = tuple(_words(mention.name))
        if key not in by_name:
            by_name[key] = mention
    # A bare short form of a titled name ("tegas Yusuf" after "M. Yusuf") is the same person,
    # and so is a name that a longer one found anywhere contains ("Rudi", "Rudi Hartono").
    return sorted(
        (
            mention
            for key, mention in by_name.items()
            if not any(len(key) < len(other) and set(key) <= set(other) for other in by_name)
        ),
        key=lambda m: m.start,
    )


def _office_names_no_one(words_before):
    """Whether the office word after WORDS_BEFORE names a building ("Pendopo Bupati", "Ruang
    Rapat Bupati Trenggalek Cakra Wijaya": the building's name may follow) or an election
    ("Pemilihan Kepala Daerah Serentak")."""
    if words_before and words_before[-1].lower() in ELECTION_WORDS:
        return True
    for position in range(len(words_before) - 1, max(-1, len(words_before) - 4), -1):
        word = words_before[position].lower()
        if word in BUILDING_WORDS or " ".join(words_before[position : position + 2]).lower() in (
            BUILDING_WORDS
        ):
            return True
        if not words_before[position][:1].isupper() or word.endswith((",", ".")):
            return False
    return False


def _title_case_lines(text):
    """(start, end) of the lines after the first written like headlines: three words or
    more, most of them capitalised, and no sentence's closing punctuation."""
    spans, start = [], text.find("\n") + 1
    while 0 < start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        words = [w for w in line.split() if w[:1].isalpha()]
        if (
            len(words) >= 3
            and not line.endswith((".", "!", "?", '"', "”", ":", ","))
            and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
        ):
            spans.append((start, end))
        start = end + 1
    return spans


def _clause_start(text, end, floor):
    period = text.rfind(". ", 0, end)
    # The period of an initial ends no sentence: "B. Santoso, S.H., menjelaskan".
    while (
        period > 0 and text[period - 1].isupper() and (period < 2 or not text[period - 2].isalpha())
    ):
        period = text.rfind(". ", 0, period)
    return max(
        period + 2,
        text.rfind(", ", 0, end) + 2,
        text.rfind("\n", 0, end) + 1,
        floor,
    )


def _ends_with_place(name):
    words = [(0, 0, w) for w in name.split()]
    return any(
        _place_length(words, len(words) - size) == size for size in (1, 2, 3) if size < len(words)
    )


def _written_lowercase(text, word):
    return len(word) > 2 and re.search(rf"(?<![\w.]){re.escape(word)}\b", text) is not None


def _words(name):
    return [w.rstrip(".").lower() for w in name.split()]
