from datetime import date

import pytest

from netra.lib.nip import ERROR_CODES, NipError, is_valid_nip, parse_nip

TODAY = date(2025, 6, 1)

CASES = [
    ("", "empty"),
    ("  . - ", "empty"),
    ("19800101200501100A", "not_digits"),
    ("١٩٨٠٠١٠١٢٠٠٥٠١١٠٠١", "not_digits"),
    ("19800101200501100", "length"),
    ("1980010120050110011", "length"),
    ("198013322005011001", "birth_date"),
    ("198002302005011001", "birth_date"),
    ("198302292005011001", "birth_date"),
    ("193912312005011001", "birth_date"),
    ("198001012005001001", "appointment_date"),
    ("198001012005131001", "appointment_date"),
    ("198001012005201001", "appointment_date"),
    ("198001012005221001", "appointment_date"),
    ("198001012005991001", "appointment_date"),
    ("200003152018021001", "appointment_before_adulthood"),
    ("200003152017211001", "appointment_before_adulthood"),
    ("199001012026071001", "appointment_in_future"),
    ("199001012027211001", "appointment_in_future"),
    ("198001012005013001", "gender"),
    ("198001012005010001", "gender"),
    ("198001012005011000", "sequence"),
]


@pytest.mark.parametrize(("nip", "code"), CASES)
def test_it_rejects_an_impossible_nip_with_a_stable_code(nip, code):
    with pytest.raises(NipError) as caught:
        parse_nip(nip, today=TODAY)
    assert caught.value.code == code
    assert caught.value.detail
    assert not is_valid_nip(nip, today=TODAY)


def test_it_rejects_a_nip_with_an_impossible_birth_date():
    with pytest.raises(NipError, match="birth_date"):
        parse_nip("19801332 200501 1 001", today=TODAY)


def test_it_uses_only_codes_from_the_published_set():
    assert {code for _, code in CASES} == ERROR_CODES


def test_it_raises_a_value_error_subclass():
    with pytest.raises(ValueError):
        parse_nip("123", today=TODAY)


def test_it_keeps_code_and_detail_through_pickling():
    import pickle

    error = pickle.loads(pickle.dumps(NipError("gender", "gender digit is 3")))
    assert (error.code, error.detail) == ("gender", "gender digit is 3")
    assert str(error) == "gender: gender digit is 3"
