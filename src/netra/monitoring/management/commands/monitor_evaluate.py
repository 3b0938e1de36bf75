"""`netra monitor evaluate` (also `netra manage monitor_evaluate`): how well the partisanship
classifier does, measured two ways side by side.

- The frozen evaluation set (posts-eval.jsonl), written apart from the training corpus from the
  label guideline alone and never trained or tuned on: the honest figure.
- Five-fold cross-validation on the training corpus (posts-train.jsonl): each fold classified
  by a model trained on the other four. The gap between the two says how much of the corpus's
  own figure comes from the way it was written.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from netra.monitoring.nlp import train
from netra.monitoring.nlp.classify import LABELS, Model, shipped_model
from netra.monitoring.nlp.corpus import EVALUATION_FILE, TRAINING_FILE

FOLDS = 5


class Command(BaseCommand):
    help = "Precision, recall, F1 per class on the frozen set and by cross-validation."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--model", help="a model file (default: the shipped model)")
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="print the figures as JSON"
        )

    def handle(self, *args, model=None, as_json=False, **options):
        chosen = _read_model(Path(model)) if model else shipped_model()
        frozen = train.evaluate(chosen, train.read_posts(EVALUATION_FILE))
        crossed = train.cross_validate(train.read_posts(TRAINING_FILE), FOLDS)
        if as_json:
            self.stdout.write(_dumps({"frozen": frozen, "cross_validation": crossed}))
            return
        self.stdout.write(
            f"Set evaluasi beku ({EVALUATION_FILE.name}, ditulis terpisah dari korpus): "
            f"{_total(frozen)} unggahan, model: {chosen.version or 'tanpa keterangan'}\n"
            f"Validasi silang {FOLDS} lipatan pada korpus latih ({TRAINING_FILE.name}): "
            f"{_total(crossed)} unggahan\n"
        )
        header = f"{'':24s} {'beku':>30s}   {'validasi silang':>30s}"
        self.stdout.write(header)
        self.stdout.write(f"{'label':24s} {_columns()}   {_columns()}")
        for label in LABELS:
            self.stdout.write(f"{label:24s} {_row(frozen[label])}   {_row(crossed[label])}")
        for key, title in (("macro_f1", "macro-F1"), ("accuracy", "akurasi")):
            gap = crossed[key] - frozen[key]
            self.stdout.write(
                f"{title:24s} {frozen[key]:30.3f}   {crossed[key]:30.3f}   selisih {gap:+.3f}"
            )
        for name, report in (("beku", frozen), ("validasi silang", crossed)):
            family = report["family"]
            self.stdout.write(
                f"\nKelompok perilaku benar ({name}): {family['right']} dari {family['of']} "
                "unggahan berpihak"
            )
            self.stdout.write(f"Matriks kebingungan ({name}; baris: label sebenarnya):")
            self.stdout.write(f"{'':24s}" + "".join(f"{label:>20s}" for label in LABELS))
            for actual in LABELS:
                cells = "".join(f"{report['confusion'][actual][p]:20d}" for p in LABELS)
                self.stdout.write(f"{actual:24s}{cells}")


def _read_model(path):
    try:
        return Model.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeError, ValueError, KeyError, TypeError) as error:
        raise CommandError(f"model {path} tidak dapat dibaca: {error}") from error


def _dumps(value):
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)


def _total(report):
    return sum(report[label]["support"] for label in LABELS)


def _columns():
    return f"{'presisi':>9s} {'recall':>7s} {'F1':>6s} {'n':>5s}"


def _row(row):
    return f"{row['precision']:9.3f} {row['recall']:7.3f} {row['f1']:6.3f} {row['support']:5d}"
