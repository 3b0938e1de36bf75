from datetime import date

import pytest
from django.utils import timezone

from netra.cases import actions as case_actions
from netra.cases.actions import Conflict, Refused
from netra.cases.models import Respondent
from netra.sanctions import actions
from netra.sanctions.models import Decree

from ..sanctions_helpers import choices_for, recommend

PDF = b"%PDF-1.7\n% keputusan\n%%EOF\n"
# Resolved inside the test: "today" is Jakarta's date, which runs ahead of UTC from 17:00.
TODAY = "today"


def recommend_all(case, gita):
    return recommend(gita, case)


def test_a_recommendation_names_a_sanction_for_every_reported_person(under_verification, gita):
    case = under_verification
    Respondent.objects.create(case=case, name="Budi Santoso", government=case.region)
    first = case.respondents.first()
    with pytest.raises(Refused) as refused:
        actions.recommend(
            gita,
            case,
            version=case.version,
            verification="Terbukti.",
            choices={first: choices_for(case)[first]},
        )
    assert refused.value.code == "sanction_required"
    with pytest.raises(Refused) as refused:
        actions.recommend(
            gita, case, version=case.version, verification="  ", choices=choices_for(case)
        )
    assert refused.value.code == "verification_required"
    case.refresh_from_db()
    assert case.state == "bkn_verification" and not case.recommendations.exists()


def test_the_case_is_followed_up_only_when_every_person_has_an_answer(
    under_verification, gita, hadi
):
    case = under_verification
    Respondent.objects.create(case=case, name="Budi Santoso", government=case.region)
    case = recommend_all(case, gita)
    first, second = case.recommendations.all()
    actions.record_decree(
        hadi,
        first,
        version=case.version,
        outcome="imposed",
        number="800/1/2024",
        decided_on=timezone.localdate(),
        sanction="Teguran tertulis",
        pdf=PDF,
    )
    case.refresh_from_db()
    assert case.state == "recommended"
    actions.record_decree(
        hadi,
        second,
        version=case.version,
        outcome="not_imposed",
        reason="Terlapor meninggal dunia sebelum keputusan.",
    )
    case.refresh_from_db()
    assert case.state == "followed_up"
    assert [d.outcome for d in Decree.objects.order_by("id")] == ["imposed", "not_imposed"]


@pytest.mark.parametrize(
    "fields, code",
    [
        (
            {
                "outcome": "imposed",
                "number": "",
                "decided_on": TODAY,
                "sanction": "Teguran",
                "pdf": PDF,
            },
            "decree_incomplete",
        ),
        (
            {
                "outcome": "imposed",
                "number": "800/1",
                "decided_on": TODAY,
                "sanction": "Teguran",
                "pdf": None,
            },
            "decree_file_required",
        ),
        (
            {
                "outcome": "imposed",
                "number": "800/1",
                "decided_on": TODAY,
                "sanction": "Teguran",
                "pdf": b"PK\x03\x04 a zip",
            },
            "decree_file_not_pdf",
        ),
        (
            {
                "outcome": "imposed",
                "number": "800/1",
                "decided_on": date(2999, 1, 1),
                "sanction": "Teguran",
                "pdf": PDF,
            },
            "decree_date",
        ),
        (
            {
                "outcome": "imposed",
                "number": "800/1",
                "decided_on": date(2001, 1, 1),
                "sanction": "Teguran",
                "pdf": PDF,
            },
            "decree_date",
        ),
        ({"outcome": "not_imposed", "reason": " "}, "reason_required"),
        ({"outcome": "pardoned"}, "decree_incomplete"),
    ],
)
def test_an_incomplete_decree_is_refused_and_nothing_is_saved(
    under_verification, gita, hadi, fields, code
):
    case = recommend_all(under_verification, gita)
    if fields.get("decided_on") == TODAY:
        fields = {**fields, "decided_on": timezone.localdate()}
    with pytest.raises(Refused) as refused:
        actions.record_decree(hadi, case.recommendations.get(), version=case.version, **fields)
    assert refused.value.code == code
    assert not Decree.objects.exists()


def test_two_hands_answering_one_recommendation_do_not_both_win(
    under_verification, gita, hadi, fajar
):
    case = recommend_all(under_verification, gita)
    recommendation = case.recommendations.get()
    version = case.version
    actions.record_decree(
        hadi, recommendation, version=version, outcome="not_imposed", reason="Sudah diberhentikan."
    )
    recommendation.refresh_from_db()
    with pytest.raises((Conflict, Refused)):
        actions.record_decree(
            fajar, recommendation, version=version, outcome="not_imposed", reason="Lagi."
        )
    assert Decree.objects.count() == 1


def test_a_decree_after_the_period_still_follows_the_case_up(under_verification, gita, hadi):
    from datetime import timedelta

    case = recommend_all(under_verification, gita)
    assert actions.mark_ppk_overdue(now=case.due_at + timedelta(seconds=1)) == 1
    case.refresh_from_db()
    assert case.state == "ppk_overdue"
    actions.record_decree(
        hadi,
        case.recommendations.get(),
        version=case.version,
        outcome="imposed",
        number="800/9/2025",
        decided_on=timezone.localdate(),
        sanction="Penurunan jabatan",
        pdf=PDF,
    )
    case.refresh_from_db()
    assert case.state == "followed_up"


def test_the_recommendation_step_is_not_on_the_plain_step_form(under_verification, gita):
    from netra.cases.workflow import TransitionRefused

    with pytest.raises(TransitionRefused) as refused:
        case_actions.transition(
            gita, under_verification, "recommended", version=under_verification.version
        )
    assert refused.value.refusal.code == "needs_record"
