"""The compliance page reads counts kept by the actions that recommend and record decrees
(sanctions.tally); after random recommendations, decrees imposed on random days, answers with
no sanction imposed (dated or not) and some left open, every user's figures, per PPK and per
province, equal those aggregated afresh from the recommendations, at moments on either side
of the due dates, and the counts equal those rebuilt from the rows."""

import random
from datetime import timedelta

from django.utils import timezone

from netra.cases import actions as case_actions
from netra.cases.models import Case, Respondent
from netra.regions.models import Election
from netra.sanctions import actions, reports, tally
from netra.sanctions.models import FollowUpTally, Recommendation

from ..case_walk import walk

PDF = b"%PDF-1.4\n%%EOF\n"
NAMES = ["Siti Aminah", "Rudi Hartono", "Dewi Lestari", "Agus Salim"]


def kept_counts():
    return sorted(
        FollowUpTally.objects.exclude(count=0).values_list(
            "government_id", "region_id", "forwarded", "metric", "value", "count"
        )
    )


def by_code(rows):
    return sorted(rows, key=lambda row: row["code"])


def make_cases(rng, alice, charlie, gita, region):
    election = Election.objects.get(code="pilkada-2024")
    offices = [(alice, region("35.09")), (charlie, region("15.71"))]
    governments = [region("35.09"), region("15.71"), region("35.10"), None]
    cases = []
    for number in range(8):
        officer, where = rng.choice(offices)
        case = case_actions.open_finding(
            officer, election=election, region=where, summary=f"Temuan {number}."
        )
        for person in range(rng.randint(1, 2)):
            Respondent.objects.create(
                case=case,
                name=NAMES[person],
                nip=f"1990010120150310{number}{person}",
                subject_type="pns",
                government=rng.choice(governments),
            )
        cases.append(walk(case, "recommended", officer=officer, bkn=gita))
    return cases


def answer(rng, ppk, case):
    """Answer some of the case's recommendations, each dated back a random number of days."""
    for recommendation in list(case.recommendations.all()):
        if rng.random() < 0.3:
            continue  # left open
        days = rng.randint(0, 30)
        back = timezone.now() - timedelta(days=days)
        Recommendation.objects.filter(pk=recommendation.pk).update(issued_at=back)
        Case.objects.filter(pk=case.pk).update(received_at=back - timedelta(days=5))
        recommendation.refresh_from_db()
        case.refresh_from_db()
        issued = timezone.localtime(recommendation.issued_at).date()
        kind = rng.choice(["imposed", "not_imposed", "not_imposed_undated"])
        actions.record_decree(
            ppk,
            recommendation,
            version=case.version,
            outcome="imposed" if kind == "imposed" else "not_imposed",
            number="800/1" if kind == "imposed" else "",
            decided_on=None if kind == "not_imposed_undated" else issued + timedelta(days=days),
            sanction="Teguran tertulis" if kind == "imposed" else "",
            reason="" if kind == "imposed" else "Tidak terbukti.",
            pdf=PDF if kind == "imposed" else None,
        )


def test_the_follow_up_counts_equal_a_fresh_count(
    alice, charlie, dewi, gita, hadi, fajar, region, make_user, monkeypatch
):
    rng = random.Random(20)
    cases = make_cases(rng, alice, charlie, gita, region)
    for case in cases:
        answer(rng, hadi, case)
    assert Recommendation.objects.filter(answered_at__isnull=True).exists()
    assert Recommendation.objects.filter(decree__outcome="not_imposed").exists()

    jambi = make_user("jambi", "bawaslu_province", ["15"])
    stranger = make_user("stranger", "bawaslu_regency", ["11.01"])
    users = [gita, dewi, jambi, alice, charlie, hadi, fajar, stranger]
    dues = Recommendation.objects.filter(answered_at__isnull=True).values_list("due_at", flat=True)
    moments = [timezone.now()]
    for due in dues:
        day = tally.day_start(tally.day_of(due))
        moments += [due - timedelta(seconds=1), due + timedelta(seconds=1), day, day + timedelta(1)]
    for moment in moments:
        monkeypatch.setattr(reports.timezone, "now", lambda moment=moment: moment)
        for user in users:
            for by in ("ppk", "province"):
                fresh = reports._grouped(reports._fresh_figures(user, moment), by)
                kept = reports.compliance(user, by=by)
                assert by_code(kept) == by_code(fresh), (user.username, by, moment)
    overdue_later = reports.compliance(gita)
    assert sum(row["overdue"] for row in overdue_later) > 0  # the last moment is past some dues

    kept = kept_counts()
    tally.rebuild()
    assert kept == kept_counts()
