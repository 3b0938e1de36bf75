from netra.lib.nip import normalize_nip, parse_nip


def test_it_removes_the_spaces_people_put_between_blocks():
    assert normalize_nip("19800101 200501 1 001") == "198001012005011001"


def test_it_removes_dots_dashes_and_non_breaking_spaces():
    assert normalize_nip("19800101.200501-1\u00a0001") == "198001012005011001"


def test_it_leaves_other_characters_for_the_parser_to_reject():
    assert normalize_nip("1980O101") == "1980O101"


def test_it_parses_a_nip_written_with_separators():
    assert parse_nip("19800101 200501 1 001").nip == "198001012005011001"
