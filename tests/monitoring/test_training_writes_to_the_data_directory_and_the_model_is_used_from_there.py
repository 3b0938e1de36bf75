"""`netra monitor train` writes its model into the data directory, never into the installed
package, and from then on that model is the one in use."""

from netra.monitoring.nlp import classify
from netra.monitoring.nlp.classify import MODEL_FILE, model_path, shipped_model
from netra.monitoring.nlp.corpus import TRAINING_FILE


def test_a_model_trained_here_lands_in_the_data_directory_and_is_then_used(
    tmp_path, monkeypatch, capsys
):
    from netra.cli import main

    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path))
    shipped_before = MODEL_FILE.read_bytes()
    small = tmp_path / "corpus.jsonl"
    lines = TRAINING_FILE.read_text(encoding="utf-8").splitlines(True)[::30]
    small.write_text("".join(lines))
    assert model_path() == MODEL_FILE
    assert main(["monitor", "train", "--corpus", str(small)]) == 0
    assert "Ditulis ke" in capsys.readouterr().out
    trained = tmp_path / "models" / "partisanship-model.npz"
    assert trained.is_file() and model_path() == trained
    assert shipped_model().version == f"trained on {len(lines)} posts"
    assert classify.classify("Ayo coblos nomor 2 ya").label in classify.LABELS
    assert MODEL_FILE.read_bytes() == shipped_before
