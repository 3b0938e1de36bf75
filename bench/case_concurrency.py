"""Two processes hammering one case: every accepted change is recorded once, none is lost, and
the audit chain stays intact.

    python bench/case_concurrency.py [--seconds 15] [--only sqlite|postgres]

Both processes loop: read the case, move it between "study" and "clarification" (the one pair of
states that goes both ways), and count what was accepted and what was refused as a conflict.
Afterwards: accepted moves == version increase == transition lines in the timeline, and
`verify_chain` finds no broken link.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

from common import fresh_postgres, netra_env

PG_DB = "netra_bench_concurrency"


def setup():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netra.settings")
    django.setup()


def prepare():
    setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from netra.accounts.models import User
    from netra.cases import actions
    from netra.regions.models import Election, Region
    from netra.regions.reference import load_reference_data

    load_reference_data()
    officer = User.objects.create_user("bench", role="bawaslu_regency")
    officer.regions.set([Region.objects.get(code="35.09")])
    case = actions.open_finding(
        officer,
        election=Election.objects.get(code="pilkada-2024"),
        region=Region.objects.get(code="35.09"),
        summary="bench",
    )
    for target in ["initial_study", "registered", "study"]:
        case = actions.transition(officer, case, target, version=case.version)
    print(json.dumps({"case": case.pk, "version": case.version}))


def hammer(case_id, seconds):
    setup()
    from django.db import OperationalError

    from netra.accounts.models import User
    from netra.cases import actions
    from netra.cases.models import Case

    officer = User.objects.get(username="bench")
    accepted = conflicts = busy = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        case = Case.objects.select_related("region", "election").get(pk=case_id)
        target = "clarification" if case.state == "study" else "study"
        try:
            actions.transition(officer, case, target, version=case.version)
            accepted += 1
        except actions.Conflict:
            conflicts += 1
        except OperationalError:  # SQLite: the other writer held the lock past the timeout
            busy += 1
    print(json.dumps({"accepted": accepted, "conflicts": conflicts, "busy": busy}))


def check(case_id, start_version, accepted):
    setup()
    from netra.audit.log import verify_chain
    from netra.cases.models import Case

    case = Case.objects.get(pk=case_id)
    transitions = case.events.filter(
        kind="transition",
        from_state__in=["study", "clarification"],
        to_state__in=["study", "clarification"],
    ).count()
    lost = accepted - (case.version - start_version)
    print(
        f"  accepted {accepted}, version +{case.version - start_version}, timeline lines "
        f"{transitions}: lost updates = {lost}, unrecorded = {accepted - transitions}, "
        f"broken chain link = {verify_chain()}"
    )


def run(db, seconds):
    with tempfile.TemporaryDirectory() as data_dir:
        env = netra_env(data_dir, fresh_postgres(PG_DB) if db == "postgres" else None)
        me = [sys.executable, __file__]
        info = json.loads(
            subprocess.run(
                me + ["--prepare"], env=env, check=True, capture_output=True, text=True
            ).stdout.splitlines()[-1]
        )
        workers = [
            subprocess.Popen(
                me + ["--hammer", str(info["case"]), "--seconds", str(seconds)],
                env=env,
                stdout=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        results = [json.loads(w.communicate()[0].splitlines()[-1]) for w in workers]
        accepted = sum(r["accepted"] for r in results)
        print(f"{db}: " + ", ".join(f"process {i + 1}: {r}" for i, r in enumerate(results)))
        subprocess.run(
            me + ["--check", str(info["case"]), str(info["version"]), str(accepted)],
            env=env,
            check=True,
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--hammer", type=int)
    parser.add_argument("--check", nargs=3, type=int)
    args = parser.parse_args()
    if args.prepare:
        return prepare()
    if args.hammer:
        return hammer(args.hammer, args.seconds)
    if args.check:
        return check(*args.check)
    for db in ["postgres", "sqlite"]:
        if not args.only or args.only == db:
            run(db, args.seconds)


if __name__ == "__main__":
    main()
