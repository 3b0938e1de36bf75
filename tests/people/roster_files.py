"""Roster files as personnel agencies actually send them."""

HEADER = "NIP,Nama,Jenis Pegawai,Jabatan,Jenis Jabatan,Unit Kerja,Kecamatan,Email,Aktif\n"
VALID_ROWS = [
    "198501012010011001,Drs. H. Ahmad Fauzi M.Si,PNS,Kepala Bidang,Administrator,"
    "Dinas Pendidikan,Ajung,ahmad@example.id,Ya\n",
    "199003152015032002,Siti Aminah S.Pd.,PNS,Guru Ahli Muda,Fungsional,Dinas Pendidikan,,,Ya\n",
    "199001012021212001,Budi Santoso,PPPK,Pengolah Data,Pelaksana,Dinas Kesehatan,,,\n",
    ",Wahyu Hidayat,Non ASN,Pengemudi,,Dinas Kesehatan,,,Ya\n",
]


def write(tmp_path, text, name="roster.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def valid_csv(tmp_path, rows=VALID_ROWS, name="roster.csv"):
    return write(tmp_path, HEADER + "".join(rows), name)
