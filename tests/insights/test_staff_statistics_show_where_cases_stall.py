"""Where cases stall: the cases past their deadline by the step they wait in (the workflow's
own names) and, over a province or the nation, by office, the most overdue office first."""

from datetime import timedelta

import pytest

from netra.cases import workflow as wf
from netra.cases.models import STATE_LABELS
from netra.insights import refresh

from .staff_page import PATH, cell, open_finding


@pytest.fixture
def stalled(alice, dewi, walk_case):
    """Two Jember cases and one Banyuwangi case overdue in their initial study, one Jember
    case received and not yet late; the summaries refreshed a day after the deadlines."""
    due = []
    for number in range(2):
        due.append(walk_case(open_finding(alice, "35.09", f"Jember {number}"), wf.INITIAL_STUDY))
    due.append(walk_case(open_finding(dewi, "35.10", "Banyuwangi"), wf.INITIAL_STUDY, officer=dewi))
    open_finding(alice, "35.09", "Belum terlambat")
    latest = max(case.due_at for case in due)
    refresh.refresh_all(now=latest + timedelta(days=1))


def test_it_counts_the_overdue_cases_by_the_step_they_wait_in(client_for, alice, stalled):
    response = client_for(alice).get(PATH, {"pemilihan": "pilkada-2024"})

    assert cell(response.content.decode(), "overdue", wf.INITIAL_STUDY) == "2"
    (step,) = response.context["overdue_steps"]
    assert (step["state"], step["label"], step["count"]) == (
        wf.INITIAL_STUDY,
        STATE_LABELS[wf.INITIAL_STUDY],
        2,
    )


def test_it_lists_a_provinces_offices_most_overdue_first(client_for, dewi, stalled):
    response = client_for(dewi).get(PATH, {"pemilihan": "pilkada-2024"})

    offices = [(o["code"], o["overdue"], o["received"]) for o in response.context["offices"]]
    assert offices == [("35.09", 2, 3), ("35.10", 1, 1)]
    html = response.content.decode()
    assert html.index('data-office="35.09"') < html.index('data-office="35.10"')
    assert cell(html, "overdue", wf.INITIAL_STUDY) == "3"


def test_a_regency_view_lists_no_offices(client_for, alice, stalled):
    response = client_for(alice).get(PATH, {"pemilihan": "pilkada-2024"})

    assert response.context["offices"] == []
    assert 'id="overdue-offices"' not in response.content.decode()
