"""The review of uncertain attendance matches showed "NIP None" for a roster entry without a
NIP (PPPK and honorary staff often have none): a developer word in the Indonesian UI."""

from netra.prevention.models import Attendance

from . import files
from .test_attendance_gives_coverage import upload


def test_a_candidate_without_a_nip_is_shown_without_one(
    client_for, fajar, outreach, jember_staff, employee_factory
):
    employee_factory("Siti Aminah", nip=None, agency="Dinas Pendidikan")
    sheet = files.sheet_xlsx([(1, "Siti Aminah, S.Pd", "", "Dinas Pendidikan", "Guru", "")])
    upload(client_for(fajar), outreach, ("daftar-hadir.xlsx", sheet))
    assert Attendance.objects.get().status == "uncertain"
    page = client_for(fajar).get(f"/pencegahan/kegiatan/{outreach.pk}/tinjau/").content.decode()
    assert "Siti Aminah" in page and "None" not in page
