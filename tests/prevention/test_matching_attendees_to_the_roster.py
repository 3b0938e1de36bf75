"""Matching rules (pure): NIP, e-mail, names within the target agencies, nothing guessed."""

from netra.prevention.matching import MATCHED, UNCERTAIN, UNMATCHED, Person, Roster

EDUCATION, HEALTH = 1, 2
ROSTER = Roster(
    [
        Person(1, "196805121994031005", "Moch. Soeharto", "soeharto@jemberkab.go.id", EDUCATION),
        Person(2, "198001012005012002", "Siti Aminah", "", EDUCATION),
        Person(3, "198202022006042003", "Siti Aminah", "", HEALTH),
        Person(4, "197503032000031004", "Wahjudi Djojo", "", EDUCATION),
        Person(5, "199004042015031005", "Budi Santoso", "", HEALTH),
        Person(6, "199105052016032006", "Budi Santosa", "", HEALTH),
    ]
)


def test_a_nip_decides_and_an_unknown_nip_is_not_guessed():
    assert ROSTER.match(name="siapa saja", nip="1968 0512 1994 0310 05").employee_id == 1
    unknown = ROSTER.match(name="Moch. Soeharto", nip="196805121994031999")
    assert (unknown.status, unknown.reason) == (UNMATCHED, "nip_unknown")


def test_an_email_on_the_roster_decides():
    match = ROSTER.match(name="HP Kantor", email="Soeharto@JemberKab.go.id")
    assert (match.status, match.employee_id, match.method) == (MATCHED, 1, "email")


def test_titles_degrees_and_old_spellings_match_within_the_target_agencies():
    match = ROSTER.match(name="Drs. H. Muhammad Suharto, M.Si", target_agencies={EDUCATION})
    assert (match.status, match.employee_id) == (MATCHED, 1)
    match = ROSTER.match(name="Wahyudi Joyo, S.Pd", target_agencies={EDUCATION})
    assert (match.status, match.employee_id) == (MATCHED, 4)


def test_a_zoom_display_name_with_a_device_or_original_name_is_read():
    match = ROSTER.match(name="iPhone (Wahjudi Djojo)", target_agencies={EDUCATION})
    assert (match.status, match.employee_id) == (MATCHED, 4)


def test_the_target_agency_tells_namesakes_apart():
    assert ROSTER.match(name="Siti Aminah", target_agencies={HEALTH}).employee_id == 3


def test_namesakes_without_a_target_are_left_to_an_officer():
    match = ROSTER.match(name="Siti Aminah")
    assert match.status == UNCERTAIN
    assert {pid for pid, _ in match.candidates} == {2, 3}


def test_two_close_spellings_are_uncertain_not_guessed():
    match = ROSTER.match(name="Budi Santos", target_agencies={HEALTH})
    assert match.status == UNCERTAIN
    assert {pid for pid, _ in match.candidates} == {5, 6}


def test_a_name_found_only_outside_the_target_agencies_is_at_most_uncertain():
    match = ROSTER.match(name="Budi Santoso", target_agencies={EDUCATION})
    assert match.status == UNCERTAIN and match.candidates[0][0] == 5


def test_a_stranger_is_unmatched():
    match = ROSTER.match(name="Kevin Wijaya", target_agencies={EDUCATION})
    assert (match.status, match.reason) == (UNMATCHED, "no_candidate")
