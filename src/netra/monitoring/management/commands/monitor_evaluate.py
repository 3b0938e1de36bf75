"""`netra monitor evaluate` (also `netra manage monitor_evaluate`): precision, recall and F1 per
class, on the held-out split and on the separately written sets."""

from django.core.management.base import BaseCommand

from netra.monitoring.nlp import train
from netra.monitoring.nlp.classify import DATA, LABELS, shipped_model


class Command(BaseCommand):
    help = "Precision, recall, F1 per class."
    requires_system_checks = []

    def handle(self, *args, **options):
        model = shipped_model()
        posts = train.read_posts(DATA / "corpus.jsonl")
        sets = [
            ("held-out split of corpus.jsonl", [p for p in posts if train.held_out(p)]),
            (
                "corpus-separate.jsonl (written separately)",
                train.read_posts(DATA / "corpus-separate.jsonl"),
            ),
            (
                "corpus-handwritten.jsonl (written one by one, no patterns)",
                train.read_posts(DATA / "corpus-handwritten.jsonl"),
            ),
        ]
        for title, chosen in sets:
            report = train.evaluate(model, chosen)
            self.stdout.write(f"\n{title}: {len(chosen)} posts, accuracy {report['accuracy']:.3f}")
            self.stdout.write(
                f"{'label':22s} {'precision':>9s} {'recall':>7s} {'f1':>6s} {'support':>8s}"
            )
            for label in LABELS:
                row = report[label]
                self.stdout.write(
                    f"{label:22s} {row['precision']:9.3f} {row['recall']:7.3f} "
                    f"{row['f1']:6.3f} {row['support']:8d}"
                )
