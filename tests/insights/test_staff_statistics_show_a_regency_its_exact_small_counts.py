"""A regency office sees the figures of its own regency as they are: three cases are "3",
not the public's "<5", in the funnel, in the cases per step and in the weekly table."""

from django.utils import timezone

from netra.insights import refresh
from netra.insights.charts import monday

from .staff_page import PATH, cell, open_finding


def test_it_shows_a_regency_officer_three_cases_as_three(client_for, alice, walk_case):
    for number in range(3):
        case = open_finding(alice, "35.09", f"Temuan {number}")
    walk_case(case, "registered")
    refresh.refresh_all()

    response = client_for(alice).get(PATH, {"pemilihan": "pilkada-2024"})

    assert response.status_code == 200
    html = response.content.decode()
    assert cell(html, "stage", "received") == "3"
    assert cell(html, "stage", "registered") == "1"
    assert cell(html, "state", "received") == "2"
    assert cell(html, "state", "registered") == "1"
    this_week = monday(timezone.localdate()).isoformat()
    assert cell(html, "received-week", this_week) == "3"
    assert "&lt;5" not in html


def test_it_opens_on_the_officers_own_regency_and_the_election_with_figures(client_for, alice):
    open_finding(alice, "35.09")
    refresh.refresh_all()

    response = client_for(alice).get(PATH)

    assert response.status_code == 200
    assert response.context["region"].code == "35.09"
    assert response.context["election"].code == "pilkada-2024"
    assert cell(response.content.decode(), "stage", "received") == "1"


def test_it_says_so_when_the_region_has_no_case_yet(client_for, alice):
    response = client_for(alice).get(PATH, {"pemilihan": "pilkada-2024"})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="no-figures"' in html
    assert cell(html, "stage", "received") == "0"
