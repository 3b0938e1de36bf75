"""Every string the code translates is marked in a way makemessages extracts: gettext under its
own names or as `_`, never under another alias (`gettext_lazy as _lazy`), and never a `_()`
inside an f-string. Otherwise the next makemessages run marks its translation obsolete and the
page falls back to English without any test noticing."""

import ast
import re
from pathlib import Path

import netra

SOURCE = Path(netra.__file__).parent
EXTRACTED = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}


def _python_files():
    return [path for path in SOURCE.rglob("*.py") if "migrations" not in path.parts]


def test_gettext_is_imported_only_under_names_makemessages_knows():
    aliases = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
                for name in node.names:
                    if name.asname and name.asname not in EXTRACTED:
                        aliases.append(f"{path.relative_to(SOURCE)}: {name.name} as {name.asname}")
    assert aliases == []


def test_no_string_is_translated_inside_an_f_string():
    found = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for value in ast.walk(node):
                    if (
                        isinstance(value, ast.Call)
                        and isinstance(value.func, ast.Name)
                        and re.fullmatch(r"_|n?p?gettext(_lazy)?", value.func.id)
                    ):
                        found.append(f"{path.relative_to(SOURCE)}:{value.lineno}")
    assert found == []
