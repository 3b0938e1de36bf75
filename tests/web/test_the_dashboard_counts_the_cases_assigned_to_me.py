""" "Assigned to me": the open cases in the officer's name, and how many of them are overdue,
each linking to the case list filtered the same way."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from .dashboard_cases import make_case


def test_my_open_and_overdue_cases_are_counted_and_linked(client_for, alice, bob):
    make_case("study", assigned_to=alice)
    make_case("clarification", assigned_to=alice, due_at=timezone.now() - timedelta(hours=3))
    make_case("closed", assigned_to=alice)
    make_case("study", assigned_to=bob)

    response = client_for(alice).get(reverse("web:dashboard"))
    assert (response.context["mine"], response.context["mine_overdue"]) == (2, 1)
    page = response.content.decode()
    assert 'href="/kasus/?saya=1"' in page and 'href="/kasus/?saya=1&amp;lewat=1"' in page
    assert client_for(bob).get(reverse("web:dashboard")).context["mine"] == 1
