from datetime import timedelta

from django.utils import timezone

from netra.cases import actions
from netra.cases.models import Case
from netra.regions.models import Election


def findings(officer, region, count):
    election = Election.objects.get(code="pilkada-2024")
    return [
        actions.open_finding(officer, election=election, region=region, summary=f"Temuan {i}")
        for i in range(count)
    ]


def test_the_list_is_paginated_fifty_at_a_time(client_for, alice, region):
    findings(alice, region("35.09"), 55)
    client = client_for(alice)
    first = client.get("/kasus/").content.decode()
    assert first.count('href="/kasus/') - first.count('href="/kasus/temuan/') >= 50
    assert "Halaman 1 dari 2" in first
    second = client.get("/kasus/", {"page": 2}).content.decode()
    assert "Halaman 2 dari 2" in second


def test_filters_by_step_overdue_and_assignment(client_for, alice, bob, region):
    mine, theirs, late = findings(alice, region("35.09"), 3)
    actions.assign(alice, theirs, bob, version=theirs.version)
    late = actions.transition(alice, late, "initial_study", version=late.version)
    Case.objects.filter(pk=late.pk).update(due_at=timezone.now() - timedelta(hours=2))
    client = client_for(bob)

    def ids(**query):
        response = client.get("/kasus/", query)
        return {c.pk for c in response.context["cases"]}

    assert ids(state="initial_study") == {late.pk}
    assert ids(lewat="on") == {late.pk}
    assert ids(saya="on") == {theirs.pk}
    assert ids(state="no-such-step") == {mine.pk, theirs.pk, late.pk}  # a bad filter is ignored
    assert ids(state="no-such-step", saya="on") == {theirs.pk}  # ...and only that one
