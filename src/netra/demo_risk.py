"""The demo's early warning: a fictional vulnerability index (IKP) for every region of the demo
election, imported through the real import as a file an administrator would upload (marked
fictional, so that every page showing it says so), then each region's risk computed at once,
not at the worker's next round. Deterministic: each region's score comes from its code."""

import hashlib

from netra.accounts.models import Role, User
from netra.risk import actions, refresh
from netra.risk.components import band, regions_of

SOURCE = "Data demo, fiktif"
#: The demo's own offices score high, as the seed article names Kota Jambi among the most
#: vulnerable; the rest spread over the scale.
FIXED = {"35.09": 71.4, "15.71": 78.6}
CATEGORY = {"high": "tinggi", "medium": "sedang", "low": "rendah"}


def _score(code):
    if code in FIXED:
        return FIXED[code]
    digest = int(hashlib.sha256(code.encode()).hexdigest()[:8], 16)
    return round(15 + (digest % 7000) / 100, 2)  # 15 to 85


def ikp_file(election):
    """The fictional IKP of ELECTION's regions, as a CSV file's bytes."""
    lines = ["kode_wilayah;nama_wilayah;skor;kategori"]
    for code, region in sorted(regions_of(election).items()):
        score = _score(code)
        text = f"{score:.2f}".replace(".", ",")
        lines.append(f"{code};{region.name};{text};{CATEGORY[band(score)]}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def load_demo_risk(election):
    """Import the fictional IKP and compute the risk; returns the report line."""
    admin = User.objects.filter(role=Role.ADMIN).order_by("pk").first()
    release = actions.import_ikp(
        admin, election, ikp_file(election), source=SOURCE, file_name="ikp-demo.csv", fictional=True
    )
    regions = refresh.recompute(election)
    return [f"risiko demo: IKP fiktif untuk {release.rows} wilayah, skor risiko {regions} wilayah"]
