"""`netra monitor train` (also `netra manage monitor_train`): rebuild the partisanship model
from the training corpus (reproducible: same corpus, same model). The frozen evaluation set is
never trained on; `netra monitor evaluate` measures on it."""

from pathlib import Path

from django.core.management.base import BaseCommand

from netra.monitoring.nlp import train
from netra.monitoring.nlp.classify import trained_model_path
from netra.monitoring.nlp.corpus import TRAINING_FILE


class Command(BaseCommand):
    help = "Rebuild the model from the corpus."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--corpus", help="labeled JSONL (default: the shipped corpus)")
        parser.add_argument(
            "--output",
            help="where to write the model (default: models/ in the data directory, which is "
            "then used instead of the shipped model)",
        )
        parser.add_argument(
            "--include-decisions",
            action="store_true",
            help="add the posts supervisors labeled in triage",
        )

    def handle(self, *args, corpus=None, output=None, include_decisions=False, **options):
        training = train.read_posts(corpus or TRAINING_FILE)
        if include_decisions:
            # Here, not at the top: only this option needs the database, and without it the
            # command runs where Django's apps are not set up (`netra monitor train`).
            from netra.monitoring.models import Flag

            decided = Flag.objects.exclude(training_label="").select_related("text")
            training += [
                {"id": f"flag-{f.pk}", "text": f.text.text, "label": f.training_label}
                for f in decided
            ]
        model = train.train(training, version=f"trained on {len(training)} posts")
        output = Path(output) if output else trained_model_path()
        output.parent.mkdir(parents=True, exist_ok=True)
        model.save(output)
        self.stdout.write(f"Model dilatih dengan {len(training)} unggahan. Ditulis ke {output}.")
