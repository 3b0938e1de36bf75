"""Fictional demo cases in every state, reached through the real workflow and actions, each
step at its own moment of a timeline that ends today (netra/demo_clock.py): cases received over
the past weeks at every hour, moving on after hours or days, BKN's recommendations answered by
the PPK within the period or, for the "PPK overdue" cases, left unanswered until it passed."""

import math
from collections import deque
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from netra import demo_insights
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


def _back(rng, low, high):
    """A stretch back from now between LOW and HIGH: half of the cases evenly over it, half
    more often the nearer to now, as reports grow with the campaign (weekly trends rise)."""
    share = rng.random()
    if rng.random() < 0.5:
        share = 1 - math.sqrt(1 - share)
    return low + (high - low) * share


def schedule(state, now, rng, *, region, election, late=False, since=None):
    """The moments of a case that ends in STATE: when it was received, then one per move.

    Cases still under a legal clock were received hours ago (LATE ones: days, so their clock
    ran out); a recommendation awaiting the PPK is younger than the period, an overdue one
    older, and it went overdue at the worker's first round after the period's end. Cases
    done with are spread over the weeks since SINCE (the election's calendar began; default
    64 days ago), none received before it."""
    targets = [target for target, _roles in _path_to(state)]
    # The longest path's waits before its last step (seven steps, BKN's days) fit in 14 days.
    weeks = max(((now - since) if since else 64 * DAY) - 14 * DAY, 21 * DAY)
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
        low = 12 * DAY if state == wf.PPK_OVERDUE else 2 * DAY
        at = now - _back(rng, low, weeks)
    else:
        at = now - _back(rng, 2 * HOUR, weeks)
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
        self.election, self.region, self.officer, self.bkn = election, region, officer, bkn
        self.ppk = ppk  # a username: another government's PPK account is made on the timeline
        self.staff, self.rng, self.path, self.case = staff, rng, path, None

    def open(self):
        self.case = actions.open_finding(
            self.officer,
            election=self.election,
            region=self.region,
            summary=DEMO_MARK + self.rng.choice(STORIES),
        )

    def add_person(self):
        # The roster's employee where the demo has a roster, else a person typed by name.
        person = (
            {"employee": self.rng.choice(self.staff)}
            if self.staff
            else demo_insights.named_person(self.rng)
        )
        actions.add_respondent(self.officer, self.case, version=self.case.version, **person)
        self.case.refresh_from_db()

    def move(self, index):
        target, roles = self.path[index]
        ppk = User.objects.get(username=self.ppk) if target == wf.FOLLOWED_UP else None
        self.case = _take(
            self.case,
            target,
            roles,
            officer=self.officer,
            bkn=self.bkn,
            ppk=ppk,
            rng=self.rng,
        )


def plan_demo_cases(timeline, now, rng, *, election, per_state=18):
    """Put PER_STATE cases of every state on TIMELINE, in many regions (demo_insights.py);
    returns the report lines."""
    if Case.objects.filter(summary__startswith=DEMO_MARK).exists():
        return ["kasus demo: sudah ada"]
    spread = demo_insights.Spread()
    placed = [
        (state, index, spread.region(index)) for state in wf.STATES for index in range(per_state)
    ]
    codes = {code for _state, _index, code in placed}
    regions = {region.code: region for region in Region.objects.filter(code__in=codes)}
    officers = {demo_insights.officer_for(code) for code in codes}
    people = {u.username: u for u in User.objects.filter(username__in=[*officers, "gita"])}
    staff = {
        code: list(
            Employee.objects.filter(region__code=code)
            .select_related("agency__region", "region")
            .order_by("pk")[:500]
        )
        for code in codes
        if code in demo_insights.ROSTER
    }
    since = demo_insights.calendar_start(election)
    report = []
    if since is not None:
        deciding = {code for state, _index, code in placed if state == wf.FOLLOWED_UP}
        report = demo_insights.plan_ppk_accounts(timeline, deciding, regions, at=since - DAY)
    paths = {state: _path_to(state) for state in wf.STATES}
    for state, index, code in placed:
        region = regions[code]
        demo = _DemoCase(
            election=election,
            region=region,
            officer=people[demo_insights.officer_for(code)],
            ppk=demo_insights.ppk_for(code),
            bkn=people["gita"],
            staff=staff.get(code, []),
            rng=rng,
            path=paths[state],
        )
        # The first case of each clocked state is left late: the overdue list has cases.
        moments = schedule(
            state, now, rng, region=region, election=election, late=index == 0, since=since
        )
        timeline.at(moments[0], demo.open)
        timeline.at(
            moments[0] + _span(rng, timedelta(minutes=3), timedelta(minutes=50)),
            demo.add_person,
        )
        for step, moment in enumerate(moments[1:]):
            timeline.at(moment, lambda demo=demo, step=step: demo.move(step))
    provinces = {code[:2] for code in codes}
    return [
        f"kasus demo: {len(placed)} kasus di {len(wf.STATES)} tahap, "
        f"di {len(codes)} kabupaten/kota dan {len(provinces)} provinsi",
        *report,
    ]
