"""Each module of the package imports alone: a fresh interpreter sets Django up once, then forks
one child per module (as many at once as there are cores), which imports only that module. An
import that works only because another module happened to be imported first (a hidden cycle)
fails here."""

import os
import subprocess
import sys
from pathlib import Path

import netra

PACKAGE = Path(netra.__file__).resolve().parent

CHILD = r"""
import importlib, os, sys, traceback
from netra.cli import prepare_data_dir, setup_django
prepare_data_dir()
setup_django()
failed = 0
running = 0
for name in sys.stdin.read().split():
    if running == os.cpu_count():
        _pid, status = os.wait()
        running -= 1
        failed += status != 0
    pid = os.fork()
    if pid == 0:
        try:
            importlib.import_module(name)
        except BaseException:
            # One write, so that two failing children's reports never interleave.
            sys.stdout.write(f"--- {name}\n" + traceback.format_exc())
            sys.stdout.flush()
            os._exit(1)
        os._exit(0)
    running += 1
while running:
    _pid, status = os.wait()
    running -= 1
    failed += status != 0
print(f"{failed} failed")
"""


def module_names():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        yield ".".join(parts)


def test_every_module_of_the_package_imports_on_its_own(tmp_path):
    names = list(module_names())
    assert len(names) > 150
    env = {
        **os.environ,
        "NETRA_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "netra.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        input="\n".join(names),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("0 failed\n"), done.stdout
