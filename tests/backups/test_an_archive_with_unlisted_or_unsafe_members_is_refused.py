"""Members outside the manifest, unsafe names, links and devices are refused by name and
type, before their content is read, and so is anything appended after the archive's end."""

import copy
import gzip
import tarfile

import pytest

from netra import backups

from .archives import members, write

pytestmark = pytest.mark.django_db


def media_item(items):
    return next((i, d) for i, d in items if i.name.startswith(backups.MEDIA))


def renamed(items, old, new):
    out = []
    for info, data in items:
        if info.name == old:
            info = copy.copy(info)
            info.name = new
        out.append((info, data))
    return out


def link(name, kind, target="/etc/passwd"):
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, target
    return info


def device(name, kind):
    info = tarfile.TarInfo(name)
    info.type, info.devmajor, info.devminor = kind, 1, 3
    return info


def alterations(items):
    media, data = media_item(items)
    extra = tarfile.TarInfo("media/extra/unlisted.jpg")
    others = [(i, d) for i, d in items if i.name != media.name]
    return {
        "a member added": items + [(extra, b"not in the manifest")],
        "a member added first": [(extra, b"x")] + items,
        "a listed member twice": items + [(media, data)],
        "renamed to ../x": renamed(items, media.name, "../x"),
        "renamed to media/../../x": renamed(items, media.name, "media/../../x"),
        "renamed to an absolute path": renamed(items, media.name, "/etc/cron.d/x"),
        "the manifest renamed": renamed(items, backups.MANIFEST, "./manifest.json"),
        "a symlink in a listed member's place": others + [(link(media.name, tarfile.SYMTYPE), b"")],
        "a symlink added": items + [(link("media/evil", tarfile.SYMTYPE), b"")],
        "a hard link": others + [(link(media.name, tarfile.LNKTYPE, "manifest.json"), b"")],
        "a character device": items + [(device("media/null", tarfile.CHRTYPE), b"")],
        "a block device": others + [(device(media.name, tarfile.BLKTYPE), b"")],
        "a fifo": items + [(device("media/fifo", tarfile.FIFOTYPE), b"")],
        "a directory": items + [(device("media/folder", tarfile.DIRTYPE), b"")],
    }


def test_each_unlisted_or_unsafe_member_is_refused(sample_archive, audit_key, tmp_path):
    cases = alterations(members(sample_archive))
    for label, items in cases.items():
        altered = write(tmp_path / "altered", items)
        with pytest.raises(backups.BackupError) as caught:
            backups.read_archive(altered, audit_key)
        assert caught.value.code in ("unexpected_member", "unsafe_member", "not_archive"), label
    assert len(cases) == 14


def test_a_pax_header_smuggling_a_long_name_is_refused(sample_archive, audit_key, tmp_path):
    items = members(sample_archive)
    media, _ = media_item(items)
    long_name = "media/" + "a/" * 200 + "x"
    altered = write(tmp_path / "altered", renamed(items, media.name, long_name), tarfile.PAX_FORMAT)
    with pytest.raises(backups.BackupError) as caught:
        backups.read_archive(altered, audit_key)
    assert caught.value.code == "unsafe_member"


def test_bytes_appended_after_the_end_are_refused(sample_archive, audit_key, tmp_path):
    raw = gzip.decompress(sample_archive.read_bytes())
    extra = tarfile.TarInfo("media/appended.jpg")
    extra.size = 4
    appended = raw + extra.tobuf(tarfile.USTAR_FORMAT) + b"evil".ljust(512, b"\0")
    for name, content in (("tar", appended), ("junk", raw + b"junk")):
        path = tmp_path / name
        path.write_bytes(gzip.compress(content))
        with pytest.raises(backups.BackupError):
            backups.read_archive(path, audit_key)
    # A second gzip stream glued on behind the first one
    glued = tmp_path / "glued"
    glued.write_bytes(sample_archive.read_bytes() + gzip.compress(b"more"))
    with pytest.raises(backups.BackupError):
        backups.read_archive(glued, audit_key)
