"""Keep one child process running: restart it with backoff when it stops, saying why.

Plain Python with no Django, so that the supervisor itself has nothing to fail on."""

import signal
import subprocess
import sys
import threading
import time


def describe_exit(code):
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


class Supervisor:
    """Runs COMMAND until told to stop; a child that stops by itself is started again after
    a delay that doubles from FIRST_DELAY up to MAX_DELAY, and falls back to FIRST_DELAY once
    a child has lived STABLE_SECONDS."""

    def __init__(self, command, *, name="worker", first_delay=1.0, max_delay=60.0,
                 stable_seconds=60.0, log=None, popen=subprocess.Popen, sleep=None,
                 clock=time.monotonic):
        self.command = command
        self.name = name
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.stable_seconds = stable_seconds
        self.log = log or (lambda line: print(line, file=sys.stderr, flush=True))
        # A stop during the wait before a restart ends the wait at once.
        self._stopped = threading.Event()
        self.popen, self.clock = popen, clock
        self.sleep = sleep or self._stopped.wait
        self.child = None
        self.stopping = False
        self.restarts = 0

    def stop(self, *_):
        """Stop supervising and pass the stop on to the child (for SIGTERM and SIGINT)."""
        self.stopping = True
        self._stopped.set()
        if self.child is not None and self.child.poll() is None:
            self.child.send_signal(signal.SIGTERM)

    def run(self, max_starts=None):
        delay = self.first_delay
        starts = 0
        while not self.stopping:
            started = self.clock()
            self.child = self.popen(self.command)
            starts += 1
            code = self.child.wait()
            if self.stopping:
                break
            lived = self.clock() - started
            if lived >= self.stable_seconds:
                delay = self.first_delay
            self.restarts += 1
            self.log(f"netra: {self.name} stopped ({describe_exit(code)}) after {lived:.0f} s; "
                     f"restarting in {delay:.0f} s")
            if max_starts is not None and starts >= max_starts:
                break
            self.sleep(delay)
            delay = min(delay * 2, self.max_delay)
        if self.child is not None and self.child.poll() is None:
            try:
                self.child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.child.kill()
                self.child.wait()
        return self.restarts
