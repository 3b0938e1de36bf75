"""`netra demo` gives its election a fictional vulnerability index (marked so, with the source
"Data demo, fiktif") for every region of the election and computes the risk at once, so the
regions to watch are filled from the first sign-in; it says so in one short Indonesian line."""

from netra.demo import load_demo
from netra.demo_election import CODE
from netra.risk.models import IkpRelease, RegionRisk


def test_the_demo_election_has_a_fictional_index_and_a_risk_per_region(reference):
    report = load_demo(employees=400, cases_per_state=1)

    release = IkpRelease.objects.get(election__code=CODE)
    assert release.fictional and release.source == "Data demo, fiktif"
    risks = RegionRisk.objects.filter(election__code=CODE)
    assert risks.count() == release.rows
    jambi = risks.get(region__code="15.71")
    assert jambi.components["ikp"] == 78.6 and jambi.score is not None
    line = next(line for line in report if line.startswith("risiko demo:"))
    assert len(line) < 80 and "fiktif" in line
