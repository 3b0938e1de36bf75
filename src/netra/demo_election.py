"""The demo's own election: fictional, named as demo data, its stages placed around the day
the demo is loaded, so that the demo always shows an election in progress. Only `netra demo`
makes it; the reference data of `netra up` never contains it."""

from datetime import timedelta

from netra import demo_insights
from netra.regions.models import Election, ElectionStage, Region

CODE = "demo-pilkada"
#: The regencies and cities that elect: every one where the demo has cases.
REGIONS = demo_insights.REGIONS

#: (code, Indonesian name, English name, first day, last day), in days from the loading day.
STAGES = [
    ("candidate_registration", "Pendaftaran pasangan calon", "Candidate registration", -78, -76),
    (
        "candidate_requirements_review",
        "Penelitian persyaratan calon",
        "Review of candidate requirements",
        -76,
        -61,
    ),
    (
        "candidate_determination",
        "Penetapan pasangan calon",
        "Determination of candidate pairs",
        -60,
        -60,
    ),
    (
        "ballot_number_draw",
        "Pengundian dan penetapan nomor urut pasangan calon",
        "Ballot number draw",
        -59,
        -59,
    ),
    ("campaign", "Pelaksanaan kampanye", "Campaign period", -57, 10),
    ("quiet_period", "Masa tenang", "Quiet period", 11, 13),
    ("voting", "Pemungutan suara", "Voting day", 14, 14),
    (
        "counting_and_recapitulation",
        "Penghitungan suara dan rekapitulasi hasil penghitungan suara",
        "Vote counting and recapitulation",
        14,
        30,
    ),
]


def demo_election(today):
    """The demo election, made the first time around TODAY (a date)."""
    election = Election.objects.filter(code=CODE).first()
    if election is not None:
        return election
    day = {code: today + timedelta(days=start) for code, _i, _e, start, _end in STAGES}
    election = Election.objects.create(
        code=CODE,
        kind=Election.Kind.PILKADA,
        name_id=f"Pilkada Contoh {today.year} (data demo, fiktif)",
        name_en=f"Sample regional election {today.year} (demo data, fictional)",
        voting_date=day["voting"],
        candidate_determination_date=day["candidate_determination"],
        legal_basis="Data demo: tahapan fiktif di sekitar hari ini.",
        national=False,
        regions_complete=False,
    )
    election.regions.set(Region.objects.filter(code__in=REGIONS))
    ElectionStage.objects.bulk_create(
        ElectionStage(
            election=election,
            code=code,
            name_id=name_id,
            name_en=name_en,
            start=today + timedelta(days=start),
            end=today + timedelta(days=end),
        )
        for code, name_id, name_en, start, end in STAGES
    )
    return election
