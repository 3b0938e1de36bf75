"""The shipped .mo catalog must match its .po source, so a fresh install needs no gettext."""

import gettext
import re
from pathlib import Path

import netra

LOCALE = Path(netra.__file__).parent / "locale"


def parse_po(path):
    """msgid -> msgstr for the translated, non-fuzzy singular entries of a .po file."""
    entries, current, fuzzy = {}, {}, False
    key = None

    def flush():
        if current.get("msgid") and current.get("msgstr") and not fuzzy:
            entries[current["msgid"]] = current["msgstr"]

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            flush()
            current, fuzzy, key = {}, False, None
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("#"):
            continue
        else:
            match = re.match(r'^(msgid|msgstr|msgctxt|msgid_plural|msgstr\[\d+\])\s+"(.*)"$', line)
            if match:
                key = match.group(1)
                current[key] = match.group(2)
            elif line.startswith('"') and key:
                current[key] += line[1:-1]
    return {
        k.encode().decode("unicode_escape").encode("latin-1").decode("utf-8"): v.encode()
        .decode("unicode_escape")
        .encode("latin-1")
        .decode("utf-8")
        for k, v in entries.items()
    }


def test_the_indonesian_catalog_is_compiled_from_the_current_po_file():
    po = LOCALE / "id" / "LC_MESSAGES" / "django.po"
    with open(po.with_suffix(".mo"), "rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    source = parse_po(po)
    assert source, "the .po file has no translations"
    stale = [msgid for msgid, msgstr in source.items() if compiled.gettext(msgid) != msgstr]
    assert stale == [], f"run compilemessages: {len(stale)} entries differ, e.g. {stale[:3]}"


def test_every_entry_is_translated():
    text = (LOCALE / "id" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert "#, fuzzy" not in text.split("\n\n", 1)[1]
    untranslated = re.findall(r'msgid "(.+)"\nmsgstr ""\n\n', text)
    assert untranslated == []
