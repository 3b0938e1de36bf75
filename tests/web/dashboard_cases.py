"""Cases and reports made directly in the database for the dashboard tests: the dashboard
counts what is there, however it got there (the actions are tested elsewhere)."""

import secrets
from datetime import date

from django.utils import timezone

from netra.cases.models import Case, Respondent
from netra.regions.models import Election, Region
from netra.reports.models import Submission

FORWARDED_STATES = {
    "forwarded",
    "bkn_verification",
    "recommended",
    "followed_up",
    "ppk_overdue",
}


def make_case(state, code="35.09", due_at=None, assigned_to=None, government=None):
    region = Region.objects.get(code=code)
    case = Case.objects.create(
        source="finding",
        election=Election.objects.get(code="pilkada-2024"),
        region=region,
        summary="Dugaan pelanggaran netralitas (uji)",
        state=state,
        received_at=timezone.now(),
        due_at=due_at,
        forwarded=state in FORWARDED_STATES,
        assigned_to=assigned_to,
    )
    Respondent.objects.create(
        case=case, name="Pegawai Uji", subject_type="pns", government=government or region
    )
    return case


def make_report(code="35.09", district=None, status="received", handed_over=False):
    return Submission.objects.create(
        kind="report",
        status=status,
        receipt_hash=secrets.token_hex(32),
        region=Region.objects.get(code=code),
        district=Region.objects.get(code=district) if district else None,
        incident_date=date(2024, 11, 1),
        known_date=date(2024, 11, 2),
        description="Laporan uji",
        handed_over_at=timezone.now() if handed_over else None,
    )
