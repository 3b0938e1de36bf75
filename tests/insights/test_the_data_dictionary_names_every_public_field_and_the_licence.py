"""The data dictionary explains every field the API and the open-data files give, how small
counts are protected, and the CC BY 4.0 licence."""

from netra.insights.api import StatisticsRowOut


def test_every_field_of_the_api_rows_is_explained(client, db):
    html = client.get("/statistik/kamus-data/").content.decode()

    for field in StatisticsRowOut.model_fields:
        assert f"<code>{field}</code>" in html, field
    assert "creativecommons.org/licenses/by/4.0/" in html
    assert "&lt;5" in html
