"""Item 6 of issue 13: the PPK's decree form, refused, redirected to the case page with one
sentence at the top and the typed number and sanction gone. It must come back open, with the
message by the field and what was typed."""

from netra.sanctions.models import Decree

from ..sanctions_helpers import recommend


def test_a_decree_without_its_number_keeps_the_sanction_and_says_so_by_the_number(
    under_verification, client_for, gita, hadi
):
    case = under_verification
    recommend(gita, case)
    case.refresh_from_db()
    recommendation = case.recommendations.get()
    prefix = f"r{recommendation.pk}-"
    response = client_for(hadi).post(
        f"/rekomendasi/{recommendation.pk}/keputusan/",
        {"version": case.version, prefix + "outcome": "imposed", prefix + "sanction": "Teguran"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert not Decree.objects.exists()
    assert 'value="Teguran"' in page
    number = page.split(f'name="{prefix}number"', 1)[1].split("</div>", 1)[0]
    assert 'class="error"' in number
