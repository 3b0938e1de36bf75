from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from netra.cases.models import Attachment

from ..reports.helpers import photo_with_gps


def test_a_photo_is_attached_without_its_location_and_downloaded_by_staff(
    client_for, alice, reported_case
):
    officer = client_for(alice)
    response = officer.post(
        f"/kasus/{reported_case.pk}/lampiran/",
        {"title": "Tangkapan layar unggahan", "file": photo_with_gps()},
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.content_type == "image/jpeg" and len(attachment.sha256) == 64
    with attachment.file.open("rb") as stored:
        assert not Image.open(stored).getexif()  # GPS and maker gone
    download = officer.get(f"/kasus/lampiran/{attachment.pk}/")
    assert download.status_code == 200 and download["X-Content-Type-Options"] == "nosniff"
    assert reported_case.events.filter(kind="attachment").exists()


def test_a_program_disguised_as_a_pdf_is_refused(client_for, alice, reported_case):
    page = client_for(alice).post(
        f"/kasus/{reported_case.pk}/lampiran/",
        {
            "title": "Berita acara",
            "file": SimpleUploadedFile("ba.pdf", b"MZ\x90\x00 program", "application/pdf"),
        },
        follow=True,
    )
    assert "tidak dapat dilampirkan" in page.content.decode()
    assert not Attachment.objects.exists()


def test_strangers_cannot_download_an_attachment(client_for, alice, charlie, gita, reported_case):
    client_for(alice).post(
        f"/kasus/{reported_case.pk}/lampiran/", {"title": "Foto", "file": photo_with_gps()}
    )
    attachment = Attachment.objects.get()
    for stranger in (charlie, gita):  # other region; BKN before forwarding
        assert client_for(stranger).get(f"/kasus/lampiran/{attachment.pk}/").status_code == 404
