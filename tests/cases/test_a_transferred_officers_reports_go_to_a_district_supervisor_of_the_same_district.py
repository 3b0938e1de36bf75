from django.test import Client

from netra.reports.models import Submission

from ..reports.helpers import file_report


def test_a_district_supervisors_reports_go_to_one_of_the_same_district(
    client_for, admin, make_user, reference
):
    leaving = make_user("sari", "panwascam", ["35.09.01"])
    same = make_user("tono", "panwascam", ["35.09.01"])
    other = make_user("umar", "panwascam", ["35.09.02"])
    regency = make_user("vina", "bawaslu_regency", ["35.09"])
    file_report(Client())  # a report of district 35.09.01
    report = Submission.objects.get()
    Submission.objects.filter(pk=report.pk).update(assigned_to=leaving)

    page = client_for(admin).get(f"/akun/pengguna/{leaving.pk}/mutasi/")
    offered = {u.username for u in page.context["successors"]}
    assert "tono" in offered and "vina" in offered and "umar" not in offered

    refused = client_for(admin).post(
        f"/akun/pengguna/{leaving.pk}/mutasi/",
        {"do": "deactivate", "successor": other.pk, "reason": "Mutasi"},
    )
    assert refused.status_code == 200
    assert Submission.objects.get().assigned_to == leaving

    client_for(admin).post(
        f"/akun/pengguna/{leaving.pk}/mutasi/",
        {"do": "deactivate", "successor": same.pk, "reason": "Mutasi"},
    )
    assert Submission.objects.get().assigned_to == same
    assert regency.pk
