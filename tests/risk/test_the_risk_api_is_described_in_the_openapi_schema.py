"""The OpenAPI document describes /api/v1/risk: its parameters, each component and field with
a description, the 404 and 422 refusals with their code, and that it needs a sign-in."""


def test_the_risk_endpoint_and_its_fields_are_described(client, reference):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/risk"]["get"]

    parameters = {p["name"]: p for p in operation["parameters"]}
    assert parameters["election"]["required"] is True
    assert parameters["election"]["description"]
    assert parameters["level"]["schema"]["enum"] == ["regency", "province"]
    assert {"200", "404", "422"} <= set(operation["responses"])
    assert operation["description"] or operation["summary"]
    assert operation.get("security")
    components = schema["components"]["schemas"]
    for name in ("ikp", "prevention", "flags", "reports", "overdue", "ppk"):
        assert components["ComponentsOut"]["properties"][name]["description"]
    row = components["RiskRowOut"]["properties"]
    assert {"code", "name", "score", "components", "missing"} <= set(row)
    assert row["missing"]["description"] and row["score"]["description"]
    assert "code" in components["RefusalOut"]["properties"]
