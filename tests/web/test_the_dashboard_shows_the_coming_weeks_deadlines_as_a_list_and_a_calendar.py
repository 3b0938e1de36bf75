"""Deadlines of the coming 7 days: a calendar of 7 days with a count per day, each day
linking to its part of the list; the list nearest first, with case, step, due time and
assignee, a few per day and a link to all of them."""

import re
from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone

from .dashboard_cases import make_case


def at(days, hour):
    """HOUR o'clock, DAYS days from today, in the current time zone (Jakarta)."""
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def test_the_calendar_counts_each_day_and_the_list_puts_the_nearest_first(
    client_for, alice, bob, make_user
):
    tomorrow_late = make_case("study", due_at=at(1, 15), assigned_to=bob)
    tomorrow_early = make_case("registered", due_at=at(1, 9))
    make_case("study", due_at=at(3, 10))
    make_case("study", due_at=at(8, 10))  # beyond the week
    make_case("study", due_at=timezone.now() - timedelta(hours=1))  # overdue, not "coming"
    make_case("closed", due_at=at(2, 10))  # closed work has no deadline
    make_case("study", code="15.71", due_at=at(1, 10))  # another region

    response = client_for(alice).get(reverse("web:dashboard"))
    days = response.context["days"]
    assert len(days) == 7 and days[0]["date"] == timezone.localdate()
    assert [d["count"] for d in days] == [0, 2, 0, 1, 0, 0, 0]
    assert response.context["due_count"] == 3
    assert [c.pk for c in days[1]["cases"]] == [tomorrow_early.pk, tomorrow_late.pk]

    page = response.content.decode()
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert f'href="#tenggat-{tomorrow}"' in page and f'id="tenggat-{tomorrow}"' in page
    listed = page[page.index(f'id="tenggat-{tomorrow}"') :]
    assert listed.index(f"/kasus/{tomorrow_early.pk}/") < listed.index(
        f"/kasus/{tomorrow_late.pk}/"
    )
    assert "Bob" in listed and "Kajian" in listed and "15:00 WIB" in listed
    assert 'href="/kasus/?tenggat=7"' in page
    # the calendar is a table with the full date for assistive technology
    assert re.search(r'aria-label="Tenggat pada [A-Za-z]+, \d+ \w+ \d{4}: 2"', page)


def test_a_busy_day_shows_its_nearest_cases_and_says_how_many_more(client_for, alice):
    cases = [make_case("study", due_at=at(2, 8) + timedelta(minutes=i)) for i in range(7)]
    response = client_for(alice).get(reverse("web:dashboard"))
    busy = response.context["days"][2]
    assert busy["count"] == 7 and busy["more"] == 2
    assert [c.pk for c in busy["cases"]] == [c.pk for c in cases[:5]]
    assert "dan 2 lainnya pada hari itu" in response.content.decode()


def test_a_week_without_deadlines_says_so(client_for, alice):
    page = client_for(alice).get(reverse("web:dashboard")).content.decode()
    assert "Tidak ada tenggat dalam 7 hari ke depan." in page


def test_the_week_figure_counts_what_its_link_lists(client_for, alice):
    """The figure links to the case list's "due within 7 days", which counts from now to the
    same time a week on; the calendar's days end at midnight, so a case due on the eighth day
    before this hour is in the figure and the list, not in the calendar."""
    now = timezone.now()
    inside = [
        make_case("study", due_at=now + timedelta(hours=2)),
        make_case("study", due_at=now + timedelta(days=7) - timedelta(minutes=5)),
    ]
    outside = make_case("study", due_at=now + timedelta(days=7, minutes=5))
    officer = client_for(alice)
    response = officer.get(reverse("web:dashboard"))
    assert response.context["due_count"] == 2
    listed = officer.get(reverse("cases:list"), {"tenggat": "7"}).content.decode()
    for case in inside:
        assert f'href="/kasus/{case.pk}/"' in listed
    assert f'href="/kasus/{outside.pk}/"' not in listed
