"""The demo runs in an election under way: its stages fall around today (before: the newest
election was Pilkada 2024 while the clock read December 2026). It is fictional, says so, and
is not part of the reference data that `netra up` loads."""

from django.utils import timezone

from netra.cases.models import Case
from netra.demo import load_demo
from netra.regions.models import Election
from netra.regions.reference import load_reference_data


def test_the_demo_election_has_its_stages_around_today(reference):
    assert not Election.objects.filter(name_id__icontains="demo").exists()
    load_demo(employees=200, cases_per_state=1)
    today = timezone.localdate()
    election = Election.objects.get(name_id__icontains="demo")
    stages = {stage.code: stage for stage in election.stages.all()}
    assert stages["campaign"].start < today <= stages["campaign"].end
    assert election.candidate_determination_date < today < election.voting_date
    assert election.voting_date == max(Election.objects.values_list("voting_date", flat=True))
    assert set(Case.objects.values_list("election", flat=True)) == {election.pk}


def test_the_reference_data_never_contains_the_demo_election(reference):
    load_reference_data(force=True)
    assert not Election.objects.filter(name_id__icontains="demo").exists()
