import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

REPORTER_NAME = "Sri Wahyuningsih Pelapor"
REPORTER_NIK = "3509014501900002"


def photo_with_gps(name="foto.jpg"):
    image = Image.new("RGB", (80, 60), (120, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "SpyPhone Maker"
    exif[0x8825] = {1: "S", 2: (8.0, 10.0, 12.0), 3: "E", 4: (113.0, 42.0, 1.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def report_data(**overrides):
    today = timezone.localdate()
    data = {
        "description": "Kepala Dinas mengunggah foto bersama calon dengan pose dua jari.",
        "incident_date": str(today),
        "known_date": str(today),
        "election": "pilkada-2024",
        "region": "35.09",
        "district": "35.09.01",
        "place": "Balai desa",
        "person_name": "Ahmad Fauzi",
        "person_nip": "198501012010011001",
        "person_agency": "Dinas Pendidikan",
        "person_position": "Kepala Bidang",
        "conduct": ["photo_gesture"],
        "links": "https://contoh.id/postingan/1",
        "reporter_name": REPORTER_NAME,
        "reporter_address": "Jl. Kenanga 5, Jember",
        "reporter_nik": REPORTER_NIK,
        "reporter_phone": "081234567890",
        "reporter_email": "pelapor@contoh.id",
        "website": "",
    }
    data.update(overrides)
    return data


def file_report(client, files=(), **overrides):
    data = report_data(**overrides)
    if files:
        data["evidence"] = list(files)
    return client.post("/lapor/", data)


def receipt_from(client, response):
    page = client.get(response.url).content.decode()
    import re

    match = re.search(r'id="receipt-code">([\d ]+)<', page)
    return match.group(1)
