"""`netra worker` supervises its worker process: a worker that stops is started again, with a
growing delay, and the log says why it stopped."""

import signal

from netra.worker.supervisor import Supervisor, describe_exit


class FakeChild:
    def __init__(self, code):
        self.code = code
        self.signals = []

    def wait(self, timeout=None):
        return self.code

    def poll(self):
        return self.code

    def send_signal(self, sig):
        self.signals.append(sig)


def supervise(codes, lives):
    """A supervisor whose children exit with CODES after living LIVES seconds each."""
    codes, lives = list(codes), list(lives)
    now = [0.0]
    log, sleeps = [], []

    def popen(command):
        child = FakeChild(codes.pop(0))
        now[0] += lives.pop(0)
        return child

    supervisor = Supervisor(
        ["worker"],
        log=log.append,
        popen=popen,
        sleep=sleeps.append,
        clock=lambda: now[0],
        first_delay=1,
        max_delay=8,
        stable_seconds=60,
    )
    return supervisor, log, sleeps


def test_it_restarts_a_worker_that_dies_and_says_why():
    supervisor, log, sleeps = supervise([1, -signal.SIGKILL, 0], [5, 5, 5])
    restarts = supervisor.run(max_starts=3)
    assert restarts == 3
    assert "exit code 1" in log[0] and "restarting in 1 s" in log[0]
    assert "killed by SIGKILL" in log[1]


def test_the_delay_doubles_up_to_its_limit_and_resets_after_a_stable_run():
    supervisor, log, sleeps = supervise([1] * 7, [1, 1, 1, 1, 1, 120, 1])
    supervisor.run(max_starts=7)
    # 1, 2, 4, 8, 8, then a child that lived 120 s: back to 1.
    assert sleeps == [1, 2, 4, 8, 8, 1]


def test_a_stop_is_passed_to_the_child_and_ends_supervision():
    children = []

    class Running(FakeChild):
        def __init__(self):
            super().__init__(None)

        def wait(self, timeout=None):
            supervisor.stop()  # SIGTERM arrives while the child runs
            self.code = 0
            return 0

    def popen(command):
        children.append(Running())
        return children[-1]

    supervisor = Supervisor(["worker"], log=lambda line: None, popen=popen, sleep=lambda s: None)
    assert supervisor.run() == 0
    assert len(children) == 1


def test_exit_codes_read_as_words():
    assert describe_exit(-9) == "killed by SIGKILL"
    assert describe_exit(3) == "exit code 3"
