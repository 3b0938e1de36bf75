"""Reading the common attendance layouts, and refusing what cannot be read (pure module)."""

from datetime import date

import pytest

from netra.prevention.attendance import AttendanceFileError, merge, parse, parse_minutes

from . import files


def by_name(parsed):
    return {a.name: a for a in parsed.attendees}


def test_a_zoom_export_merges_rejoins_and_reads_twelve_hour_times():
    data = files.zoom(
        [
            [
                "Siti Aminah (Siti A)",
                "siti@jemberkab.go.id",
                "10/05/2024 09:00:00 AM",
                "10/05/2024 09:40:00 AM",
                "40",
                "No",
                "Yes",
            ],
            [
                "Siti Aminah (Siti A)",
                "siti@jemberkab.go.id",
                "10/05/2024 09:35:00 AM",
                "10/05/2024 10:20:00 AM",
                "45",
                "No",
                "Yes",
            ],  # rejoined, overlapping 5 minutes
            [
                "iPhone Pak Budi",
                "",
                "10/05/2024 09:05:00 AM",
                "10/05/2024 09:15:00 AM",
                "10",
                "Yes",
                "Yes",
            ],
            [
                "Drs. H. Moch. Soeharto, M.Si",
                "",
                "10/05/2024 12:50:00 PM",
                "10/05/2024 01:10:00 PM",
                "20",
                "Yes",
                "Yes",
            ],
        ]
    )
    parsed = parse(data)
    people = by_name(parsed)
    assert parsed.layout == "zoom" and not parsed.errors
    assert people["Siti Aminah (Siti A)"].minutes == 80  # 09:00-10:20, the overlap once
    assert people["Siti Aminah (Siti A)"].rows == [2, 3]
    assert people["iPhone Pak Budi"].guest and people["iPhone Pak Budi"].minutes == 10
    assert people["Drs. H. Moch. Soeharto, M.Si"].minutes == 20  # 12:50 PM to 1:10 PM
    assert parsed.meeting_date == date(2024, 10, 5)  # Zoom writes month first


def test_a_zoom_export_with_meeting_data_and_indonesian_headers_is_read():
    with_data = parse(
        files.zoom(
            [
                [
                    "Rina",
                    "rina@x.id",
                    "10/05/2024 09:00:00 AM",
                    "10/05/2024 09:30:00 AM",
                    "30",
                    "No",
                    "Yes",
                ]
            ],
            with_meeting_data=True,
        )
    )
    assert [a.minutes for a in with_data.attendees] == [30]
    indonesian = parse(
        files.zoom(
            [["Rina", "rina@x.id", "05/10/2024 09:00:00", "05/10/2024 09:30:00", "30", "Tidak"]],
            indonesian=True,
        ),
        tool_day_first=True,
    )
    assert [a.minutes for a in indonesian.attendees] == [30]
    assert indonesian.meeting_date == date(2024, 10, 5)


def test_unique_users_carry_their_total_minutes():
    parsed = parse(files.zoom_unique([["Rina", "rina@x.id", "95", "No"], ["Tamu", "", "3", "Yes"]]))
    assert parsed.layout == "zoom_unique"
    assert {a.name: a.minutes for a in parsed.attendees} == {"Rina": 95, "Tamu": 3}


@pytest.mark.parametrize("little_endian", [True, False])
def test_a_new_teams_export_reads_the_participants_section_only(little_endian):
    parsed = parse(
        files.teams_new(
            [
                [
                    "Siti Aminah",
                    "14/10/24, 09:00:00",
                    "14/10/24, 10:27:51",
                    "1h 27m 51s",
                    "siti@jemberkab.go.id",
                    "siti@jemberkab.go.id",
                    "Attendee",
                ],
                [
                    "Budi Santoso",
                    "14/10/24, 09:10:00",
                    "14/10/24, 09:20:00",
                    "10m 0s",
                    "",
                    "",
                    "Attendee",
                ],
            ],
            little_endian=little_endian,
        )
    )
    assert parsed.layout == "teams" and not parsed.errors
    assert {a.name: a.minutes for a in parsed.attendees} == {"Siti Aminah": 88, "Budi Santoso": 10}
    assert parsed.meeting_date == date(2024, 10, 14)  # 14 cannot be a month: day first


def test_an_old_teams_export_pairs_joins_and_leaves():
    parsed = parse(
        files.teams_old(
            [
                ["Siti Aminah", "Joined before", "6/1/2021, 9:00:00 AM"],
                ["Budi Santoso (Unverified)", "Joined", "6/1/2021, 9:10:00 AM"],
                ["Budi Santoso (Unverified)", "Left", "6/1/2021, 9:40:00 AM"],
                ["Siti Aminah", "Left", "6/1/2021, 10:00:00 AM"],
                ["Rina Kartika", "Joined", "6/1/2021, 9:30:00 AM"],
            ]
        ),
        tool_day_first=False,
    )
    people = by_name(parsed)
    assert parsed.layout == "teams_old"
    assert people["Siti Aminah"].minutes == 60
    assert people["Budi Santoso"].minutes == 30 and people["Budi Santoso"].guest
    assert people["Rina Kartika"].minutes == 30  # no Left: until the download (10:00)


