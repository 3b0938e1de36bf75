from netra.audit.models import AuditEntry
from netra.sanctions.models import Recommendation


def form_data(case, **overrides):
    respondent = case.respondents.get()
    data = {
        "version": case.version,
        "verification": "Terbukti.",
        f"employment_{respondent.pk}": "PNS",
        f"kind_{respondent.pk}_0": "social_media_engagement",
        f"date_{respondent.pk}_0": "2024-09-10",  # before the determination: ethics
        f"kind_{respondent.pk}_1": "partisan_photo",
        f"date_{respondent.pk}_1": "2024-10-02",
    }  # after: discipline, berat
    data.update({k.format(r=respondent.pk): v for k, v in overrides.items()})
    return data


def test_the_form_shows_the_proposal_before_anything_is_issued(
    under_verification, client_for, gita
):
    case = under_verification
    page = (
        client_for(gita)
        .post(f"/kasus/{case.pk}/rekomendasi/", form_data(case, preview="1"))
        .content.decode()
    )
    assert "ETIK-04, DIS-07" in page
    assert "Penurunan jabatan setingkat lebih rendah selama 12 bulan" in page
    assert "PP 94/2021 tentang Disiplin PNS Pasal 5 huruf n" in page
    assert not Recommendation.objects.exists()
    case.refresh_from_db()
    assert case.state == "bkn_verification"


def test_a_lawful_option_is_issued_with_its_letter(under_verification, client_for, gita):
    case = under_verification
    response = client_for(gita).post(
        f"/kasus/{case.pk}/rekomendasi/",
        form_data(
            case,
            issue="1",
            **{"sanction_{r}": "Penurunan jabatan setingkat lebih rendah selama 12 bulan"},
        ),
    )
    assert response.status_code == 302
    recommendation = Recommendation.objects.get()
    assert recommendation.codes == ["ETIK-04", "DIS-07"]
    assert (recommendation.track, recommendation.level) == ("discipline", "berat")
    assert recommendation.catalog_version == "2024.1"
    assert case.documents.filter(kind="recommendation_letter").exists()


def test_another_sanction_needs_a_written_reason_which_is_audited(
    under_verification, client_for, gita
):
    case = under_verification
    bkn = client_for(gita)
    refused = bkn.post(
        f"/kasus/{case.pk}/rekomendasi/",
        form_data(case, issue="1", **{"other_{r}": "Teguran tertulis"}),
        follow=True,
    )
    assert "alasan tertulis" in refused.content.decode()
    assert not Recommendation.objects.exists()
    bkn.post(
        f"/kasus/{case.pk}/rekomendasi/",
        form_data(
            case,
            issue="1",
            **{
                "other_{r}": "Teguran tertulis",
                "reason_{r}": "Terlapor baru tiga bulan bertugas dan mengakui.",
            },
        ),
    )
    recommendation = Recommendation.objects.get()
    assert recommendation.sanction == "Teguran tertulis"
    entry = AuditEntry.objects.get(action="case.recommendation")
    assert entry.data["deviation"] is True
    assert entry.data["deviation_reason"] == "Terlapor baru tiga bulan bertugas dan mengakui."


def test_a_conduct_without_its_date_is_named(under_verification, client_for, gita):
    case = under_verification
    page = (
        client_for(gita)
        .post(f"/kasus/{case.pk}/rekomendasi/", form_data(case, preview="1", **{"date_{r}_0": ""}))
        .content.decode()
    )
    assert "Isi tanggal perbuatan ini." in page
