"""The base of Netra's domain commands (`netra <app> <verb>`, also `netra manage <name>`)."""

import sys

from django.core.management.base import BaseCommand


class ExitCodeCommand(BaseCommand):
    """Plain lines on stderr (no terminal colours: scripts read them) and the exit code that
    `exit_code(options)` returns, so that `netra` passes both on as they are."""

    requires_system_checks = []

    def exit_code(self, options):
        raise NotImplementedError

    def handle(self, *args, **options):
        self.stderr.style_func = None
        code = self.exit_code(options)
        if code:
            sys.exit(code)
