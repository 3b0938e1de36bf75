"""Attendance files in the layouts the meeting tools export (docs/DOMAIN.md), built in code."""

import csv
import io


def _csv_lines(rows, delimiter=","):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue().splitlines()


def zoom(rows, with_meeting_data=False, indonesian=False):
    header = (
        "Nama (Nama Asli),Email Pengguna,Waktu Bergabung,Waktu Keluar,Durasi (Menit),Tamu"
        if indonesian
        else "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,"
        "Recording Consent"
    )
    lines = []
    if with_meeting_data:
        lines += [
            "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
            "812 3456 7890,Sosialisasi Netralitas ASN,10/05/2024 08:55:02 AM,"
            "10/05/2024 11:02:10 AM,bkpsdm@jemberkab.go.id,127,4",
            "",
        ]
    lines.append(header)
    lines += _csv_lines(rows)
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def zoom_unique(rows):
    lines = ["Name (Original Name),User Email,Total Duration (Minutes),Guest"]
    lines += [",".join(row) for row in rows]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def teams_new(participants, little_endian=True):
    lines = [
        "1. Summary",
        "Meeting title\tSosialisasi Netralitas ASN",
        "Attended participants\t3",
        "Start time\t05/10/24, 08:58:01",
        "",
        "2. Participants",
        "Name\tFirst join\tLast leave\tIn-meeting duration\tEmail\tParticipant ID (UPN)\tRole",
    ]
    lines += ["\t".join(row) for row in participants]
    lines += [
        "",
        "3. In-Meeting activities",
        "Name\tJoin time\tLeave time\tDuration\tEmail\tRole",
        "Siti Aminah\t05/10/24, 09:00:00\t05/10/24, 10:27:51\t1h 27m 51s\t"
        "siti@jemberkab.go.id\tAttendee",
    ]
    text = "\n".join(lines) + "\n"
    return text.encode("utf-16-le" if little_endian else "utf-16-be").join(
        [b"\xff\xfe" if little_endian else b"\xfe\xff", b""]
    )


def teams_old(events):
    lines = ["Full Name\tUser Action\tTimestamp"] + ["\t".join(e) for e in events]
    return b"\xff\xfe" + ("\n".join(lines) + "\n").encode("utf-16-le")


def meet(rows):
    lines = ["First name,Last name,Email,Duration,Time joined,Time exited"]
    lines += [",".join(row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def sheet_xlsx(rows, header=("No", "Nama", "NIP", "Unit Kerja", "Jabatan", "Tanda Tangan")):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Daftar Hadir Sosialisasi Netralitas ASN"])
    sheet.append([])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheet_csv(lines, header="Nama;NIP;OPD;Jabatan"):
    """A sign-in sheet saved by Excel with semicolons; LINES are already joined."""
    return ("\n".join([header, *lines]) + "\n").encode("utf-8")
