import pytest
from django.test import Client

from netra.audit.log import verify_chain
from netra.audit.models import AuditEntry
from netra.cases import actions
from netra.cases.models import Case
from netra.regions.models import Election, Region
from netra.reports.models import Submission

from ..reports.helpers import file_report


@pytest.fixture
def work(alice, reference):
    """Alice's work in Jember: two open cases, a closed one, a report being studied and a
    finished one."""
    election = Election.objects.get(code="pilkada-2024")
    jember = Region.objects.get(code="35.09")
    open_cases = [
        actions.open_finding(alice, election=election, region=jember, summary=f"Temuan {i}")
        for i in range(2)
    ]
    closed = actions.open_finding(alice, election=election, region=jember, summary="Selesai")
    Case.objects.filter(pk=closed.pk).update(state="closed")
    file_report(Client())
    file_report(Client(), description="Camat memakai mobil dinas untuk kampanye pasangan calon.")
    studied, finished = Submission.objects.order_by("pk")
    Submission.objects.filter(pk__in=[studied.pk, finished.pk]).update(assigned_to=alice)
    Submission.objects.filter(pk=finished.pk).update(status="closed")
    return {"open": open_cases, "closed": closed, "studied": studied, "finished": finished}


def page(client, officer):
    return client.get(f"/akun/pengguna/{officer.pk}/mutasi/")


def test_only_officers_who_reach_all_the_work_and_may_be_assigned_it_are_offered(
    client_for, admin, alice, bob, charlie, dewi, fajar, gita, make_user, work
):
    ri = make_user("rudi", "bawaslu_ri")
    response = page(client_for(admin), alice)
    offered = {u.username for u in response.context["successors"]}
    assert offered == {"bob", "dewi", "rudi"}
    html = response.content.decode()
    assert "2 kasus terbuka" in html and "1 laporan yang sedang dikaji" in html
    assert f'value="{charlie.pk}"' not in html and f'value="{gita.pk}"' not in html
    assert ri.pk


def test_the_open_cases_and_reports_move_with_audit_and_timeline(
    client_for, admin, alice, bob, work
):
    response = client_for(admin).post(
        f"/akun/pengguna/{alice.pk}/mutasi/",
        {"do": "move", "successor": bob.pk, "reason": "Mutasi ke Surabaya"},
    )
    assert response.status_code == 302
    for case in work["open"]:
        case.refresh_from_db()
        assert case.assigned_to == bob
        line = case.events.get(kind="reassigned")
        assert line.actor == admin and line.text == "dari Alice ke Bob (mutasi)"
        assert AuditEntry.objects.filter(action="case.reassigned", target_id=str(case.pk)).exists()
    work["closed"].refresh_from_db()
    assert work["closed"].assigned_to == alice
    assert Submission.objects.get(pk=work["studied"].pk).assigned_to == bob
    assert Submission.objects.get(pk=work["finished"].pk).assigned_to == alice
    assert AuditEntry.objects.filter(action="report.reassigned").count() == 1
    summary = AuditEntry.objects.get(action="account.work_reassigned", target_id=str(alice.pk))
    assert summary.data["to"] == bob.pk and len(summary.data["cases"]) == 2
    assert verify_chain() is None
    alice.refresh_from_db()
    assert alice.is_active  # moving the work alone leaves the account as it is

    timeline = client_for(bob).get(f"/kasus/{work['open'][0].pk}/").content.decode()
    assert "Dialihkan" in timeline and "dari Alice ke Bob (mutasi)" in timeline


def test_deactivating_moves_the_work_and_deactivates_in_one_step(
    client_for, admin, alice, bob, work
):
    response = client_for(admin).post(
        f"/akun/pengguna/{alice.pk}/mutasi/",
        {"do": "deactivate", "successor": bob.pk, "reason": "Mutasi ke Surabaya"},
        follow=True,
    )
    assert "2 kasus dan 1 laporan dipindahkan ke Bob" in response.content.decode()
    alice.refresh_from_db()
    assert not alice.is_active
    assert not Case.objects.filter(assigned_to=alice).exclude(state="closed").exists()


def test_an_officer_of_another_reach_is_refused_when_posted(
    client_for, admin, alice, charlie, fajar, work
):
    for stranger in (charlie, fajar):
        response = client_for(admin).post(
            f"/akun/pengguna/{alice.pk}/mutasi/",
            {"do": "deactivate", "successor": stranger.pk, "reason": "Mutasi"},
        )
        assert response.status_code == 200
        assert "tidak dapat mengambil alih" in response.content.decode()
    alice.refresh_from_db()
    assert alice.is_active
    assert Case.objects.filter(assigned_to=alice).count() == 3
    assert not AuditEntry.objects.filter(action__endswith="reassigned").exists()


def test_an_officer_who_reaches_the_cases_but_not_every_region_is_refused_by_the_action(
    admin, alice, bob, charlie, work
):
    from netra.cases import transfer
    from netra.lib.refusals import Refused

    jambi = Region.objects.get(code="15.71")
    election = Election.objects.get(code="pilkada-2024")
    actions.open_finding(alice, election=election, region=jambi, summary="Di Jambi")
    assert {u.username for u in transfer.successors(alice)} == set()
    with pytest.raises(Refused):
        transfer.reassign_open_work(admin, alice, bob)
    assert Case.objects.filter(assigned_to=bob).count() == 0


def test_a_choice_is_required_when_there_is_open_work(client_for, admin, alice, work):
    response = client_for(admin).post(
        f"/akun/pengguna/{alice.pk}/mutasi/", {"do": "deactivate", "reason": "Mutasi"}
    )
    assert "Pilih siapa" in response.content.decode()
    alice.refresh_from_db()
    assert alice.is_active


def test_the_work_can_be_left_for_the_office_to_assign(client_for, admin, alice, work):
    client_for(admin).post(
        f"/akun/pengguna/{alice.pk}/mutasi/",
        {"do": "deactivate", "successor": "nobody", "reason": "Meninggal dunia"},
    )
    for case in work["open"]:
        case.refresh_from_db()
        assert case.assigned_to is None
        assert case.events.get(kind="reassigned").text == "dari Alice ke belum ada petugas (mutasi)"


def test_a_case_page_open_before_the_move_asks_to_reload(client_for, admin, alice, bob, work):
    case = work["open"][0]
    stale = case.version
    client_for(admin).post(
        f"/akun/pengguna/{alice.pk}/mutasi/", {"do": "move", "successor": bob.pk, "reason": ""}
    )
    case.refresh_from_db()
    assert case.version == stale + 1
