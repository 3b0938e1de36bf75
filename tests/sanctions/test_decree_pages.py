from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from netra.sanctions.models import Decree

from ..sanctions_helpers import recommend

PDF = b"%PDF-1.7\n% keputusan\n%%EOF\n"


def test_the_bkn_officer_sees_the_recommendation_form_and_the_ppk_the_decree_form(
    under_verification, client_for, gita, hadi
):
    case = under_verification
    page = client_for(gita).get(f"/kasus/{case.pk}/").content.decode()
    respondent = case.respondents.get()
    assert f'name="kind_{respondent.pk}_0"' in page
    recommend(gita, case)
    case.refresh_from_db()
    recommendation = case.recommendations.get()
    ppk = client_for(hadi)
    page = ppk.get(f"/kasus/{case.pk}/").content.decode()
    assert f'action="/rekomendasi/{recommendation.pk}/keputusan/"' in page
    prefix = f"r{recommendation.pk}-"
    ppk.post(
        f"/rekomendasi/{recommendation.pk}/keputusan/",
        {
            "version": case.version,
            prefix + "outcome": "imposed",
            prefix + "number": "800/5/2024",
            prefix + "decided_on": str(timezone.localdate()),
            prefix + "sanction": "Penurunan jabatan",
            prefix + "file": SimpleUploadedFile("sk.pdf", PDF, "application/pdf"),
        },
    )
    decree = Decree.objects.get()
    download = ppk.get(f"/rekomendasi/{recommendation.pk}/keputusan.pdf")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff"
    assert decree.sha256 and decree.number == "800/5/2024"


def test_a_decree_form_without_the_pdf_says_what_is_missing(
    under_verification, client_for, gita, hadi
):
    case = recommend(gita, under_verification)
    recommendation = case.recommendations.get()
    prefix = f"r{recommendation.pk}-"
    response = client_for(hadi).post(
        f"/rekomendasi/{recommendation.pk}/keputusan/",
        {
            "version": case.version,
            prefix + "outcome": "imposed",
            prefix + "number": "800/5",
            prefix + "decided_on": str(timezone.localdate()),
            prefix + "sanction": "Teguran",
        },
        follow=True,
    )
    assert "Wajib diisi bila hukuman dijatuhkan." in response.content.decode()
    assert not Decree.objects.exists()


def test_strangers_get_404_on_recommendations_and_decrees(
    under_verification, client_for, gita, charlie, alice, make_user
):
    case = recommend(gita, under_verification)
    recommendation = case.recommendations.get()
    jambi_ppk = make_user("joko", "ppk", ["15.71"])
    for user in (charlie, jambi_ppk):
        client = client_for(user)
        assert (
            client.post(
                f"/rekomendasi/{recommendation.pk}/keputusan/", {"version": case.version}
            ).status_code
            == 404
        )
        assert client.get(f"/rekomendasi/{recommendation.pk}/keputusan.pdf").status_code == 404
    # A Bawaslu officer sees the case but cannot answer for the PPK.
    assert (
        client_for(alice)
        .post(f"/rekomendasi/{recommendation.pk}/keputusan/", {"version": case.version})
        .status_code
        == 404
    )
