"""`netra sanctions propose` (also `netra manage sanctions_propose`): one JSON object on stdin,
one on stdout; bad input: exit 2 and one line on stderr."""

import json
import sys

from django.core.management.base import BaseCommand

from netra.sanctions import rules
from netra.sanctions.catalog import active_catalog, determination_dates


class Command(BaseCommand):
    help = "Read one JSON request on stdin, print the lawful sanction proposal."
    requires_system_checks = []

    def handle(self, *args, **options):
        self.stderr.style_func = None
        code = self.run(sys.stdin.read())
        if code:
            sys.exit(code)

    def run(self, raw):
        try:
            payload = json.loads(raw)
        except ValueError as error:
            self.stderr.write(f"netra: input is not JSON: {error}")
            return 2
        try:
            proposal = rules.propose(
                active_catalog(), **rules.parse_request(payload, determination_dates())
            )
        except rules.ProposalError as error:
            self.stderr.write(f"netra: {error.detail}")
            return 2
        self.stdout.write(json.dumps(proposal.as_dict(), ensure_ascii=False))
        return 0
