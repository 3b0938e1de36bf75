def test_it_lists_the_provinces(client, reference):
    provinces = client.get("/api/v1/regions", {"level": "province"}).json()
    assert len(provinces) == 38
    assert {
        "code": "35",
        "name": "Jawa Timur",
        "level": "province",
        "parent_code": None,
        "timezone": "WIB",
    } in provinces


def test_it_lists_the_regencies_and_cities_of_a_province(client, reference):
    regions = client.get("/api/v1/regions", {"parent": "35"}).json()
    assert len(regions) == 38
    assert all(r["parent_code"] == "35" for r in regions)
    cities = client.get("/api/v1/regions", {"parent": "35", "level": "city"}).json()
    assert {r["name"] for r in cities} >= {"Kota Surabaya", "Kota Malang"}


def test_it_lists_all_regencies_and_cities(client, reference):
    assert len(client.get("/api/v1/regions", {"level": "regency"}).json()) == 416
    assert len(client.get("/api/v1/regions", {"level": "city"}).json()) == 98


def test_an_unknown_parent_code_answers_404_with_a_json_error(client, reference):
    response = client.get("/api/v1/regions", {"parent": "99.99"})
    assert response.status_code == 404
    assert response.json() == {
        "detail": "Tidak ada wilayah dengan kode 99.99.",
        "code": "unknown_region",
    }


def test_an_unknown_region_answers_404_with_a_json_error(client, reference):
    response = client.get("/api/v1/regions/35.99")
    assert response.status_code == 404
    assert response.json()["code"] == "unknown_region"
    assert client.get("/api/v1/regions/35.09").json()["name"] == "Kabupaten Jember"


def test_an_unknown_level_is_refused_not_crashed(client, reference):
    assert client.get("/api/v1/regions", {"level": "planet"}).status_code == 422


def test_the_elections_are_public(client, reference):
    codes = {e["code"] for e in client.get("/api/v1/elections").json()}
    assert codes == {"pilkada-2024", "pemilu-2024", "pilkada-2020"}
