"""A worker that stops beating (hung, or stopped with SIGSTOP) is killed and restarted by its
supervisor, and a worker never outlives its supervisor."""

import os
import signal
import subprocess
import sys
import time

from netra.worker.supervisor import Supervisor

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def test_a_child_whose_beat_file_goes_stale_is_killed_and_restarted(tmp_path):
    beat = tmp_path / "worker.beat"
    beat.touch()
    os.utime(beat, (time.time() - 600, time.time() - 600))  # silent for ten minutes
    log = []
    supervisor = Supervisor(
        SLEEPER,
        log=log.append,
        beat_file=beat,
        silent_seconds=0.2,
        poll_seconds=0.1,
        sleep=lambda seconds: None,
    )
    supervisor.run(max_starts=2)
    assert supervisor.restarts == 2
    assert any("silent for" in line and "killing it" in line for line in log)
    assert any("killed by SIGKILL" in line for line in log)


def test_a_child_that_beats_is_left_alone(tmp_path):
    beat = tmp_path / "worker.beat"
    command = [
        sys.executable,
        "-c",
        f"import pathlib, time\nfor _ in range(8):\n"
        f"    pathlib.Path({str(beat)!r}).touch(); time.sleep(0.1)",
    ]
    log = []
    supervisor = Supervisor(
        command,
        log=log.append,
        beat_file=beat,
        silent_seconds=0.5,
        poll_seconds=0.1,
        sleep=lambda seconds: None,
    )
    supervisor.run(max_starts=1)
    assert not any("silent for" in line for line in log)
    assert "exit code 0" in log[0]


def test_the_worker_dies_with_its_supervisor(tmp_path):
    """kill -9 of `netra worker`'s supervisor: its child gets SIGTERM from the kernel."""
    pid_file = tmp_path / "child.pid"
    child_script = tmp_path / "child.py"
    child_script.write_text(
        "import os, sys, time\nopen(sys.argv[1], 'w').write(str(os.getpid()))\ntime.sleep(60)\n"
    )
    script = (
        "import sys\n"
        "sys.path[:0] = sys.argv[3:]\n"
        "from netra.worker.supervisor import Supervisor\n"
        "Supervisor([sys.executable, sys.argv[1], sys.argv[2]]).run()\n"
    )
    supervisor = subprocess.Popen(
        [sys.executable, "-c", script, str(child_script), str(pid_file), *sys.path]
    )
    try:
        deadline = time.monotonic() + 20
        while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        child = int(pid_file.read_text())
        supervisor.send_signal(signal.SIGKILL)
        supervisor.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(child, 0)
            except ProcessLookupError:
                break
            # The orphan is reparented and reaped by init (or lingers as a zombie here).
            if _is_zombie(child):
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the worker outlived its supervisor")
    finally:
        supervisor.kill()


def _is_zombie(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ", 1)[1].startswith("Z")
    except OSError:
        return True
