"""The datasheet's counts and leakage figures are those of the files beside it: rerun
`python tools/monitoring_datasheet.py` after changing the corpus."""

from netra.monitoring.nlp.corpus import (
    DATASHEET_FILE,
    EVALUATION_FILE,
    TRAINING_FILE,
    datasheet_counts,
    read_checked,
)


def test_the_datasheet_counts_are_current():
    training, _ = read_checked(TRAINING_FILE)
    evaluation, _ = read_checked(EVALUATION_FILE)
    text = DATASHEET_FILE.read_text(encoding="utf-8")
    assert datasheet_counts(training, evaluation) in text
