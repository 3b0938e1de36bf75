"""Behind the shipped nginx configuration, a 25 MB roster file uploaded by a BKPSDM officer
arrives whole: the import is queued with a stored file of the uploaded file's SHA-256. (The
worker's import of its 239,000 rows is left out: it takes a minute on a busy machine and
tests the importer, not the proxy.)"""

import hashlib
import json
import secrets
import time

import pytest

from .servers import HTTPS_PORT, connection

pytestmark = pytest.mark.proxy

SIZE = 25 * 2**20
HEADER = "NIP,Nama,Jenis Pegawai,Jabatan,Jenis Jabatan,Unit Kerja,Aktif\r\n"


def nip(index):
    """A well-formed NIP (birth date, appointment month, sex, sequence), unique per INDEX."""
    seq, rest = index % 999 + 1, index // 999
    day, rest = rest % 28 + 1, rest // 28
    month, rest = rest % 12 + 1, rest // 12
    year = 1966 + rest % 34
    return f"{year}{month:02d}{day:02d}{year + 22}{month:02d}{1 + (rest // 34) % 2}{seq:03d}"


def roster_file(size):
    """A roster CSV of at least SIZE bytes; its bytes and its number of rows."""
    lines, length, index = [HEADER], len(HEADER), 0
    while length < size:
        line = (
            f"{nip(index)},Pegawai Uji Nomor {index},PNS,Pengolah Data,Pelaksana,"
            f"Dinas Pendidikan Kabupaten Jember,Ya\r\n"
        )
        lines.append(line)
        length += len(line)
        index += 1
    return "".join(lines).encode(), index


def multipart(fields, name, filename, content):
    boundary = secrets.token_hex(16)
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
        f'filename="{filename}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return f"multipart/form-data; boundary={boundary}", b"".join(parts)


SIGN_IN = """
import json, pyotp
from django.test import Client
from django.utils import timezone
from netra.accounts.models import User
from netra.regions.models import Region
user = User.objects.create_user(
    "bkpsdm-jember-proxy", password="kata-sandi-uji-panjang", role="bkpsdm",
    totp_secret=pyotp.random_base32(), totp_confirmed_at=timezone.now(),
)
user.regions.set(Region.objects.filter(code="35.09"))
client = Client()
client.force_login(user)
print(json.dumps({"session": client.cookies["sessionid"].value,
                  "region": Region.objects.get(code="35.09").pk}))
"""

STORED = """
import hashlib, json
from django.core.files.storage import default_storage
from netra.people.models import RosterImport
job = RosterImport.objects.get(pk={job})
with default_storage.open(job.stored_file) as stored:
    digest = hashlib.sha256(stored.read()).hexdigest()
print(json.dumps({{"sha256": digest, "status": job.status}}))
"""


def test_a_25_mb_roster_file_arrives_whole(nginx, netra_app):
    content, rows = roster_file(SIZE)
    signed_in = json.loads(netra_app.shell(SIGN_IN))
    # Sign-in needs a TOTP code; the session is made directly, and the CSRF cookie and header
    # carry the same secret as a browser's would.
    csrf = secrets.token_hex(16)
    content_type, body = multipart(
        {"region": signed_in["region"]}, "file", "pegawai-jember.csv", content
    )
    conn = connection(HTTPS_PORT, tls=True, timeout=120)
    began = time.monotonic()
    conn.request(
        "POST",
        "/pegawai/impor/",
        body=body,
        headers={
            "Content-Type": content_type,
            "Cookie": f"sessionid={signed_in['session']}; csrftoken={csrf}",
            "X-CSRFToken": csrf,
            # As a browser sends them: Django checks them against the host over HTTPS.
            "Origin": f"https://127.0.0.1:{HTTPS_PORT}",
            "Referer": f"https://127.0.0.1:{HTTPS_PORT}/pegawai/impor/",
        },
    )
    response = conn.getresponse()
    answer = response.read()
    upload_seconds = time.monotonic() - began
    conn.close()
    assert response.status == 302, (response.status, answer[:3000])
    location = response.getheader("Location")
    assert location.startswith("/pegawai/impor/"), location
    job = int(location.rstrip("/").rsplit("/", 1)[1])

    stored = json.loads(netra_app.shell(STORED.format(job=job)))
    assert stored["status"] == "queued"
    assert stored["sha256"] == hashlib.sha256(content).hexdigest()

    print(
        f"\n{len(content) / 2**20:.1f} MB roster ({rows} rows) through nginx in "
        f"{upload_seconds:.1f} s, stored with the same SHA-256"
    )
