"""`netra news extract FILE... [--published YYYY-MM-DD]` (also `netra manage news_extract`):
prevention activity from plain-text articles (first line the title), as a JSON array."""

import json
from datetime import date
from pathlib import Path

from netra.common.commands import ExitCodeCommand
from netra.monitoring.nlp.news import extract


class Command(ExitCodeCommand):
    help = "Regions, activities, regulations and officials in articles (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--published",
            help="publication date, YYYY-MM-DD, for relative dates such as 'Senin pekan depan'",
        )

    def exit_code(self, options):
        return self.run(options["files"], options["published"])

    def run(self, files, published_text):
        published = None
        if published_text:
            try:
                published = date.fromisoformat(published_text)
            except ValueError:
                self.stderr.write(f"netra: --published must be YYYY-MM-DD, got {published_text!r}")
                return 2
        results = []
        for name in files:
            try:
                text = Path(name).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeError) as error:
                self.stderr.write(f"netra: cannot read {name}: {error}")
                return 2
            results.append({"file": name, **extract(text, published)})
        self.stdout.write(json.dumps(results, ensure_ascii=False, indent=1))
        return 0
