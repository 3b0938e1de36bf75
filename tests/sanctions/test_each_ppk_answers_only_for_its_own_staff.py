"""A case about a provincial and a regency employee: each PPK answers only for its own."""

from django.utils import timezone

from netra.cases.models import Respondent
from netra.sanctions.models import Decree

from ..case_walk import walk

PDF = b"%PDF-1.4\n%%EOF\n"


def test_the_regency_ppk_cannot_decide_for_the_provincial_employee(
    client_for, alice, gita, hadi, make_user, reported_case, region
):
    case = reported_case  # its reported person works for Jember
    Respondent.objects.create(case=case, name="Rina Provinsi", government=region("35"))
    case = walk(case, "recommended", officer=alice, bkn=gita)
    provincial = case.recommendations.get(respondent__name="Rina Provinsi")
    regency = case.recommendations.exclude(pk=provincial.pk).get()
    ppk = client_for(hadi)
    page = ppk.get(f"/kasus/{case.pk}/").content.decode()
    assert f"/rekomendasi/{regency.pk}/keputusan/" in page
    assert f"/rekomendasi/{provincial.pk}/keputusan/" not in page
    prefix = f"r{provincial.pk}-"
    response = ppk.post(
        f"/rekomendasi/{provincial.pk}/keputusan/",
        {"version": case.version, prefix + "outcome": "not_imposed", prefix + "reason": "x"},
    )
    assert response.status_code == 404
    api = ppk.post(
        f"/api/v1/recommendations/{provincial.pk}/decree",
        {"version": case.version, "outcome": "not_imposed", "reason": "x"},
    )
    assert api.status_code == 404
    assert not Decree.objects.exists()
    governor = client_for(make_user("gubernur", "ppk", ["35"]))
    governor.post(
        f"/rekomendasi/{provincial.pk}/keputusan/",
        {
            "version": case.version,
            prefix + "outcome": "imposed",
            prefix + "number": "800/1",
            prefix + "decided_on": str(timezone.localdate()),
            prefix + "sanction": "Teguran",
            prefix + "file": __import__(
                "django.core.files.uploadedfile", fromlist=["x"]
            ).SimpleUploadedFile("sk.pdf", PDF, "application/pdf"),
        },
    )
    assert Decree.objects.get().recommendation == provincial
