"""Reading an archive's members and writing altered copies of it, for the refusal tests."""

import gzip
import io
import json
import tarfile

from netra import backups

MEDIA_SAMPLES = {
    "evidence/2026/12/foto-a.jpg": b"\xff\xd8\xff\xe0 a photo" + bytes(range(256)) * 8,
    "letters/surat.pdf": b"%PDF-1.7 a letter\n" * 40,
}


def members(path):
    """[(TarInfo, bytes)] of the archive at PATH, in order."""
    found = []
    with tarfile.open(path, "r:gz") as tar:
        for info in tar:
            data = tar.extractfile(info).read() if info.isreg() else b""
            found.append((info, data))
    return found


def write(path, items, fmt=tarfile.USTAR_FORMAT):
    """A gzip tar of ITEMS [(TarInfo, bytes)], headers as given."""
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1) as gz:
        with tarfile.open(fileobj=gz, mode="w|", format=fmt) as tar:
            for info, data in items:
                info.size = len(data) if info.isreg() else 0
                tar.addfile(info, io.BytesIO(data) if info.isreg() else None)
    return path


def manifest_of(items):
    return json.loads(dict((i.name, d) for i, d in items)[backups.MANIFEST])


def replace(items, name, data):
    return [(info, data if info.name == name else content) for info, content in items]


def signed(items, manifest, key):
    """ITEMS with MANIFEST as their manifest, signed with KEY (as only the key's holder can)."""
    body = json.dumps(manifest, indent=1, sort_keys=True).encode()
    items = replace(items, backups.MANIFEST, body)
    return replace(items, backups.SIGNATURE, (backups.sign(key, body) + "\n").encode())
