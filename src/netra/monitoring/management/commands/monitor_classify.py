"""`netra monitor classify FILE.jsonl [--election CODE]` (also `netra manage monitor_classify`):
one JSON line per input line {"id", "text"[, "published"]}; bad input exits 2.

The election's gazetteer and dates are read where the web reads them (the database, as an
administrator edited them), so the command and the triage queue label a post alike."""

import json
from datetime import date

from netra.common.commands import ExitCodeCommand
from netra.monitoring.actions import gazetteer_for
from netra.monitoring.nlp.classify import classify
from netra.regions.models import Election


class Command(ExitCodeCommand):
    help = "Label posts from a JSONL file."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE.jsonl")
        parser.add_argument("--election", help="use this election's gazetteer and dates")

    def exit_code(self, options):
        return self.run(options["file"], options["election"])

    def run(self, file, election):
        determination = None
        gazetteer = None
        if election:
            chosen = Election.objects.filter(code=election).first()
            if chosen is None:
                self.stderr.write(f"netra: unknown election {election!r}")
                return 2
            gazetteer, determination = gazetteer_for(chosen), chosen.candidate_determination_date
        try:
            source = open(file, encoding="utf-8-sig")
        except OSError as error:
            self.stderr.write(f"netra: cannot read {file}: {error}")
            return 2
        with source:
            for number, line in enumerate(source, start=1):
                if not line.strip():
                    continue
                try:
                    post = json.loads(line)
                    post_id, text = post["id"], post["text"]
                    if not isinstance(text, str):
                        raise TypeError
                    published = (
                        date.fromisoformat(post["published"]) if post.get("published") else None
                    )
                except (ValueError, KeyError, TypeError):
                    self.stderr.write(f'netra: line {number} is not {{"id", "text"}} JSON')
                    return 2
                before = bool(determination and published and published < determination)
                result = classify(text, gazetteer=gazetteer, before_determination=before)
                self.stdout.write(json.dumps(result.as_dict(post_id), ensure_ascii=False))
        return 0
