from datetime import date, datetime, timedelta

from netra.lib.calendar import format_date_en, format_date_id


def test_it_writes_an_indonesian_long_date_with_the_weekday():
    assert format_date_id(date(2024, 11, 22)) == "Jumat, 22 November 2024"


def test_it_writes_an_indonesian_date_without_the_weekday_on_request():
    assert format_date_id(date(2024, 11, 22), weekday=False) == "22 November 2024"


def test_it_does_not_pad_the_day_number():
    assert format_date_id(date(2025, 1, 1)) == "Rabu, 1 Januari 2025"


def test_it_names_every_indonesian_weekday():
    monday = date(2024, 11, 25)
    names = [format_date_id(monday + timedelta(days=n)).split(",")[0] for n in range(7)]
    assert names == ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def test_it_names_every_indonesian_month():
    months = [format_date_id(date(2024, m, 1), weekday=False).split()[1] for m in range(1, 13)]
    assert months == [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ]  # fmt: skip


def test_it_writes_the_english_equivalent():
    assert format_date_en(date(2024, 11, 22)) == "Friday, 22 November 2024"
    assert format_date_en(date(2024, 11, 27), weekday=False) == "27 November 2024"


def test_it_formats_the_date_part_of_a_datetime():
    assert format_date_id(datetime(2024, 11, 27, 13, 0)) == "Rabu, 27 November 2024"
