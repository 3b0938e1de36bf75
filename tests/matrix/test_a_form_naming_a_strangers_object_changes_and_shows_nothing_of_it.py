"""The other half of "a stranger gets 404": an owner acting on its own object, whose form or
JSON body names someone else's (a Kota Jambi case, officer or employee), is refused without
changing that object and without showing anything of it. The route's own access passes (the
owner reaches its case), so only the body's reference can leak."""

import json

import pytest
from django.db import transaction

from .cells import TALLY, client_for, fingerprint
from .objects import Target, _foreign_case, _other_case

pytestmark = pytest.mark.matrix


def _jambi_employee():
    from netra.people.models import Employee

    return (
        Employee.objects.filter(region__code="15.71", nip__isnull=False)
        .exclude(nip="")
        .order_by("pk")
        .first()
    )


def _charlie():
    from netra.accounts.models import User

    return User.objects.get(username="charlie")


def _api(body):
    return json.dumps(body), "application/json"


# name -> (persona, url, body, the stranger's object, text of it that must not be shown)
SCENARIOS = {
    "a case merged into a Kota Jambi case (page)": lambda own, far: (
        "alice",
        f"/kasus/{own.pk}/gabung/",
        ({"version": own.version, "into": far.pk, "reason": "Sama"}, None),
        far,
        far.number,
    ),
    "a case merged into a Kota Jambi case (API)": lambda own, far: (
        "alice",
        f"/api/v1/cases/{own.pk}/merge",
        _api({"version": own.version, "into": far.pk, "reason": "Sama"}),
        far,
        far.number,
    ),
    "a case given to Kota Jambi's officer (page)": lambda own, far: (
        "alice",
        f"/kasus/{own.pk}/penanggung-jawab/",
        ({"version": own.version, "officer": _charlie().pk}, None),
        _charlie(),
        "",
    ),
    "a case given to Kota Jambi's officer (API)": lambda own, far: (
        "alice",
        f"/api/v1/cases/{own.pk}/assignment",
        _api({"version": own.version, "officer": "charlie"}),
        _charlie(),
        "",
    ),
    "a reported person named by a Kota Jambi employee's NIP (page)": lambda own, far: (
        "alice",
        f"/kasus/{own.pk}/terlapor/",
        ({"version": own.version, "nip": _jambi_employee().nip, "subject_type": "pns"}, None),
        _jambi_employee(),
        _jambi_employee().name,
    ),
    "a reported person named by a Kota Jambi employee's NIP (API)": lambda own, far: (
        "alice",
        f"/api/v1/cases/{own.pk}/respondents",
        _api({"version": own.version, "nip": _jambi_employee().nip}),
        _jambi_employee(),
        _jambi_employee().name,
    ),
    "an account handle tied to a Kota Jambi employee's NIP": lambda own, far: (
        "alice",
        "/pemantauan/akun/",
        ({"nip": _jambi_employee().nip, "handle": "@jambi", "wilayah": "35.09"}, None),
        _jambi_employee(),
        _jambi_employee().name,
    ),
}


def _linked_to(employee):
    """Reported persons and account handles linked to EMPLOYEE: what a leak would add."""
    from netra.cases.models import Respondent
    from netra.monitoring.models import AuthorHandle

    if not hasattr(employee, "nip"):
        return 0
    return (
        Respondent.objects.filter(employee=employee).count()
        + AuthorHandle.objects.filter(employee=employee).count()
    )


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_a_body_naming_a_strangers_object_is_refused(name, sessions, db):
    own, far = _other_case(), _foreign_case()
    persona, url, (data, content_type), theirs, text = SCENARIOS[name](own, far)
    client = client_for(persona, sessions)
    TALLY.cells += 1
    with transaction.atomic():
        before = fingerprint(Target({}, theirs)), _linked_to(theirs)
        own_before = fingerprint(Target({}, own))[1]
        if content_type:
            response = client.post(url, data=data, content_type=content_type)
        else:
            response = client.post(url, data=data)
        after = fingerprint(Target({}, theirs)), _linked_to(theirs)
        own_after = fingerprint(Target({}, own))[1]
        transaction.set_rollback(True)
    problems = []
    if response.status_code >= 500:
        problems.append(f"answered {response.status_code}")
    if before[0][1] != after[0][1] or before[1] != after[1]:
        problems.append("the stranger's object changed or was linked")
    if own_before != own_after and name.startswith(("a case merged", "a case given")):
        problems.append("the owner's case took the stranger's object")
    if text and text.encode() in response.content:
        problems.append(f"the answer shows {text!r}")
    if problems:
        TALLY.leaks.append(f"{name}: {', '.join(problems)}")
    assert not problems, f"{name}: {problems}"
