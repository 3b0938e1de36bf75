import pytest

from netra.cases.models import Case
from netra.reports.models import Submission

from ..reports.helpers import file_report


@pytest.fixture
def case(client, client_for, alice, reference):
    file_report(client)
    client_for(alice).post(f"/laporan/{Submission.objects.get().pk}/buka-kasus/")
    return Case.objects.get()


def move(client, case, target, version, **extra):
    return client.post(
        f"/api/v1/cases/{case.pk}/transitions",
        {"target": target, "version": version, **extra},
        content_type="application/json",
    )


def test_an_officer_takes_steps_through_the_api(client_for, alice, case):
    api = client_for(alice)
    response = move(api, case, "initial_study", case.version)
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "initial_study" and body["due_at"] and body["version"] == 2
    assert body["next_states"] == ["registered", "not_registered"]
    assert [e["to_state"] for e in body["timeline"]] == ["received", "initial_study"]


def test_a_stale_version_answers_409_and_changes_nothing(client_for, alice, bob, case):
    version = case.version
    assert move(client_for(alice), case, "initial_study", version).status_code == 200
    response = move(client_for(bob), case, "initial_study", version)
    assert response.status_code == 409
    assert Case.objects.get().version == version + 1


def test_a_refused_step_answers_400_with_its_code(client_for, alice, case):
    response = move(client_for(alice), case, "forwarded", case.version)
    assert response.status_code == 400 and response.json()["code"] == "not_allowed"
    assert "tidak dapat" in response.json()["detail"]


def test_out_of_scope_users_get_404_in_the_api_too(client_for, charlie, gita, case):
    for user in (charlie, gita):
        api = client_for(user)
        assert api.get(f"/api/v1/cases/{case.pk}").status_code == 404
        assert move(api, case, "initial_study", case.version).status_code == 404
        assert api.get("/api/v1/cases").json() == []


def test_the_overdue_list(client_for, alice, case):
    from datetime import timedelta

    from django.utils import timezone

    Case.objects.filter(pk=case.pk).update(due_at=timezone.now() - timedelta(hours=1))
    api = client_for(alice)
    assert [c["id"] for c in api.get("/api/v1/cases", {"overdue": "true"}).json()] == [case.pk]


def test_the_overdue_command_lists_overdue_cases_as_json(case, monkeypatch, tmp_path, capsys):
    import json
    from datetime import timedelta

    from django.utils import timezone

    from netra.cli import main

    Case.objects.filter(pk=case.pk).update(due_at=timezone.now() - timedelta(hours=1))
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path / "var"))
    assert main(["cases", "overdue", "--json", "--region", "35"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["region_code"]) for r in rows] == [(case.pk, "35.09")]
    assert main(["cases", "overdue", "--json", "--region", "15"]) == 0
    assert json.loads(capsys.readouterr().out) == []
