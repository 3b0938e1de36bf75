"""The demo showed 12 cases "PPK melewati batas waktu" while the dashboard said "0 lewat
tenggat": the count took only steps whose due_at had passed, and a PPK-overdue case has its
next deadline still ahead. It now counts both."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from netra.cases.models import Case


def test_the_overdue_count_includes_ppk_overdue_cases_and_cases_past_their_deadline(
    client_for, alice, reported_case
):
    now = timezone.now()
    Case.objects.filter(pk=reported_case.pk).update(
        state="ppk_overdue", due_at=now + timedelta(days=10)
    )
    response = client_for(alice).get(reverse("web:dashboard"))
    assert response.context["overdue_cases"] == 1

    Case.objects.filter(pk=reported_case.pk).update(state="study", due_at=now - timedelta(hours=1))
    assert client_for(alice).get(reverse("web:dashboard")).context["overdue_cases"] == 1

    Case.objects.filter(pk=reported_case.pk).update(due_at=now + timedelta(days=3))
    assert client_for(alice).get(reverse("web:dashboard")).context["overdue_cases"] == 0


def test_the_overdue_link_lists_the_same_cases_the_dashboard_counts(
    client_for, alice, reported_case
):
    """The dashboard's count links to the case list's "overdue only", which left out the
    PPK-overdue cases it counted."""
    Case.objects.filter(pk=reported_case.pk).update(state="ppk_overdue", due_at=None)
    officer = client_for(alice)
    assert officer.get(reverse("web:dashboard")).context["overdue_cases"] == 1
    listed = officer.get(reverse("cases:list"), {"lewat": "1"}).content.decode()
    assert f'href="/kasus/{reported_case.pk}/"' in listed
