"""The API and the JSON file say how the page writes each suppressed field ("<5" for 1 to 4,
"x" for a count hidden so that a small one cannot be worked out), not only that it is null."""

from netra.insights import refresh

from .public_page import findings


def test_each_suppressed_field_carries_the_page_s_mark(client, alice, charlie):
    findings(alice, "35.09", 6)
    findings(charlie, "15.71", 2)  # Jambi "<5", so Jawa Timur's 6 is hidden: "x"
    refresh.refresh_all()

    rows = {
        row["code"]: row
        for row in client.get(
            "/api/v1/statistics", {"election": "pilkada-2024", "level": "province"}
        ).json()["rows"]
    }
    jambi, east_java = rows["15"], rows["35"]
    file_rows = {
        row["code"]: row
        for row in client.get(
            "/statistik/unduh/json/", {"pemilihan": "pilkada-2024", "tingkat": "province"}
        ).json()["rows"]
    }

    assert jambi["reports"] is None and jambi["marks"]["reports"] == "<5"
    assert east_java["reports"] is None and east_java["marks"]["reports"] == "x"
    assert set(jambi["marks"]) == set(jambi["suppressed"])
    assert rows["31"]["marks"] == {}  # Jakarta: nothing suppressed
    assert file_rows["15"]["marks"] == jambi["marks"]