def test_a_meet_export_takes_its_date_from_the_file_name():
    parsed = parse(
        files.meet(
            [
                ["Siti", "Aminah", "siti@x.id", "1 hr 5 min", "09:00", "10:05"],
                ["Budi", "Santoso", "", "12 min", "09:10", "09:22"],
            ]
        ),
        filename="abc-defg-hij (2024-10-05 at 09 00 GMT+7).csv",
    )
    assert parsed.layout == "meet" and parsed.meeting_date == date(2024, 10, 5)
    assert {a.name: a.minutes for a in parsed.attendees} == {"Siti Aminah": 65, "Budi Santoso": 12}


def test_a_sign_in_sheet_in_excel_keeps_nip_agency_and_titles():
    parsed = parse(
        files.sheet_xlsx(
            [
                (
                    1,
                    "Drs. H. Moch. Soeharto, M.Si",
                    "196805121994031005",
                    "Dinas Pendidikan",
                    "Kepala Bidang",
                    "",
                ),
                (2, "Sri Wahyuni, S.Pd", "", "Kecamatan Ajung", "Pelaksana", ""),
            ]
        )
    )
    people = by_name(parsed)
    assert parsed.layout == "sheet" and not parsed.errors
    assert people["Drs. H. Moch. Soeharto, M.Si"].nip == "196805121994031005"
    assert people["Sri Wahyuni, S.Pd"].agency == "Kecamatan Ajung"
    assert people["Sri Wahyuni, S.Pd"].minutes is None


def test_duplicate_rows_count_once():
    row = [
        "Rina",
        "rina@x.id",
        "10/05/2024 09:00:00 AM",
        "10/05/2024 09:30:00 AM",
        "30",
        "No",
        "Yes",
    ]
    assert [a.minutes for a in parse(files.zoom([row, row, row])).attendees] == [30]


def test_two_exports_of_one_meeting_are_merged():
    first = parse(
        files.zoom(
            [
                [
                    "Rina",
                    "rina@x.id",
                    "10/05/2024 09:00:00 AM",
                    "10/05/2024 09:30:00 AM",
                    "30",
                    "No",
                    "Yes",
                ]
            ]
        )
    )
    second = parse(
        files.zoom(
            [
                [
                    "Rina",
                    "rina@x.id",
                    "10/05/2024 09:20:00 AM",
                    "10/05/2024 10:00:00 AM",
                    "40",
                    "No",
                    "Yes",
                ],
                ["Budi", "", "10/05/2024 09:00:00 AM", "10/05/2024 09:05:00 AM", "5", "Yes", "Yes"],
            ]
        )
    )
    merged = {a.name: a.minutes for a in merge([first, second])}
    assert merged == {"Rina": 60, "Budi": 5}


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("87", 87),
        ("1h 27m 51s", 88),
        ("1 hr 5 min", 65),
        ("1 jam 5 mnt", 65),
        ("01:27:51", 88),
        ("45 menit", 45),
        ("2 hrs", 120),
    ],
)
def test_durations_in_every_spelling(text, minutes):
    assert parse_minutes(text) == minutes


def test_an_unknown_layout_is_refused_naming_the_header_it_found():
    with pytest.raises(AttendanceFileError) as refused:
        parse(b"Kolom A,Kolom B\n1,2\n")
    assert refused.value.code == "unknown_layout"
    assert "Kolom A" in refused.value.params["header"]


def test_mixed_date_orders_are_refused_naming_the_row_and_column():
    parsed = parse(
        files.zoom(
            [
                ["Rina", "", "24/09/2024 09:00:00", "24/09/2024 09:30:00", "30", "No", "Yes"],
                ["Budi", "", "09/25/2024 09:00:00", "09/25/2024 09:30:00", "30", "No", "Yes"],
            ]
        )
    )
    assert [(e.code, e.column) for e in parsed.errors][0] == ("mixed_dates", "join/leave")


def test_a_time_that_cannot_be_read_names_its_row_column_and_value():
    parsed = parse(
        files.zoom([["Rina", "", "10/05/2024 09:00:00 AM", "setengah sepuluh", "30", "No", "Yes"]])
    )
    (error,) = parsed.errors
    assert (error.row, error.column, error.value, error.code) == (
        2,
        "leave",
        "setengah sepuluh",
        "bad_time",
    )


def test_a_non_utf8_file_is_refused():
    data = "Name (Original Name),User Email,Join Time,Leave Time\nJosé,,1,2\n".encode("latin-1")
    with pytest.raises(AttendanceFileError) as refused:
        parse(data)
    assert refused.value.code == "encoding"


def test_a_bad_nip_on_a_sign_in_sheet_is_named():
    parsed = parse(files.sheet_csv(["Rina;1990010120150310;Dinas Kesehatan;Staf"]))
    assert [(e.row, e.column, e.code) for e in parsed.errors] == [(2, "NIP", "bad_nip")]
