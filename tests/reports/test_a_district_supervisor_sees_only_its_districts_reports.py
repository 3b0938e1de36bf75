"""A district supervisor (Panwascam) reaches the public reports filed about its own districts
(kecamatan), in the queue, on their pages and in their evidence; a report of another district
of the same regency, or one naming no district, answers 404."""

import pytest

from netra.reports.models import Submission

from .helpers import file_report


@pytest.fixture
def three_reports(client):
    file_report(client, district="35.09.27", person_name="Rina Kalisat")
    file_report(client, district="35.09.01", person_name="Joni Jombang")
    file_report(client, district="", person_name="Tono Tanpa Kecamatan")
    return {s.persons.get().name: s for s in Submission.objects.all()}


def test_the_queue_lists_only_the_reports_of_its_district(client_for, wulan, three_reports):
    page = client_for(wulan).get("/laporan/").content.decode()
    assert "Rina Kalisat" in page
    assert "Joni Jombang" not in page and "Tono Tanpa Kecamatan" not in page


def test_a_report_of_another_district_answers_404(client_for, wulan, three_reports):
    client = client_for(wulan)
    assert client.get(f"/laporan/{three_reports['Rina Kalisat'].pk}/").status_code == 200
    for name in ("Joni Jombang", "Tono Tanpa Kecamatan"):
        other = three_reports[name]
        assert client.get(f"/laporan/{other.pk}/").status_code == 404, name
        assert client.post(f"/laporan/{other.pk}/serahkan/").status_code == 404, name
        assert client.post(f"/laporan/{other.pk}/kajian/", {"study": "x"}).status_code == 404
    assert not Submission.objects.exclude(handed_over_at=None).exists()


def test_the_regency_office_still_reaches_all_three(client_for, alice, three_reports):
    client = client_for(alice)
    for submission in three_reports.values():
        assert client.get(f"/laporan/{submission.pk}/").status_code == 200


def test_a_district_supervisor_of_a_district_elsewhere_reaches_none(
    client_for, make_user, three_reports
):
    elsewhere = make_user("yanti", "panwascam", ["15.71.01"])
    client = client_for(elsewhere)
    assert "Rina Kalisat" not in client.get("/laporan/").content.decode()
    assert client.get(f"/laporan/{three_reports['Rina Kalisat'].pk}/").status_code == 404


def test_it_opens_the_evidence_of_its_districts_reports_only(client_for, wulan, client):
    from .helpers import photo_with_gps

    file_report(client, files=[photo_with_gps()], district="35.09.27")
    file_report(client, files=[photo_with_gps()], district="35.09.01")
    own, other = (
        Submission.objects.get(district__code=code).evidence.get()
        for code in ("35.09.27", "35.09.01")
    )
    supervisor = client_for(wulan)
    assert supervisor.get(f"/laporan/bukti/{own.pk}/").status_code == 200
    assert supervisor.get(f"/laporan/bukti/{other.pk}/").status_code == 404


def test_a_look_alike_report_of_another_district_is_named_but_not_linked(
    client_for, wulan, alice, client, django_capture_on_commit_callbacks
):
    file_report(client, district="35.09.01")
    with django_capture_on_commit_callbacks(execute=True):  # the worker's screening
        file_report(client, district="35.09.27")  # the same person and story: a duplicate?
    first, second = Submission.objects.order_by("pk")
    assert second.duplicate_of == first
    page = client_for(wulan).get(f"/laporan/{second.pk}/").content.decode()
    assert f"#{first.pk}" in page and f'href="/laporan/{first.pk}/"' not in page
    officer = client_for(alice).get(f"/laporan/{second.pk}/").content.decode()
    assert f'href="/laporan/{first.pk}/"' in officer
