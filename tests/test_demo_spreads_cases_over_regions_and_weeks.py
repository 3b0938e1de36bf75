"""The demo's cases lie in many regencies and cities of many provinces, some with many cases
and some with one to four, received over the weeks of the demo election's calendar, so that
the statistics, the map and the weekly trends have something to show, and the statistics are
summed as soon as the demo is loaded (before: 288 cases in Jember and Kota Jambi only, and no
figures until the worker's first round)."""

from collections import Counter
from datetime import timedelta

from django.utils import timezone

from netra.accounts.access import may_answer_for, region_in_scope
from netra.audit.log import verify_chain
from netra.cases.models import Case
from netra.demo import load_demo
from netra.insights.public import public_table
from netra.insights.suppression import SMALL
from netra.regions.models import Election
from netra.sanctions.models import Decree


def test_the_demo_cases_lie_in_many_regions_over_the_weeks_and_are_summed_at_once(reference):
    load_demo(employees=200)
    cases = Counter(Case.objects.values_list("region__code", flat=True))
    assert sum(cases.values()) == 288
    assert len(cases) >= 30 and len({code[:2] for code in cases}) >= 10
    assert sum(1 for count in cases.values() if count <= 4) >= 8
    assert sum(1 for count in cases.values() if count >= 20) >= 2

    election = Election.objects.get(code="demo-pilkada")
    start = election.stages.order_by("start").first().start
    received = [timezone.localtime(r) for r in Case.objects.values_list("received_at", flat=True)]
    assert min(received).date() >= start
    # Each of the last ten weeks (the calendar began eleven weeks ago) has cases received in
    # it, the later ones more: reports grow with the campaign.
    now = timezone.localtime()
    weeks = Counter((now - moment).days // 7 for moment in received)
    assert set(range(10)) <= set(weeks)
    assert weeks[0] + weeks[1] > weeks[8] + weeks[9]

    table = public_table(election)
    assert table.nation.cells["reports"].value == 288
    regencies = [row for rows in table.regencies.values() for row in rows.values()]
    with_cases = [row for row in regencies if row.code in cases]
    assert all(row.in_election for row in with_cases)
    assert any(row.cells["reports"].status == SMALL for row in with_cases)
    assert any((row.cells["reports"].value or 0) >= 20 for row in with_cases)


def test_each_spread_case_is_handled_by_an_office_that_reaches_it(reference):
    load_demo(employees=200, cases_per_state=6)
    for case in Case.objects.select_related("region", "assigned_to"):
        assert region_in_scope(case.assigned_to, case.region), case.region.code
    decrees = Decree.objects.select_related("recorded_by", "recommendation__government")
    assert decrees.exists()
    for decree in decrees:
        assert may_answer_for(decree.recorded_by, decree.recommendation.government)
    assert verify_chain() is None
    times = list(Case.objects.values_list("received_at", flat=True))
    assert max(times) < timezone.now() and timezone.now() - min(times) > timedelta(days=21)
