from datetime import date

from netra.lib.nip import NipInfo, is_valid_nip, parse_nip

TODAY = date(2025, 6, 1)


def test_it_reads_birth_date_appointment_gender_and_sequence():
    info = parse_nip("198001012005011001", today=TODAY)
    assert info == NipInfo(
        nip="198001012005011001",
        birth_date=date(1980, 1, 1),
        appointment_year=2005,
        appointment_month=1,
        gender="M",
        sequence=1,
        is_pppk=False,
    )


def test_it_reads_a_female_employee():
    info = parse_nip("197512312003122045", today=TODAY)
    assert info.gender == "F"
    assert info.sequence == 45
    assert info.appointment_month == 12


def test_it_accepts_a_pppk_nip_with_21_in_the_month_place():
    info = parse_nip("199001012021212001", today=TODAY)
    assert info.is_pppk
    assert info.appointment_year == 2021
    assert info.appointment_month is None
    assert info.gender == "F"


def test_it_accepts_appointment_in_the_month_the_person_turns_18():
    assert parse_nip("200003152018031001", today=TODAY).appointment_year == 2018


def test_it_accepts_appointment_up_to_one_year_ahead():
    assert is_valid_nip("199001012026061001", today=TODAY)


def test_it_accepts_a_pppk_appointed_next_year():
    assert is_valid_nip("199001012026211001", today=TODAY)


def test_it_accepts_a_leap_day_birth_date():
    assert parse_nip("198402292010011001", today=TODAY).birth_date == date(1984, 2, 29)


def test_it_returns_an_immutable_record():
    info = parse_nip("198001012005011001", today=TODAY)
    try:
        info.gender = "F"
    except AttributeError:
        return
    raise AssertionError("NipInfo should be frozen")


def test_it_checks_validity_against_the_current_date_by_default():
    assert is_valid_nip("198001012005011001")
    assert not is_valid_nip("198001012099011001")
