"""`netra sanctions propose` (also `netra manage sanctions_propose`): one JSON object on stdin,
one on stdout; bad input: exit 2 and one line on stderr."""

import json
import sys

from netra.common.commands import ExitCodeCommand
from netra.sanctions import rules
from netra.sanctions.catalog import active_catalog, determination_dates


class Command(ExitCodeCommand):
    help = "Read one JSON request on stdin, print the lawful sanction proposal."

    def exit_code(self, options):
        return self.run(sys.stdin.read())

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
