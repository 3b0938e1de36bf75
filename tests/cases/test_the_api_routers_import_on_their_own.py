"""Every app's API module imports first, in a fresh interpreter: no app router imports the
assembly (netra/api.py), so there is no cycle for the import order to hide."""

import os
import subprocess
import sys

import pytest

MODULES = [
    "netra.cases.api",
    "netra.sanctions.api",
    "netra.monitoring.api",
    "netra.cases.schemas",
    "netra.sanctions.schemas",
]


def import_alone(module, tmp_path):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="netra.settings", NETRA_DATA_DIR=str(tmp_path))
    env.pop("NETRA_ENV", None)
    code = f"import django; django.setup(); import {module}; import netra.api"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("module", MODULES)
def test_it_imports_an_api_module_before_the_assembly(module, tmp_path):
    done = import_alone(module, tmp_path)
    assert done.returncode == 0, done.stderr
