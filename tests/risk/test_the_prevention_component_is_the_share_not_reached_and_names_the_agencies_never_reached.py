"""Prevention is the share of a region's active civil servants that no outreach event of the
election reached (attendance matched or confirmed, long enough), as the prevention coverage
counts them; the explanation names the agencies never reached, the largest first. A region
without a roster has no prevention data."""

from netra.people.models import Employee

from .risk_data import computed, employees, outreach


def test_it_is_the_share_not_reached_with_the_agencies_never_reached(alice):
    education = employees("35.09", "Dinas Pendidikan", 6)
    employees("35.09", "Dinas Kesehatan", 3)
    employees("35.09", "RSUD", 1)
    outreach(alice, education[:4])

    jember = computed()["35.09"]

    assert jember["values"]["prevention"] == 60.0  # 6 of 10 not reached
    facts = jember["facts"]["prevention"]
    assert (facts["employees"], facts["reached"], facts["agencies"]) == (10, 4, 3)
    assert facts["unreached"] == ["Dinas Kesehatan", "RSUD"]
    assert facts["unreached_agencies"] == 2 and facts["unreached_employees"] == 4


def test_attendance_of_another_election_unmatched_or_too_short_does_not_count(alice):
    staff = employees("35.09", "Dinas Pendidikan", 4)
    outreach(alice, staff[:1], election_code="pemilu-2024")
    outreach(alice, staff[1:2], status="unmatched")
    outreach(alice, staff[2:3], attended=False)
    outreach(alice, staff[3:], status="confirmed")

    assert computed()["35.09"]["values"]["prevention"] == 75.0


def test_inactive_employees_are_left_out_and_a_region_without_a_roster_has_no_data(alice):
    staff = employees("35.09", "Dinas Pendidikan", 4)
    Employee.objects.filter(pk=staff[0].pk).update(active=False)
    outreach(alice, staff[1:2])

    regions = computed()

    assert regions["35.09"]["facts"]["prevention"]["employees"] == 3
    assert regions["15.71"]["values"]["prevention"] is None
    assert regions["15.71"]["facts"]["prevention"] == {"reason": "no_roster"}


def test_a_province_counts_its_regencies_and_its_own_staff(alice):
    employees("35.09", "Dinas Pendidikan", 2)
    reached = employees("35", "Badan Kepegawaian Daerah Provinsi", 2)
    outreach(alice, reached)

    province = computed()["35"]

    assert province["values"]["prevention"] == 50.0
    assert province["facts"]["prevention"]["unreached"] == ["Dinas Pendidikan"]
