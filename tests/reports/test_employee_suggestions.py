def test_the_form_suggests_employees_of_the_chosen_region_without_their_nip(
    client, employee_factory
):
    employee_factory("Drs. Ahmad Fauzi", "198501012010011001", agency="Dinas Pendidikan")
    employee_factory("Ahmad Fauzan", "198601012010011002", code="15.71")
    page = client.get("/lapor/pegawai/", {"region": "35.09", "person_name": "ahmad fauz"})
    text = page.content.decode()
    assert "Drs. Ahmad Fauzi" in text and "Dinas Pendidikan" in text
    assert "Ahmad Fauzan" not in text
    assert "198501012010011001" not in text


def test_fewer_than_three_letters_suggest_nothing(client, employee_factory):
    employee_factory("Ahmad Fauzi", "198501012010011001")
    page = client.get("/lapor/pegawai/", {"region": "35.09", "person_name": "ah"})
    assert "Ahmad" not in page.content.decode()
