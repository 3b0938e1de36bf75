"""/statistik/ shows the nation's funnel with its exact counts where they are 5 or more, and
"<5" for a count from 1 to 4, without a bar that would tell its size; no sign-in needed."""

from netra.insights import refresh

from .public_page import findings, funnel_cell


def test_the_nation_shows_its_counts_and_writes_a_small_one_as_under_five(client, alice, walk_case):
    for case in findings(alice, "35.09", 7)[:3]:
        walk_case(case, "registered")
    refresh.refresh_all()

    response = client.get("/statistik/", {"pemilihan": "pilkada-2024"})

    assert response.status_code == 200
    html = response.content.decode()
    assert funnel_cell(html, "reports") == ("7", "shown")
    assert funnel_cell(html, "registered") == ("<5", "small")
    assert funnel_cell(html, "violations") == ("0", "shown")
    # One bar, for the shown count of 7; none for "<5"; the zeros' bars are empty.
    bars = html.split('id="funnel"')[1].split('id="medians"')[0]
    assert bars.count('<rect width="100"') == 1
    assert bars.count("<rect width=") == 1 + bars.count('<rect width="0"') == 6


def test_a_page_in_english_writes_its_labels_in_english(client, alice):
    findings(alice, "35.09", 6)
    refresh.refresh_all()

    client.cookies["django_language"] = "en"
    html = client.get("/statistik/").content.decode()

    assert "Reports and findings" in html
    assert 'lang="en"' in html
