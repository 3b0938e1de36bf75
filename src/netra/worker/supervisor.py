"""Keep one child process running: restart it with backoff when it stops, saying why.

Plain Python with no Django, so that the supervisor itself has nothing to fail on. A child
that stops beating (it touches BEAT_FILE while it lives) is killed and restarted like one that
died; a child dies with its supervisor (Linux), so that no worker runs on unsupervised.
"""

import ctypes
import os
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

    def __init__(
        self,
        command,
        *,
        name="worker",
        first_delay=1.0,
        max_delay=60.0,
        stable_seconds=60.0,
        log=None,
        popen=subprocess.Popen,
        sleep=None,
        clock=time.monotonic,
        beat_file=None,
        silent_seconds=120.0,
        poll_seconds=5.0,
    ):
        self.command = command
        self.beat_file, self.silent_seconds, self.poll_seconds = (
            beat_file,
            silent_seconds,
            poll_seconds,
        )
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

    def _start(self):
        if self.popen is not subprocess.Popen:
            return self.popen(self.command)
        return subprocess.Popen(self.command, preexec_fn=_die_with_parent)

    def _silent_for(self):
        """Seconds since the child last touched the beat file (None when not watched)."""
        if self.beat_file is None:
            return None
        try:
            return time.time() - os.stat(self.beat_file).st_mtime
        except OSError:
            return None  # not written yet: the child is still starting

    def _wait_while_it_beats(self, started):
        if self.beat_file is None:
            return self.child.wait()
        while True:
            try:
                return self.child.wait(timeout=self.poll_seconds)
            except subprocess.TimeoutExpired:
                silent = self._silent_for()
                lived = self.clock() - started
                if (
                    silent is not None
                    and silent > self.silent_seconds
                    and lived > self.silent_seconds
                    and not self.stopping
                ):
                    self.log(f"netra: {self.name} silent for {silent:.0f} s (hung); killing it")
                    self.child.kill()

    def run(self, max_starts=None):
        delay = self.first_delay
        starts = 0
        while not self.stopping:
            started = self.clock()
            self.child = self._start()
            starts += 1
            code = self._wait_while_it_beats(started)
            if self.stopping:
                break
            lived = self.clock() - started
            if lived >= self.stable_seconds:
                delay = self.first_delay
            self.restarts += 1
            self.log(
                f"netra: {self.name} stopped ({describe_exit(code)}) after {lived:.0f} s; "
                f"restarting in {delay:.0f} s"
            )
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


def _die_with_parent():
    """In the child, before it runs: ask Linux to send it SIGTERM when its parent dies."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the child is then left running, as before
