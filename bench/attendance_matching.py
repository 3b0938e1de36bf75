"""Matching 20,000 attendees against a 50,000-employee roster (the pure matcher, one core).

    python bench/attendance_matching.py [--roster 50000] [--attendees 20000]

The roster comes from bench/synthetic.py (eleven agencies). Attendees are drawn from it the
way meeting exports write them: half as on the roster, the rest with titles and degrees added,
old spellings (oe, dj, tj), a Zoom device prefix or a bracketed original name; 10% are people
not on the roster. Each event targets three agencies; attendees come from those agencies.
"""

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from synthetic import AGENCIES, person_name, roster_rows  # noqa: E402

from netra.prevention.matching import MATCHED, UNCERTAIN, Person, Roster  # noqa: E402

OLD_SPELLING = [("u", "oe"), ("j", "dj"), ("y", "j"), ("c", "tj")]


def written(rng, name):
    roll = rng.random()
    if roll < 0.5:
        return name
    if roll < 0.7:
        return (
            rng.choice(["Drs. ", "H. ", "Hj. ", ""]) + name + rng.choice([", S.Pd", ", M.Si", ""])
        )
    if roll < 0.85:
        new, old = rng.choice(OLD_SPELLING)
        return name.replace(new, old, 1)
    return (
        rng.choice(["iPhone ", "Samsung ", ""]) + name
        if roll < 0.93
        else f"Pak {name.split()[0]} ({name})"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--roster", type=int, default=50_000)
    parser.add_argument("--attendees", type=int, default=20_000)
    args = parser.parse_args()
    rng = random.Random(7)
    agency_ids = {name: i for i, name in enumerate(AGENCIES, start=1)}
    people = [
        Person(i, row[0], row[1], "", agency_ids[row[5]])
        for i, row in enumerate(roster_rows(args.roster), start=1)
    ]
    started = time.perf_counter()
    roster = Roster(people)
    indexed = time.perf_counter() - started
    targets = set(rng.sample(sorted(agency_ids.values()), 3))
    pool = [p for p in people if p.agency_id in targets]
    attendees = []
    for _ in range(args.attendees):
        if rng.random() < 0.1:
            attendees.append((person_name(rng), None))
        else:
            person = rng.choice(pool)
            attendees.append((written(rng, person.name), person.id))
    started = time.perf_counter()
    results = [roster.match(name=name, target_agencies=targets) for name, _ in attendees]
    seconds = time.perf_counter() - started
    matched = sum(r.status == MATCHED for r in results)
    uncertain = sum(r.status == UNCERTAIN for r in results)
    wrong = sum(
        r.status == MATCHED and truth is not None and r.employee_id != truth
        for r, (_, truth) in zip(results, attendees, strict=True)
    )
    namesakes = sum(
        r.status == MATCHED and truth is None
        for r, (_, truth) in zip(results, attendees, strict=True)
    )
    print(
        f"roster of {args.roster:,} indexed in {indexed:.1f} s; {args.attendees:,} attendees "
        f"matched in {seconds:.1f} s ({args.attendees / seconds:,.0f}/s)"
    )
    print(
        f"matched {matched:,} ({100 * matched / len(results):.1f}%), uncertain {uncertain:,}, "
        f"unmatched {len(results) - matched - uncertain:,}"
    )
    print(
        f"rostered attendees matched to someone else: {wrong:,}; people not on the roster "
        f"matched to a namesake in the target agencies: {namesakes:,} (without a NIP no "
        f"matcher can tell them apart)"
    )


if __name__ == "__main__":
    main()
