"""Anyone could page through a regency's roster through /lapor/'s name suggestions: 120
anonymous requests of typed prefixes returned 476 distinct (name, agency, position) rows. Now
only close matches of what was typed are suggested, at most three, and an address that asks
too often is told to slow down."""

import itertools
import re
import string

import pytest

FIRST = ["Ahmad", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gunawan", "Hadi", "Indah", "Joko"]
LAST = ["Santoso", "Wijaya", "Lestari", "Pratama", "Hidayat", "Saputra"]


@pytest.fixture
def roster(employee_factory):
    for first, last in itertools.product(FIRST, LAST):
        employee_factory(f"{first} {last}")


def suggested(response):
    return set(re.findall(r'data-name="([^"]+)"', response.content.decode()))


def test_typed_prefixes_reveal_only_a_handful_of_names(client, roster, settings):
    settings.NETRA_SUGGESTIONS_PER_ADDRESS = 10_000  # the threshold alone, apart from the limit
    seen = set()
    prefixes = ["".join(p) for p in itertools.product(string.ascii_lowercase, repeat=3)][:120]
    for prefix in prefixes:
        seen |= suggested(client.get("/lapor/pegawai/", {"region": "35.09", "person_name": prefix}))
    assert len(seen) <= 5, seen


def test_a_first_name_alone_suggests_at_most_three(client, roster):
    response = client.get("/lapor/pegawai/", {"region": "35.09", "person_name": "Ahmad"})
    assert len(suggested(response)) <= 3


def test_a_name_typed_in_full_is_still_found_despite_a_spelling_slip(client, roster):
    response = client.get("/lapor/pegawai/", {"region": "35.09", "person_name": "Achmad Santoso"})
    assert "Ahmad Santoso" in suggested(response)


def test_too_many_requests_from_one_address_are_slowed_down(client, roster, settings):
    settings.NETRA_SUGGESTIONS_PER_ADDRESS = 5
    answers = [
        client.get("/lapor/pegawai/", {"region": "35.09", "person_name": "Budi Santoso"})
        for _ in range(6)
    ]
    assert [a.status_code for a in answers] == [200] * 5 + [429]
    assert "Terlalu banyak pencarian" in answers[-1].content.decode()
    assert "Budi Santoso" not in answers[-1].content.decode()
