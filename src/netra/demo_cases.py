"""Fictional demo cases in every state, reached through the real workflow and actions, each
step at its own moment of a timeline that ends today (netra/demo_clock.py): cases received over
the past weeks at every hour, moving on after hours or days, BKN's recommendations answered by
the PPK within the period or, for the "PPK overdue" cases, left unanswered until it passed."""

from collections import deque
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from netra.accounts.models import User
from netra.cases import actions
from netra.cases import workflow as wf
from netra.cases.models import Case
from netra.lib import clock
from netra.people.models import Employee
from netra.regions.models import Region
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
DEMO_DECREE = b"%PDF-1.4\n% Contoh keputusan (data demo)\n%%EOF\n"
HOUR, DAY = timedelta(hours=1), timedelta(days=1)


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


def _span(rng, low, high):
    """A random stretch between LOW and HIGH (timedeltas), to the second."""
    return timedelta(seconds=rng.randint(int(low.total_seconds()), int(high.total_seconds())))


def _wait_before(target, rng, *, brisk):
    """How long a case waits in the step before it reaches TARGET."""
    if target == wf.BKN_VERIFICATION:
        return _span(rng, DAY, 4 * DAY)
    if target in (wf.RECOMMENDED, wf.CLOSED):
        return _span(rng, 5 * HOUR, 3 * DAY)
    if brisk:  # still inside its legal clock: Bawaslu works in hours
        return _span(rng, HOUR, 7 * HOUR)
    return _span(rng, 2 * HOUR, 30 * HOUR)


def ppk_due(moment, region, election):
    """When the PPK's period for a recommendation made at MOMENT ends (cases.actions.deadline)."""
    local = clock.zone(region.timezone)
    days = election.ppk_follow_up_days or settings.NETRA_PPK_PERIOD_DAYS
    return datetime.combine(
        moment.astimezone(local).date() + timedelta(days=days), clock.END_OF_DAY, tzinfo=local
    )


