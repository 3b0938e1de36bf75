"""One source of truth: `netra monitor classify --election CODE` reads the election's
gazetteer where the triage queue does, as an administrator edited it on the web."""

import json

import pytest

from netra.monitoring.models import ElectionGazetteer
from netra.regions.models import Election


@pytest.mark.django_db
def test_a_candidate_an_administrator_adds_is_evidence_on_the_command_line_too(
    tmp_path, capsys, alice
):
    from netra.cli import main

    text = "Ayo dukung Wahyu Kencana, Kencana Menyala!"
    posts = tmp_path / "posts.jsonl"
    posts.write_text(json.dumps({"id": "a", "text": text}) + "\n")

    def evidence():
        assert main(["monitor", "classify", str(posts), "--election", "pilkada-2024"]) == 0
        line = json.loads(capsys.readouterr().out)
        return {text[start:end] for start, end in line["evidence"]}

    assert "Wahyu Kencana" not in evidence()
    ElectionGazetteer.objects.create(
        election=Election.objects.get(code="pilkada-2024"),
        data={"candidates": ["wahyu kencana"], "slogans": ["kencana menyala"]},
        updated_by=alice,
    )
    assert {"Wahyu Kencana", "Kencana Menyala"} <= evidence()
