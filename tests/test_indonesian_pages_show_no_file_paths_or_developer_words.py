"""The Indonesian pages showed file paths ("(src/netra/sanctions/data/catalog.json)",
"(docs/DOMAIN.md)" on the public guide), "aturan ini data" and English halves of the catalog's
notes. The public never sees a file name, and the Indonesian UI speaks Indonesian."""

import re

import pytest

PUBLIC = [
    "/",
    "/lapor/",
    "/lapor/status/",
    "/boleh-atau-tidak/",
    "/wilayah/35.09/",
    "/ikrar/",
    "/privasi/",
    "/privasi/permintaan/",
]
STAFF = [
    "/dasbor/",
    "/laporan/",
    "/kasus/",
    "/pencegahan/",
    "/sanksi/katalog/",
    "/sanksi/kepatuhan/",
    "/pemantauan/",
    "/pegawai/",
    "/staf/privasi/permintaan/",
    "/staf/privasi/penahanan/",
]
FILE_PATHS = re.compile(r"\.json\b|\.md\b|\bsrc/|\bdocs/")
# Developer words and English left in Indonesian text, as they were found on these pages.
WORDS = ["None", "aturan ini data", "kept as data", "listed for completeness", "One source says"]


def visible_text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def assert_clean(path, response):
    assert response.status_code == 200, path
    text = visible_text(response.content.decode())
    assert not FILE_PATHS.search(text), (path, FILE_PATHS.search(text).group(0))
    for word in WORDS:
        assert word not in text, (path, word)


@pytest.mark.parametrize("path", PUBLIC)
def test_a_public_page_in_indonesian_shows_no_file_path_or_developer_word(client, reference, path):
    assert_clean(path, client.get(path))


@pytest.mark.parametrize("path", STAFF)
def test_a_main_staff_page_in_indonesian_shows_no_file_path_or_developer_word(
    client_for, alice, admin, gita, path
):
    user = admin if path.startswith("/sanksi/katalog") else alice
    response = client_for(user).get(path)
    if response.status_code == 404:  # a page this persona does not reach: try BKN's
        response = client_for(gita).get(path)
    assert_clean(path, response)