def schedule(state, now, rng, *, region, election, late=False):
    """The moments of a case that ends in STATE: when it was received, then one per move.

    Cases still under a legal clock were received hours ago (LATE ones: days, so their clock
    ran out); a recommendation awaiting the PPK is younger than the period, an overdue one
    older, and it went overdue at the worker's first round after the period's end."""
    targets = [target for target, _roles in _path_to(state)]
    brisk = state in wf.CLOCK_STEP
    moments = [None] * (len(targets) + 1)
    anchor = len(targets)
    if state == wf.RECEIVED:
        at = now - _span(rng, HOUR, 60 * HOUR)
    elif brisk:
        at = (
            now
            - _span(rng, HOUR // 2, 10 * HOUR)
            - (_span(rng, 4 * DAY, 6 * DAY) if late else timedelta())
        )
    elif state == wf.RECOMMENDED:
        at = now - _span(rng, HOUR, 8 * DAY)
    elif state in (wf.PPK_OVERDUE, wf.FOLLOWED_UP):
        anchor = targets.index(wf.RECOMMENDED) + 1
        low, high = (12 * DAY, 35 * DAY) if state == wf.PPK_OVERDUE else (2 * DAY, 40 * DAY)
        at = now - _span(rng, low, high)
    else:
        at = now - _span(rng, 2 * HOUR, 50 * DAY)
    moments[anchor] = at
    for index in range(anchor, 0, -1):
        moments[index - 1] = moments[index] - _wait_before(targets[index - 1], rng, brisk=brisk)
    for index in range(anchor + 1, len(moments)):
        target, before = targets[index - 1], moments[index - 1]
        if target == wf.PPK_OVERDUE:
            moments[index] = ppk_due(before, region, election) + _span(
                rng, timedelta(minutes=1), timedelta(minutes=10)
            )
        elif target == wf.FOLLOWED_UP:  # the PPK answers within its period
            latest = min(ppk_due(before, region, election), now - HOUR) - before
            moments[index] = before + _span(rng, latest / 4, latest)
        else:
            moments[index] = before + _wait_before(target, rng, brisk=brisk)
    return moments


def _recommend(case, bkn, rng):
    """BKN's recommendation: conduct found in the days before the case was received."""
    seen = timezone.localtime(case.received_at).date()
    choices = {}
    for respondent in case.respondents.all():
        employment = (
            respondent.subject_type.upper()
            if respondent.subject_type.upper() in rules.EMPLOYMENT
            else "PNS"
        )
        conduct = tuple(
            rules.Conduct(rng.choice(rules.KINDS), seen - timedelta(days=rng.randint(0, 6)))
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


def _decide(case, ppk, rng):
    """The PPK's decree on each recommendation, dated the day it is recorded."""
    for recommendation in case.recommendations.all():
        case.refresh_from_db()
        if rng.random() < 0.75:
            today = timezone.localdate()
            sanctions.record_decree(
                ppk,
                recommendation,
                version=case.version,
                outcome="imposed",
                number=f"800/{rng.randint(100, 999)}/{case.region.code}/{today.year}",
                decided_on=today,
                sanction=recommendation.sanction if rng.random() < 0.7 else rng.choice(SANCTIONS),
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


def _go_overdue(case):
    """The worker's round after the period: only ever for a period that really ended."""
    if not (case.due_at and case.due_at < timezone.now()):
        raise ValueError(f"demo case {case.pk}: the PPK period has not ended")
    return sanctions.go_overdue(case)


def _take(case, target, roles, *, officer, bkn, ppk, rng):
    """One move of the path, through the action that makes it (sanctions for the recorded)."""
    if target == wf.RECOMMENDED:
        return _recommend(case, bkn, rng)
    if target == wf.FOLLOWED_UP:
        return _decide(case, ppk, rng)
    if target == wf.PPK_OVERDUE:
        return _go_overdue(case)
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


class _DemoCase:
    """One case of the demo, made step by step as the timeline reaches each moment."""

    def __init__(self, *, election, region, officer, ppk, bkn, staff, rng, path):
        self.election, self.region, self.officer, self.ppk, self.bkn = (
            election,
            region,
            officer,
            ppk,
            bkn,
        )
        self.staff, self.rng, self.path, self.case = staff, rng, path, None

    def open(self):
        self.case = actions.open_finding(
            self.officer,
            election=self.election,
            region=self.region,
            summary=DEMO_MARK + self.rng.choice(STORIES),
        )

    def add_person(self):
        person = (
            {"employee": self.rng.choice(self.staff)} if self.staff else {"name": "Pegawai Contoh"}
        )
        actions.add_respondent(self.officer, self.case, version=self.case.version, **person)
        self.case.refresh_from_db()

    def move(self, index):
        target, roles = self.path[index]
        self.case = _take(
            self.case,
            target,
            roles,
            officer=self.officer,
            bkn=self.bkn,
            ppk=self.ppk,
            rng=self.rng,
        )


def plan_demo_cases(timeline, now, rng, *, election, per_state=18):
    """Put PER_STATE cases of every state on TIMELINE; returns the report lines."""
    if Case.objects.filter(summary__startswith=DEMO_MARK).exists():
        return ["kasus demo: sudah ada"]
    people = {
        u.username: u
        for u in User.objects.filter(username__in=["alice", "charlie", "gita", "hadi", "joko"])
    }
    offices = {
        "35.09": (people["alice"], people["hadi"]),
        "15.71": (people["charlie"], people["joko"]),
    }
    regions = {code: Region.objects.get(code=code) for code in offices}
    staff = {
        code: list(
            Employee.objects.filter(region__code=code)
            .select_related("agency__region", "region")
            .order_by("pk")[:500]
        )
        for code in offices
    }
    for state in wf.STATES:
        path = _path_to(state)
        for index in range(per_state):
            code = "35.09" if index % 3 else "15.71"
            officer, ppk = offices[code]
            demo = _DemoCase(
                election=election,
                region=regions[code],
                officer=officer,
                ppk=ppk,
                bkn=people["gita"],
                staff=staff[code],
                rng=rng,
                path=path,
            )
            # The first case of each clocked state is left late: the overdue list has cases.
            moments = schedule(
                state, now, rng, region=regions[code], election=election, late=index == 0
            )
            timeline.at(moments[0], demo.open)
            timeline.at(
                moments[0] + _span(rng, timedelta(minutes=3), timedelta(minutes=50)),
                demo.add_person,
            )
            for step, moment in enumerate(moments[1:]):
                timeline.at(moment, lambda demo=demo, step=step: demo.move(step))
    return [f"kasus demo: {per_state * len(wf.STATES)} kasus di {len(wf.STATES)} tahap"]
