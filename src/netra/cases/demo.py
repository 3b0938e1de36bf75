"""Fictional demo cases in every state, reached through the real workflow and actions."""

import random
from collections import deque

from django.db import transaction

from netra.accounts.models import User
from netra.regions.models import Election, Region

from . import actions
from . import workflow as wf
from .models import Case

DEMO_MARK = "[demo] "
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


def load_demo_cases(per_state=18):
    if Case.objects.filter(summary__startswith=DEMO_MARK).exists():
        return ["kasus demo: sudah ada"]
    rng = random.Random(2024)
    people = {u.username: u for u in User.objects.filter(username__in=["alice", "charlie",
                                                                        "gita", "hadi"])}
    election = Election.objects.get(code="pilkada-2024")
    regions = {"35.09": people["alice"], "15.71": people["charlie"]}
    actor_for = {"bkn": people["gita"], "ppk": people["hadi"]}
    with transaction.atomic():
        for state in wf.STATES:
            path = _path_to(state)
            for index in range(per_state):
                code = "35.09" if index % 3 else "15.71"
                officer = regions[code]
                case = actions.open_finding(officer, election=election,
                                            region=Region.objects.get(code=code),
                                            summary=DEMO_MARK + rng.choice(STORIES))
                for target, roles in path:
                    actor = (None if roles == wf.SYSTEM else officer if roles == wf.BAWASLU
                             else actor_for["bkn" if roles == wf.BKN else "ppk"])
                    reason = "Tidak memenuhi syarat materiel." if target == wf.NOT_REGISTERED else ""
                    case = actions.transition(actor, case, target, version=case.version,
                                              reason=reason)
    return [f"kasus demo: {per_state * len(wf.STATES)} kasus di {len(wf.STATES)} tahap"]
