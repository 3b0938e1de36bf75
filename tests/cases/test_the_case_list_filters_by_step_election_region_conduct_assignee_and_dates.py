"""Every filter of the case list: step, election, region (within reach; out of reach gives
nothing), conduct (through the report), assignee, overdue, due within N days, received dates."""

from datetime import timedelta

from django.utils import timezone

from netra.cases import actions
from netra.cases.models import Case
from netra.regions.models import Election
from netra.reports.models import Submission

from ..reports.helpers import file_report


def finding(officer, region, election="pilkada-2024"):
    return actions.open_finding(
        officer,
        election=Election.objects.get(code=election),
        region=region,
        summary="Temuan pengawasan",
    )


def ids(client, **query):
    response = client.get("/kasus/", query)
    assert response.status_code == 200
    return {c.pk for c in response.context["cases"]}


def test_every_filter_narrows_the_list(client, client_for, alice, bob, dewi, region):
    jember, banyuwangi = region("35.09"), region("35.10")
    file_report(client, conduct=["props"])
    reported = actions.open_case_from_submission(alice, Submission.objects.get())
    mine = finding(alice, jember)
    other = finding(dewi, banyuwangi)
    late = actions.transition(alice, finding(alice, jember), "initial_study", version=1)
    soon = actions.transition(alice, finding(alice, jember), "initial_study", version=1)
    now = timezone.now()
    Case.objects.filter(pk=late.pk).update(due_at=now - timedelta(hours=2))
    Case.objects.filter(pk=soon.pk).update(due_at=now + timedelta(days=3))
    Case.objects.filter(pk=mine.pk).update(received_at=now - timedelta(days=40))
    actions.assign(alice, Case.objects.get(pk=mine.pk), bob, version=mine.version)
    everything = {reported.pk, mine.pk, other.pk, late.pk, soon.pk}
    client = client_for(dewi)  # the province officer reaches both regencies

    assert ids(client) == everything
    assert ids(client, state="initial_study") == {late.pk, soon.pk}
    assert ids(client, election="pilkada-2024") == everything
    other_election = Election.objects.exclude(code="pilkada-2024").first()
    if other_election is not None:
        assert ids(client, election=other_election.code) == set()
    assert ids(client, region="35.10") == {other.pk}
    assert ids(client, region="35") == everything  # a province holds its regencies
    assert ids(client, region="15.71") == set()  # out of reach: nothing
    assert ids(client, conduct="DIS-01") == {reported.pk}  # props -> ETIK-01, DIS-01
    assert ids(client, conduct="DIS-12") == set()
    assert ids(client, petugas=str(bob.pk)) == {mine.pk}
    assert ids(client_for(bob), saya="on") == {mine.pk}
    assert ids(client, lewat="on") == {late.pk}
    assert ids(client, tenggat="7") == {soon.pk}
    assert ids(client, tenggat="1") == set()
    today = timezone.localdate()
    assert ids(
        client, dari=str(today - timedelta(days=41)), sampai=str(today - timedelta(days=39))
    ) == {mine.pk}
    assert ids(client, dari=str(today)) == everything - {mine.pk}
    # Two filters together.
    assert ids(client, region="35.09", state="initial_study") == {late.pk, soon.pk}


def test_the_region_filter_offers_the_regions_within_reach_named_with_their_province(
    client_for, alice, charlie
):
    html = client_for(alice).get("/kasus/", {"region": "35.09"}).content.decode()
    assert "data-region-picker" in html
    assert '<option value="35.09" selected>Kabupaten Jember — Jawa Timur (35.09)</option>' in html
    assert 'value="15.71"' not in html  # Kota Jambi is charlie's
    assert 'value="35.10"' not in html
