"""The case list's search (?q=) finds a case by a reported person's name, NIP or agency, by its
register number and by words of its summary; several words must all match."""

from netra.cases import actions
from netra.cases.models import Case, Respondent
from netra.regions.models import Election


def a_case(officer, region, summary, person, nip="", agency="", number=""):
    election = Election.objects.get(code="pilkada-2024")
    case = actions.open_finding(officer, election=election, region=region, summary=summary)
    Respondent.objects.create(case=case, name=person, nip=nip, agency=agency)
    if number:
        Case.objects.filter(pk=case.pk).update(number=number)
    return case


def test_each_key_finds_its_case(client_for, alice, region):
    jember = region("35.09")
    fauzi = a_case(
        alice,
        jember,
        "Foto bersama calon dengan pose dua jari di balai desa.",
        "Ahmad Fauzi",
        nip="198501012010011001",
        agency="Dinas Pendidikan",
        number="001/Reg/LP/PB/Kab/16.09/XI/2024",
    )
    rahayu = a_case(
        alice,
        jember,
        "Memasang baliho calon di kantor kecamatan.",
        "Sri Rahayu",
        nip="199002022015022002",
        agency="Dinas Kesehatan",
        number="002/Reg/LP/PB/Kab/16.09/XI/2024",
    )
    client = client_for(alice)

    def found(q):
        response = client.get("/kasus/", {"q": q})
        assert response.status_code == 200
        return {c.pk for c in response.context["cases"]}

    assert found("Fauzi") == {fauzi.pk}
    assert found("ahmad fau") == {fauzi.pk}  # the last word may still be typed
    assert found("198501012010011001") == {fauzi.pk}  # a whole NIP, exactly
    assert found("19900202") == {rahayu.pk}  # the start of a NIP
    assert found("Kesehatan") == {rahayu.pk}
    assert found("001/Reg/LP") == {fauzi.pk}
    assert found("baliho") == {rahayu.pk}
    assert found("baliho Fauzi") == set()  # every word must match the same case
    assert found("pose Fauzi") == {fauzi.pk}  # a word of the summary and one of the person
    assert found("Dinas") == {fauzi.pk, rahayu.pk}
    assert found("tidakada") == set()


def test_a_search_without_a_word_says_so_and_one_without_a_match_finds_nothing(
    client_for, alice, region
):
    case = a_case(alice, region("35.09"), "Ringkasan", "Budi")
    client = client_for(alice)
    page = client.get("/kasus/", {"q": "% a"})
    assert page.status_code == 200
    assert [c.pk for c in page.context["cases"]] == [case.pk]  # the search is not applied
    assert "Cari dengan kata paling sedikit dua huruf atau angka." in page.content.decode()
    page = client.get("/kasus/", {"q": "tidakada"})
    assert list(page.context["cases"]) == []
    assert "Tidak ada kasus dalam jangkauan Anda yang cocok" in page.content.decode()


def test_a_name_spelt_otherwise_finds_a_person_linked_to_the_roster(
    client_for, alice, region, employee_factory
):
    """As the roster search does: "Soeharto" and "Suharto" sound alike (people/search.py)."""
    employee = employee_factory("Drs. Soeharto Wibowo", nip="197001011995031001")
    linked = a_case(alice, region("35.09"), "Baliho", "Suharto Wibowo")
    linked.respondents.update(employee=employee)
    unlinked = a_case(alice, region("35.09"), "Baliho", "Suharta Lain")
    client = client_for(alice)

    def found(q):
        return {c.pk for c in client.get("/kasus/", {"q": q}).context["cases"]}

    assert found("Soeharto Wibowo") == {linked.pk}
    assert found("suharto") == {linked.pk}
    assert unlinked.pk not in found("Soeharto")
