"""An election code nobody knows answers 404 with a JSON error that carries a `code`."""


def test_an_unknown_election_answers_404_with_a_code(client, reference):
    response = client.get("/api/v1/statistics", {"election": "pilkada-1999", "level": "province"})
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {
        "detail": "Tidak ada pemilihan dengan kode pilkada-1999.",
        "code": "unknown_election",
    }
