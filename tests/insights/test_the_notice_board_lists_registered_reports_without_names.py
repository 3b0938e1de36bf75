"""The notice board lists every registered report and finding of an election, newest first,
with its register number, date, region, conduct and Bawaslu's status, and never a name: not
the reporter's, not the reported person's, not the officer's."""

from netra.insights import refresh

from .public_page import findings

BOARD = "/statistik/papan-pengumuman/"


def test_registered_cases_are_listed_with_their_number_and_status_and_no_name(
    client, alice, charlie, walk_case
):
    opened = findings(alice, "35.09", 3)
    walk_case(opened[0], "registered")
    walk_case(opened[1], "decided_no_violation")
    findings(charlie, "15.71", 1)  # received only: not on the board
    refresh.refresh_all()
    for case in opened:
        case.refresh_from_db()

    html = client.get(BOARD, {"pemilihan": "pilkada-2024"}).content.decode()

    assert opened[0].number in html and opened[1].number in html
    assert opened[2].number == ""  # received, not registered: no number, not listed
    assert html.count("<tr>") == 1 + 2  # the head and two rows
    assert "Kabupaten Jember" in html
    assert "Bukan pelanggaran" in html or "Not a violation" in html
    for name in ("alice", "Temuan", opened[0].summary):
        assert name not in html.split('id="board"')[1]


def test_the_board_narrows_to_a_region_and_ignores_one_outside_the_election(
    client, alice, charlie, walk_case
):
    for case in findings(alice, "35.09", 1) + findings(charlie, "15.71", 1):
        walk_case(case, "registered")
    refresh.refresh_all()

    jember = client.get(BOARD, {"pemilihan": "pilkada-2024", "wilayah": "35.09"})
    unknown = client.get(BOARD, {"pemilihan": "pilkada-2024", "wilayah": "'; drop"})

    assert jember.content.decode().count("<tr>") == 1 + 1
    assert unknown.status_code == 200
    assert unknown.content.decode().count("<tr>") == 1 + 2
    assert 'id="outside"' in unknown.content.decode()  # says it lists the whole election
    assert 'id="outside"' not in jember.content.decode()


def test_the_board_pages_through_older_entries(client, alice, walk_case, settings):
    from netra.insights import views

    views_size = views.BOARD_PAGE_SIZE
    views.BOARD_PAGE_SIZE = 2
    try:
        for case in findings(alice, "35.09", 3):
            walk_case(case, "registered")
        refresh.refresh_all()
        first = client.get(BOARD, {"pemilihan": "pilkada-2024"}).content.decode()
        second = client.get(BOARD, {"pemilihan": "pilkada-2024", "halaman": "2"}).content.decode()
    finally:
        views.BOARD_PAGE_SIZE = views_size

    assert first.count("<tr>") == 1 + 2 and 'rel="next"' in first
    assert second.count("<tr>") == 1 + 1 and 'rel="prev"' in second and 'rel="next"' not in second


def test_a_page_past_the_last_is_not_found_rather_than_empty(client, alice, walk_case):
    for case in findings(alice, "35.09", 1):
        walk_case(case, "registered")
    refresh.refresh_all()

    past = client.get(BOARD, {"pemilihan": "pilkada-2024", "wilayah": "35.09", "halaman": "2"})

    assert past.status_code == 404
