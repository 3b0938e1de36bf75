"""Fictional demo cases in every state, reached through the real workflow and actions."""

import random
from collections import deque
from datetime import timedelta

from django.db import transaction

from netra.accounts.models import User
from netra.cases import actions
from netra.cases import workflow as wf
from netra.cases.models import Case
from netra.people.models import Employee
from netra.regions.models import Election, Region
from netra.sanctions import actions as sanctions
from netra.sanctions import rules

DEMO_MARK = "[demo] "
SANCTIONS = [
    "Teguran tertulis",
    "Pernyataan tidak puas secara tertulis",
    "Pemotongan tunjangan kinerja 25% selama 6 bulan",
    "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
]
STORIES = [
    "Kepala sekolah mengunggah foto bersama calon dengan pose dua jari di Facebook.",
    "Camat hadir dalam deklarasi pasangan calon dan ikut menyanyikan yel-yel.",
    "Pegawai dinas membagikan ajakan memilih calon nomor urut 1 di grup WhatsApp kantor.",
    "Lurah memasang spanduk bakal calon di halaman kantor kelurahan.",
    "Guru PPPK memberi komentar dukungan pada unggahan akun tim pemenangan.",
    "Kepala bidang mengumpulkan pegawai untuk sosialisasi program salah satu calon.",
]


def _path_to(target):
    """The shortest list of moves from RECEIVED to TARGET in the transition table."""
    queue, seen = deque([(wf.RECEIVED, [])]), {wf.RECEIVED}
    while queue:
        state, path = queue.popleft()
        if state == target:
            return path
        for (frm, to), roles in wf.TRANSITIONS.items():
            if frm == state and to not in seen:
                seen.add(to)
                queue.append((to, path + [(to, roles)]))
    raise ValueError(target)


DEMO_DECREE = b"%PDF-1.4\n% Contoh keputusan (data demo)\n%%EOF\n"


def _take(case, target, roles, *, officer, bkn, ppk, rng):
    """One move of the path, through the action that makes it (sanctions for the recorded)."""

    if target == wf.RECOMMENDED:
        determination = case.election.candidate_determination_date
        choices = {}
        for respondent in case.respondents.all():
            employment = (
                respondent.subject_type.upper()
                if respondent.subject_type.upper() in rules.EMPLOYMENT
                else "PNS"
            )
            conduct = tuple(
                rules.Conduct(
                    rng.choice(rules.KINDS), determination + timedelta(days=rng.randint(-40, 60))
                )
                for _ in range(rng.choice([1, 1, 2]))
            )
            proposal = sanctions.proposal_for(case, sanctions.Choice(employment, conduct, "-"))
            choices[respondent] = sanctions.Choice(
                employment, conduct, rng.choice(proposal.sanction_options)
            )
        return sanctions.recommend(
            bkn,
            case,
            version=case.version,
            verification="Terbukti dari bukti dan klarifikasi.",
            choices=choices,
        )
    if target == wf.FOLLOWED_UP:
        from django.utils import timezone

        from netra.sanctions.models import Recommendation

        for recommendation in case.recommendations.all():
            # The PPK answers some weeks after BKN: the recommendation is dated back.
            waited = timedelta(days=rng.randint(3, 40))
            Recommendation.objects.filter(pk=recommendation.pk).update(
                issued_at=timezone.now() - waited
            )
            Case.objects.filter(pk=case.pk).update(received_at=timezone.now() - waited * 2)
            recommendation.refresh_from_db()
            case.refresh_from_db()
            if rng.random() < 0.75:
                sanctions.record_decree(
                    ppk,
                    recommendation,
                    version=case.version,
                    outcome="imposed",
                    number=f"800/{rng.randint(100, 999)}/{case.region.code}/2024",
                    decided_on=timezone.localdate(),
                    sanction=recommendation.sanction
                    if rng.random() < 0.7
                    else rng.choice(SANCTIONS),
                    pdf=DEMO_DECREE,
                )
            else:
                sanctions.record_decree(
                    ppk,
                    recommendation,
                    version=case.version,
                    outcome="not_imposed",
                    reason="Contoh: terlapor sudah pensiun.",
                )
        case.refresh_from_db()
        return case
    if target == wf.PPK_OVERDUE:
        return sanctions.go_overdue(case)
    actor = (
        None
        if roles == wf.SYSTEM
        else officer
        if roles == wf.BAWASLU
        else bkn
        if roles == wf.BKN
        else ppk
    )
    reason = "Tidak memenuhi syarat materiel." if target == wf.NOT_REGISTERED else ""
    return actions.transition(actor, case, target, version=case.version, reason=reason)


def load_demo_cases(per_state=18):
    if Case.objects.filter(summary__startswith=DEMO_MARK).exists():
        return ["kasus demo: sudah ada"]
    rng = random.Random(2024)
    people = {
        u.username: u
        for u in User.objects.filter(username__in=["alice", "charlie", "gita", "hadi", "joko"])
    }
    election = Election.objects.get(code="pilkada-2024")
    offices = {
        "35.09": (people["alice"], people["hadi"]),
        "15.71": (people["charlie"], people["joko"]),
    }
    staff = {
        code: list(
            Employee.objects.filter(region__code=code)
            .select_related("agency__region", "region")
            .order_by("pk")[:500]
        )
        for code in offices
    }
    with transaction.atomic():
        for state in wf.STATES:
            path = _path_to(state)
            for index in range(per_state):
                code = "35.09" if index % 3 else "15.71"
                officer, ppk = offices[code]
                case = actions.open_finding(
                    officer,
                    election=election,
                    region=Region.objects.get(code=code),
                    summary=DEMO_MARK + rng.choice(STORIES),
                )
                if staff[code]:
                    actions.add_respondent(
                        officer, case, version=case.version, employee=rng.choice(staff[code])
                    )
                else:
                    actions.add_respondent(
                        officer, case, version=case.version, name="Pegawai Contoh"
                    )
                case.refresh_from_db()
                for target, roles in path:
                    case = _take(
                        case, target, roles, officer=officer, bkn=people["gita"], ppk=ppk, rng=rng
                    )
    return [f"kasus demo: {per_state * len(wf.STATES)} kasus di {len(wf.STATES)} tahap"]
