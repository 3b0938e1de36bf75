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
from netra.monitoring.nlp.classify import LABELS, shipped_model
from netra.monitoring.nlp.corpus import EVALUATION_FILE, TRAINING_FILE, read_checked
from netra.monitoring.nlp.model import Model

FOLDS = 5


class Command(BaseCommand):
    help = "Precision, recall, F1 per class on the frozen set and by cross-validation."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--model", help="a model file (default: the model in use)")
        parser.add_argument(
            "--evaluation",
            help="labelled JSONL to measure on instead of the frozen set (a set of your own)",
        )
        parser.add_argument(
            "--corpus", help="labelled JSONL to cross-validate on (default: the training corpus)"
        )
        parser.add_argument(
            "--fast-only",
            action="store_true",
            help="leave the sentence encoder out of cross-validation (quicker)",
        )
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="print the figures as JSON"
        )

    def handle(self, *args, model=None, evaluation=None, corpus=None, **options):
        fast_only, as_json = options["fast_only"], options["as_json"]
        chosen = _read_model(Path(model)) if model else shipped_model()
        evaluation = Path(evaluation) if evaluation else EVALUATION_FILE
        corpus = Path(corpus) if corpus else TRAINING_FILE
        measured = _read_posts(evaluation)
        frozen = train.evaluate(chosen, measured)
        fast = train.evaluate(chosen.fast_only(), measured)
        crossed = train.cross_validate(_read_posts(corpus), FOLDS, second_stage=not fast_only)
        if as_json:
            figures = {"frozen": frozen, "frozen_fast_path_only": fast, "cross_validation": crossed}
            self.stdout.write(_dumps(figures))
            return
        self.stdout.write(
            f"Set evaluasi ({evaluation.name}"
            f"{', beku, ditulis terpisah dari korpus' if evaluation == EVALUATION_FILE else ''}): "
            f"{_total(frozen)} unggahan, model: {chosen.version or 'tanpa keterangan'}\n"
            f"Validasi silang {FOLDS} lipatan pada korpus latih ({corpus.name}): "
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
        self.stdout.write(
            f"\nTahap kedua (penyandi kalimat): ditanya untuk {frozen['second_stage']} dari "
            f"{_total(frozen)} unggahan ({frozen['second_stage'] / _total(frozen):.1%}); "
            f"macro-F1 tanpa tahap kedua {fast['macro_f1']:.3f}, dengan {frozen['macro_f1']:.3f}"
        )
        self.stdout.write(
            "\nAmbang skor 'berpihak' (terkalibrasi): presisi / recall, beku | validasi silang"
        )
        for low, high in zip(frozen["curve"], crossed["curve"], strict=True):
            self.stdout.write(
                f"  >= {low['threshold']:.2f}   {low['precision']:.3f} / {low['recall']:.3f}"
                f"   |   {high['precision']:.3f} / {high['recall']:.3f}"
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
        return Model.load(path)
    except (OSError, ValueError, KeyError, TypeError, EOFError) as error:
        raise CommandError(f"model {path} tidak dapat dibaca: {error}") from error


def _read_posts(path):
    posts, problems = read_checked(path)
    if problems:
        raise CommandError(f"{path}: {problems[0]}")
    if not posts:
        raise CommandError(f"{path}: tidak ada unggahan")
    return posts


def _dumps(value):
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)


def _total(report):
    return sum(report[label]["support"] for label in LABELS)


def _columns():
    return f"{'presisi':>9s} {'recall':>7s} {'F1':>6s} {'n':>5s}"


def _row(row):
    return f"{row['precision']:9.3f} {row['recall']:7.3f} {row['f1']:6.3f} {row['support']:5d}"
