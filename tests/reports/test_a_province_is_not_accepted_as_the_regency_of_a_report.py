"""The "Kabupaten/kota" of a report must be a regency or a city: a province was accepted."""

from netra.reports.models import Submission

from .helpers import report_data


def test_the_form_refuses_a_province_with_a_message_by_the_field(client, reference):
    response = client.post("/lapor/", report_data(region="35", district=""))
    assert response.status_code == 200
    assert "region" in response.context["form"].errors
    assert not Submission.objects.exists()


def test_the_api_refuses_a_province(client, reference):
    response = client.post("/api/v1/reports", report_data(region="35", district=""))
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_the_form_offers_no_province(client, reference):
    options = client.get("/lapor/").content.decode()
    assert 'value="35.09"' in options and 'value="35"' not in options


def test_a_regency_outside_the_election_is_refused_by_name(client, reference):
    # Moved here from the province case: a province is no longer on offer at all.
    from datetime import date

    from netra.regions.models import Election, Region

    small = Election.objects.create(
        code="pilkada-uji",
        kind="pilkada",
        name_id="Pilkada Uji",
        name_en="Test Pilkada",
        voting_date=date(2024, 11, 27),
    )
    small.regions.add(Region.objects.get(code="35.10"))
    response = client.post("/lapor/", report_data(election="pilkada-uji"))
    errors = [str(e) for e in response.context["form"].errors["region"]]
    assert any("Kabupaten Jember tidak mengikuti" in e for e in errors), errors
    assert not Submission.objects.exists()
