"""The worker's round recomputes the risk of every election with something to weigh (figures
of handled cases, an IKP release, or a risk computed before), right after the statistics'
summaries; the job is claimed first, so a second worker in the same period does not run it
again."""

from netra.risk.models import RegionRisk
from netra.rounds import jobs, tick

from .risk_data import election, ikp


def test_the_risk_job_follows_the_insights_job():
    names = [job.name for job in jobs()]
    assert names.index("risk") == names.index("insights") + 1


def test_a_round_computes_the_risk_of_the_elections_with_something_to_weigh(
    admin, settings, tmp_path
):
    settings.NETRA_AUDIT_CHECKPOINT_DIR = tmp_path / "checkpoints"
    ikp(admin, [("15", "60", "sedang")], election_code="pilkada-2020")

    first = tick("w1")

    assert first["risk"] == RegionRisk.objects.filter(election=election("pilkada-2020")).count()
    assert first["risk"] > 0
    assert not RegionRisk.objects.filter(election=election("pemilu-2024")).exists()
    assert "risk" not in tick("w2")
