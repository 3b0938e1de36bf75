"""Item 6 of issue 13: "Terbitkan rekomendasi" without a sanction chosen showed no message and
the proposal disappeared. The page must say what is missing by the sanction choice and keep the
proposal and what BKN typed."""

from netra.sanctions.models import Recommendation

from .test_bkn_recommendation_form import form_data


def test_issuing_without_a_sanction_says_so_by_the_choice_and_keeps_the_proposal(
    under_verification, client_for, gita
):
    case = under_verification
    respondent = case.respondents.get()
    response = client_for(gita).post(
        f"/kasus/{case.pk}/rekomendasi/",
        form_data(case, issue="1", verification="Terbukti dari dua saksi."),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert not Recommendation.objects.exists()
    # The message stands inside the proposal, next to the sanction choice.
    proposal = page.split('class="proposal"', 1)[1]
    assert f"Pilih hukuman untuk {respondent.name}" in proposal.split("</fieldset>", 1)[0]
    assert "Penurunan jabatan setingkat lebih rendah selama 12 bulan" in proposal
    assert "Terbukti dari dua saksi." in page
    assert 'name="issue"' in page
