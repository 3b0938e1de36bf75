"""A province officer's case list reaches the cases of their province through the province
each case carries (set whenever its region is set or changed): it shows exactly the cases of
the province's regencies and cities, and a case moved to a region of another province leaves
it (and its page answers 404) while it reaches the other province's officer."""

from netra.accounts.access import restrict_cases
from netra.cases import actions
from netra.cases.models import Case
from netra.regions.models import Election


def test_a_moved_case_leaves_the_old_provinces_list_and_joins_the_new(
    client_for, alice, charlie, dewi, make_user, region
):
    election = Election.objects.get(code="pilkada-2024")
    ours = actions.open_finding(alice, election=election, region=region("35.09"), summary="A")
    moved = actions.open_finding(alice, election=election, region=region("35.09"), summary="B")
    theirs = actions.open_finding(charlie, election=election, region=region("15.71"), summary="C")
    jambi = make_user("jambi", "bawaslu_province", ["15"])
    assert moved.province == region("35")
    assert "province_id" in str(restrict_cases(Case.objects.all(), dewi).query)

    def listed(user):
        return sorted(c.pk for c in client_for(user).get("/kasus/").context["cases"])

    assert listed(dewi) == sorted([ours.pk, moved.pk])
    assert listed(jambi) == [theirs.pk]

    moved.region = region("15.71")
    moved.save()
    moved.refresh_from_db()
    assert moved.province == region("15")
    assert listed(dewi) == [ours.pk]
    assert listed(jambi) == sorted([theirs.pk, moved.pk])
    assert client_for(dewi).get(f"/kasus/{moved.pk}/").status_code == 404
    assert client_for(jambi).get(f"/kasus/{moved.pk}/").status_code == 200
