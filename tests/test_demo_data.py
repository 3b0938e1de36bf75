from netra.accounts.models import User
from netra.demo import load_demo
from netra.people.demo import STAFF
from netra.people.models import Employee


def test_the_demo_loads_employees_in_three_regions_and_an_account_per_role(reference):
    report = load_demo(employees=400, cases_per_state=1)
    assert Employee.objects.count() == 400
    assert set(Employee.objects.values_list("region__code", flat=True)) == {
        "35.09",
        "15.71",
        "35.78",
    }
    assert {u.role for u in User.objects.all()} == {role for _u, _n, role, _c in STAFF}
    assert any("alice" in line and "kata sandi sekali pakai" in line for line in report)


def test_running_the_demo_again_refuses_clearly_and_duplicates_nothing(reference):
    import pytest

    from netra.demo import AlreadyLoaded

    load_demo(employees=400, cases_per_state=1)
    with pytest.raises(AlreadyLoaded, match="sudah dimuat"):
        load_demo(employees=400, cases_per_state=1)
    assert Employee.objects.count() == 400
    assert User.objects.filter(username="alice").count() == 1


def test_the_demo_has_cases_in_every_state(reference):
    from netra.audit.log import verify_chain
    from netra.cases import workflow
    from netra.cases.models import Case

    load_demo(employees=100, cases_per_state=2)
    states = set(Case.objects.values_list("state", flat=True))
    assert states == set(workflow.STATES)
    assert Case.objects.count() == 2 * len(workflow.STATES)
    assert verify_chain() is None


def test_the_demo_gives_the_follow_up_views_something_to_show(reference):
    from netra.sanctions import reports
    from netra.sanctions.models import Decree, FollowUpStep, Recommendation

    load_demo(employees=100, cases_per_state=3)
    assert Recommendation.objects.count() == 3 * 3  # recommended, followed up, PPK overdue
    assert Decree.objects.exists() and FollowUpStep.objects.exists()
    bkn = User.objects.get(username="gita")
    rows = reports.compliance(bkn)
    assert sum(r["total"] for r in rows) == Recommendation.objects.count()
    assert reports.consistency(bkn)


def test_the_demo_gives_prevention_coverage_with_gaps(reference):
    from netra.prevention.coverage import coverage
    from netra.prevention.models import Circular, Event
    from netra.regions.models import Region

    load_demo(employees=600, cases_per_state=1)
    assert Circular.objects.count() == 3 and Event.objects.exists()
    figures = coverage(Region.objects.get(code="35.09"))
    assert 0 < figures["total"]["reached"] < figures["total"]["total"]
    assert figures["total"]["pledged"] > 0 and figures["unreached"]
