"""Monitoring flags and cases from the public become rates per 10,000 civil servants on the
roster, ranked as percentiles among the regions of the same level: a region with none ranks
0, a region without a roster has no data, and a kind recorded nowhere in the election is no
data for every region rather than the same rank for all. Dismissed flags, flags outside the
election's stages and a case the office found itself do not count."""

from datetime import datetime

from django.utils import timezone

from .risk_data import computed, flags, public_cases, roster

ROSTER = {"35.09": 10_000, "35.10": 5_000, "35.78": 20_000, "35": 50_000}


def test_flags_rank_by_rate_and_none_ranks_zero(reference):
    roster(ROSTER)
    flags("35.09", 2)  # 2 per 10,000
    flags("35.10", 2)  # 4 per 10,000

    regions = computed()

    assert regions["35.10"]["values"]["flags"] == 100.0
    assert regions["35.09"]["values"]["flags"] == 50.0
    assert regions["35.78"]["values"]["flags"] == 0.0
    facts = regions["35.09"]["facts"]["flags"]
    assert (facts["count"], facts["rate"], facts["among"], facts["lower"]) == (2, 2.0, 3, 1)
    assert facts["above"] == 50
    assert regions["15.71"]["values"]["flags"] is None  # no roster
    assert regions["35"]["facts"]["flags"]["count"] == 4  # the province gathers its regencies


def test_dismissed_flags_and_flags_outside_the_election_do_not_count(reference):
    roster(ROSTER)
    flags("35.09", 1)
    flags("35.09", 3, status="dismissed")
    flags("35.09", 2, at=datetime(2023, 1, 5, tzinfo=timezone.get_fixed_timezone(7 * 60)))

    assert computed()["35.09"]["facts"]["flags"]["count"] == 1


def test_a_kind_recorded_nowhere_is_no_data_for_every_region(reference):
    roster(ROSTER)

    regions = computed()

    assert regions["35.09"]["values"]["flags"] is None
    assert regions["35.09"]["facts"]["flags"] == {"reason": "none_recorded"}
    assert regions["15.71"]["facts"]["flags"] == {"reason": "no_roster"}


def test_reports_count_the_cases_from_the_public_only(reference):
    roster(ROSTER)
    public_cases("35.09", 3)
    public_cases("35.09", 1, source="adopted")  # information from the public, adopted
    public_cases("35.10", 5, source="finding")  # the office's own finding
    public_cases("35.78", 2)
    public_cases("35", 1)  # the provincial office's own case

    regions = computed()

    assert regions["35.09"]["facts"]["reports"]["count"] == 4
    assert regions["35.09"]["values"]["reports"] == 100.0  # 4 per 10,000
    assert regions["35.78"]["values"]["reports"] == 50.0  # 1 per 10,000
    assert regions["35.10"]["values"]["reports"] == 0.0
    assert regions["35"]["facts"]["reports"]["count"] == 7
