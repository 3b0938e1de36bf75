"""The follow-up figures computed from real recommendations and decrees."""

from datetime import timedelta

import pytest
from django.utils import timezone

from netra.cases import actions as case_actions
from netra.cases.models import Respondent
from netra.regions.models import Election
from netra.sanctions import actions

from ..case_walk import walk

PDF = b"%PDF-1.4\n%%EOF\n"


def forwarded_case(officer, bkn, region, nip, name):
    case = case_actions.open_finding(
        officer,
        election=Election.objects.get(code="pilkada-2024"),
        region=region,
        summary=f"Temuan tentang {name}.",
    )
    Respondent.objects.create(case=case, name=name, nip=nip, subject_type="pns", government=region)
    return walk(case, "recommended", officer=officer, bkn=bkn)


def decide(ppk, case, days_after, sanction):
    """The PPK decides DAYS_AFTER the recommendation (both dated back so the decree is today)."""
    from netra.cases.models import Case
    from netra.sanctions.models import Recommendation

    recommendation = case.recommendations.get()
    back = timezone.now() - timedelta(days=days_after)
    Recommendation.objects.filter(pk=recommendation.pk).update(issued_at=back)
    Case.objects.filter(pk=case.pk).update(received_at=back - timedelta(days=5))
    recommendation.refresh_from_db()
    case.refresh_from_db()
    issued = timezone.localtime(recommendation.issued_at).date()  # the local calendar day
    return actions.record_decree(
        ppk,
        recommendation,
        version=case.version,
        outcome="imposed",
        number="800/1",
        decided_on=issued + timedelta(days=days_after),
        sanction=sanction,
        pdf=PDF,
    )


@pytest.fixture
def three_cases(alice, charlie, gita, hadi, region, make_user):
    jember, jambi = region("35.09"), region("15.71")
    first = forwarded_case(alice, gita, jember, "199001012015031002", "Siti Aminah")
    second = forwarded_case(alice, gita, jember, "199001012015031002", "Siti Aminah")
    third = forwarded_case(charlie, gita, jambi, "198801012010011003", "Rudi Hartono")
    decide(hadi, first, 4, "Penurunan jabatan setingkat lebih rendah selama 12 bulan")
    decide(hadi, second, 10, "Teguran tertulis")
    return first, second, third


def test_compliance_counts_follow_up_and_the_median_days_per_ppk(client_for, gita, three_cases):
    page = client_for(gita).get("/sanksi/kepatuhan/")
    rows = {r["code"]: r for r in page.context["rows"]}
    assert (
        rows["35.09"]["total"],
        rows["35.09"]["answered"],
        rows["35.09"]["share_pct"],
        rows["35.09"]["median_days"],
    ) == (2, 2, 100, 7)
    assert (rows["15.71"]["total"], rows["15.71"]["answered"], rows["15.71"]["share_pct"]) == (
        1,
        0,
        0,
    )
    by_province = client_for(gita).get("/sanksi/kepatuhan/", {"per": "provinsi"})
    assert {r["code"] for r in by_province.context["rows"]} == {"35", "15"}


def test_the_overdue_list_shows_what_the_ppk_left_waiting(client_for, gita, three_cases):
    from netra.sanctions.models import Recommendation

    _, _, third = three_cases
    Recommendation.objects.filter(case=third).update(due_at=timezone.now() - timedelta(days=3))
    page = client_for(gita).get("/sanksi/kepatuhan/")
    assert [r.case_id for r in page.context["overdue"]] == [third.pk]
    assert "Rudi Hartono" in page.content.decode()


def test_the_consistency_report_shows_unequal_sanctions_for_the_same_conduct(
    client_for, gita, three_cases
):
    rows = {r["code"]: r for r in client_for(gita).get("/sanksi/konsistensi/").context["rows"]}
    sanctions = {s["sanction"]: s["cases"] for s in rows["DIS-07"]["sanctions"]}
    assert sanctions == {
        "Penurunan jabatan setingkat lebih rendah selama 12 bulan": 1,
        "Teguran tertulis": 1,
    }


def test_the_history_by_nip_finds_a_repeat_offender(client_for, gita, three_cases):
    page = client_for(gita).get("/sanksi/riwayat/", {"nip": "1990 0101 2015 0310 02"})
    assert len(page.context["items"]) == 2
    assert [r["respondent__nip"] for r in page.context["repeat"]] == ["199001012015031002"]


def test_each_office_sees_only_its_own_figures(client_for, charlie, hadi, three_cases):
    jambi = client_for(charlie).get("/sanksi/kepatuhan/").context["rows"]
    assert [r["code"] for r in jambi] == ["15.71"]
    jember_ppk = client_for(hadi).get("/sanksi/riwayat/", {"nip": "198801012010011003"})
    assert list(jember_ppk.context["items"]) == []
