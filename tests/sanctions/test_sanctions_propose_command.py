import io
import json

import pytest

from netra.cli import main


@pytest.fixture
def run(monkeypatch, tmp_path, reference, capsys):
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path))

    def run(text):
        monkeypatch.setattr("sys.stdin", io.StringIO(text))
        code = main(["sanctions", "propose"])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_it_prints_the_proposal_as_one_json_object(run):
    code, out, err = run(
        json.dumps(
            {
                "election": "pilkada-2024",
                "subject": {"employment": "PPPK"},
                "conduct": [
                    {"kind": "social_media_engagement", "date": "2024-09-01"},
                    {"kind": "favouring_decision", "date": "2024-10-15"},
                ],
            }
        )
    )
    assert code == 0 and err == ""
    proposal = json.loads(out)
    assert proposal["codes"] == ["ETIK-04", "DIS-12"]
    assert (proposal["track"], proposal["level"], proposal["forward_to"]) == (
        "discipline",
        "berat",
        "BKN",
    )
    assert proposal["criminal_referral"] is True
    assert set(proposal) == {
        "track",
        "level",
        "codes",
        "sanction_options",
        "legal_basis",
        "decided_by",
        "forward_to",
        "criminal_referral",
    }


@pytest.mark.parametrize(
    "text, says",
    [
        (
            '{"election": "pilkada-2024", "subject": {"employment": "PNS"}, '
            '"conduct": [{"kind": "waving", "date": "2024-10-01"}]}',
            "unknown kind 'waving'",
        ),
        (
            '{"election": "pilkada-2024", "subject": {"employment": "PNS"}, '
            '"conduct": [{"kind": "partisan_photo", "date": "kemarin"}]}',
            "YYYY-MM-DD",
        ),
        (
            '{"election": "pemilu-1955", "subject": {"employment": "PNS"}, '
            '"conduct": [{"kind": "partisan_photo", "date": "2024-10-01"}]}',
            "unknown election",
        ),
        ("{not json", "not JSON"),
    ],
)
def test_bad_input_exits_2_with_one_line_on_stderr(run, text, says):
    code, out, err = run(text)
    assert code == 2 and out == ""
    assert says in err and err.count("\n") == 1
