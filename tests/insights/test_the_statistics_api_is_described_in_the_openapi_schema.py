"""The OpenAPI document describes the statistics: the election as a code from
/api/v1/elections, the level as its two values, the answer's fields and the errors' code."""


def test_the_openapi_schema_describes_the_statistics_and_their_errors(client, reference):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/statistics"]["get"]
    assert "security" not in operation  # public
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert parameters["election"]["required"] is True
    assert "/api/v1/elections" in parameters["election"]["description"]
    assert parameters["level"]["schema"]["enum"] == ["province", "regency"]
    assert parameters["level"]["required"] is False
    assert parameters["level"]["schema"]["default"] == "province"

    components = schema["components"]["schemas"]
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    body = components[answer.rsplit("/", 1)[1]]
    assert set(body["required"]) == {"election", "level", "as_of", "has_figures", "licence", "rows"}
    assert body["properties"]["level"]["enum"] == ["province", "regency"]
    row = components[body["properties"]["rows"]["items"]["$ref"].rsplit("/", 1)[1]]
    assert set(row["properties"]) == {
        "code",
        "name",
        "in_election",
        "reports",
        "registered",
        "violations",
        "forwarded",
        "recommended",
        "followed_up",
        "sanctioned",
        "median_days_to_decree",
        "suppressed",
        "marks",
    }
    for status in ("404", "422"):
        error = operation["responses"][status]["content"]["application/json"]["schema"]["$ref"]
        assert "code" in components[error.rsplit("/", 1)[1]]["required"]
