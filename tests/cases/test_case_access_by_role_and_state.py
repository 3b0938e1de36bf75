"""Every role against a case in every state: reachable (200) or not there at all (404), on the
case page, its API twin, and a step attempt alike."""

import pytest

from netra.cases import workflow as wf
from netra.cases.models import Case

AFTER_FORWARDING = {
    wf.FORWARDED,
    wf.BKN_VERIFICATION,
    wf.RECOMMENDED,
    wf.FOLLOWED_UP,
    wf.PPK_OVERDUE,
}
PPK_STATES = {wf.RECOMMENDED, wf.FOLLOWED_UP, wf.PPK_OVERDUE, wf.CLOSED}
#: (state, forwarded) for every state, and a closed case on both sides of forwarding.
SITUATIONS = [(s, s in AFTER_FORWARDING) for s in wf.STATES if s != wf.CLOSED] + [
    (wf.CLOSED, False),
    (wf.CLOSED, True),
]


def expected(role, in_region, state, forwarded):
    if role in ("bawaslu_ri",):
        return True
    if role in ("bawaslu_regency", "bawaslu_province", "auditor"):
        return in_region
    if role == "bkn":
        return forwarded
    if role in ("ppk", "bkpsdm"):
        return in_region and forwarded and state in PPK_STATES
    # Everyone else: the district supervisor (panwascam) hands reports to the regency office,
    # which holds the case; it reaches none, not even that of a report of its own district.
    return False


PERSONAS = [
    ("alice", "bawaslu_regency", ["35.09"], True),
    ("charlie", "bawaslu_regency", ["15.71"], False),
    ("dewi", "bawaslu_province", ["35"], True),
    ("eko", "bawaslu_ri", [], True),
    ("gita", "bkn", [], True),
    ("hadi", "ppk", ["35.09"], True),
    ("joko", "ppk", ["15.71"], False),
    ("fajar", "bkpsdm", ["35.09"], True),
    ("indah", "auditor", ["35.09"], True),
    ("kiki", "auditor", ["15.71"], False),
    ("wulan", "panwascam", ["35.09.01"], True),  # the report's own district
]


@pytest.fixture
def everyone(make_user, alice):
    return {
        name: (alice if name == "alice" else make_user(name, role, codes), role, in_region)
        for name, role, codes, in_region in PERSONAS
    }


@pytest.mark.parametrize("state, forwarded", SITUATIONS)
def test_each_role_reaches_a_case_only_in_its_scope(
    client_for, everyone, reported_case, state, forwarded
):
    Case.objects.filter(pk=reported_case.pk).update(state=state, forwarded=forwarded)
    for name, (user, role, in_region) in everyone.items():
        client = client_for(user)
        reach = expected(role, in_region, state, forwarded)
        want = 200 if reach else 404
        assert client.get(f"/kasus/{reported_case.pk}/").status_code == want, (name, state)
        assert client.get(f"/api/v1/cases/{reported_case.pk}").status_code == want, (name, state)
        cases = client.get("/api/v1/cases")
        if role == "panwascam":  # no case list at all for a district supervisor
            assert cases.status_code == 404, (name, state)
            listed = []
        else:
            listed = [c["id"] for c in cases.json()]
        assert (reported_case.pk in listed) == reach, (name, state)
        if not reach:
            step = client.post(
                f"/kasus/{reported_case.pk}/langkah/",
                {"target": wf.CLOSED, "version": reported_case.version},
            )
            assert step.status_code == 404, (name, state)
    assert Case.objects.get().state == state
