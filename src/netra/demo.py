"""`netra demo`: the fictional demo data set of every app, loaded in order.

People and staff accounts first (people/demo.py), then cases in every state with their
sanctions follow-up (demo_cases.py), then prevention work (prevention/demo.py). Each part is
deterministic, so running it again updates the same rows instead of adding new ones.
"""

from netra.demo_cases import load_demo_cases
from netra.people.demo import load_demo_people
from netra.prevention.demo import load_demo_prevention


def load_demo(employees=10_000, cases_per_state=18):
    """Load the whole demo; returns the lines to print."""
    report = load_demo_people(employees=employees)
    report.extend(load_demo_cases(per_state=cases_per_state))
    report.extend(load_demo_prevention())
    return report
