import pytest

from netra.people.search import search_employees


@pytest.fixture
def roster(employee_factory):
    return {
        "suharto": employee_factory("Drs. Soeharto", "196806081990031002"),
        "muhammad": employee_factory("Mochammad Rachmat Hidayat, S.E.", "197005051995031001"),
        "siti": employee_factory("Siti Aminah, S.Pd.", "199003152015032002"),
        "siti_lubis": employee_factory("Siti Aminah Lubis", "199104152016032001"),
        "budi": employee_factory("Budi Santoso", "198501012010011001"),
        "jambi": employee_factory("Siti Aminah", "199205052017032001", code="15.71"),
    }


def names(found):
    return [e.name for e in found]


def test_it_finds_an_employee_by_exact_nip(alice, roster):
    assert names(search_employees(alice, "19850101 201001 1 001")) == ["Budi Santoso"]


def test_it_finds_old_and_new_spellings_of_a_name(alice, roster):
    assert names(search_employees(alice, "suharto")) == ["Drs. Soeharto"]
    assert "Mochammad Rachmat Hidayat, S.E." in names(search_employees(alice, "muhamad rahmat"))


def test_it_ranks_the_closest_name_first(alice, roster):
    found = names(search_employees(alice, "Siti Aminah"))
    assert found[:2] == ["Siti Aminah, S.Pd.", "Siti Aminah Lubis"]


def test_it_matches_a_name_still_being_typed(alice, roster):
    assert "Budi Santoso" in names(search_employees(alice, "budi sant"))


def test_it_never_returns_employees_outside_the_users_reach(alice, charlie, roster):
    assert all(e.region.code == "35.09" for e in search_employees(alice, "siti aminah"))
    assert names(search_employees(charlie, "siti aminah")) == ["Siti Aminah"]


def test_an_unrelated_name_finds_nothing(alice, roster):
    assert search_employees(alice, "Yohanes Pattimura") == []


def test_the_roster_page_lists_a_regional_roster_by_name(client_for, alice, roster):
    from django.urls import reverse

    page = client_for(alice).get(reverse("people:roster"))
    assert [e.name for e in page.context["results"]] == [
        "Budi Santoso",
        "Drs. Soeharto",
        "Mochammad Rachmat Hidayat, S.E.",
        "Siti Aminah Lubis",
        "Siti Aminah, S.Pd.",
    ]


def test_the_national_roster_is_searched_not_listed(client_for, gita, roster):
    from django.urls import reverse

    page = client_for(gita).get(reverse("people:roster"))
    assert list(page.context["results"]) == []
    assert "Cari data pegawai nasional" in page.content.decode()


def test_a_name_being_typed_expands_through_the_vocabulary_of_imported_names(
    alice, tmp_path, region
):
    from netra.people.actions import import_roster_file
    from netra.people.models import NameCode

    from .roster_files import valid_csv

    import_roster_file(valid_csv(tmp_path), region=region("35.09"), actor=None)
    assert NameCode.objects.filter(code="snts").exists()
    assert names(search_employees(alice, "budi sant")) == ["Budi Santoso"]
    assert names(search_employees(alice, "budi sant ")) == []  # a finished word matches whole


def test_search_input_with_query_syntax_characters_is_harmless(alice, roster):
    for query in ["'&|!():*", "siti & !aminah", "siti:*", "' OR 1=1 --"]:
        search_employees(alice, query)


@pytest.mark.parametrize("small_roster", [20_000, 0])
def test_the_index_and_the_scan_find_the_same_people(
    alice, gita, roster, small_roster, monkeypatch
):
    """National searches (and, with SMALL_ROSTER at 0, regional ones) go through the full-text
    index on PostgreSQL; small regional rosters are scanned. Both must agree."""
    from netra.people import search

    monkeypatch.setattr(search, "SMALL_ROSTER", small_roster)
    for user in (alice, gita):
        assert "Drs. Soeharto" in names(search_employees(user, "suharto"))
        assert "Mochammad Rachmat Hidayat, S.E." in names(search_employees(user, "muhamad rahmat"))
        assert "Budi Santoso" in names(search_employees(user, "budi sant"))
        assert "Siti Aminah Lubis" in names(search_employees(user, "aminah lubis "))
        assert search_employees(user, "Yohanes Pattimura") == []
    assert set(names(search_employees(gita, "siti aminah"))) == {
        "Siti Aminah, S.Pd.",
        "Siti Aminah Lubis",
        "Siti Aminah",
    }
