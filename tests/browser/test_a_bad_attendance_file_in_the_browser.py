"""An officer uploads an export the tool garbled: the page names the row and column, and
nothing of the file is kept."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_garbled_export_is_refused_with_its_row_and_column(page, signed_in, tmp_path):
    from django.utils import timezone

    from netra.prevention import actions
    from netra.prevention.models import Attendance
    from netra.regions.models import Region

    from ..prevention import files

    officer = signed_in("fajar", "bkpsdm", ["35.09"])
    event = actions.add_event(
        officer,
        region=Region.objects.get(code="35.09"),
        title="Sosialisasi daring",
        kind="webinar",
        mode="online",
        organiser="BKPSDM",
        audience=["asn"],
        starts_at=timezone.now(),
    )
    export = tmp_path / "peserta.csv"
    export.write_bytes(
        files.zoom(
            [
                [
                    "Rina K",
                    "",
                    "10/05/2024 09:00:00 AM",
                    "10/05/2024 09:50:00 AM",
                    "50",
                    "No",
                    "Yes",
                ],
                ["Budi", "", "10/05/2024 09:00:00 AM", "jam sepuluh", "60", "No", "Yes"],
            ]
        )
    )
    page.goto(f"{page.base}/pencegahan/kegiatan/{event.pk}/")
    page.get_by_label("Berkas kehadiran").set_input_files(str(export))
    page.get_by_role("button", name="Impor kehadiran").click()
    page.get_by_role("heading", name="Kehadiran tidak diimpor").wait_for()
    row = page.locator("#row-errors tbody tr").first.inner_text()
    assert "3" in row and "leave" in row and "jam sepuluh" in row and "bukan waktu" in row
    assert not Attendance.objects.exists()
