"""Each kind's period comes from NETRA_RETENTION_<KIND>_DAYS, its default when unset; a value
that is not a whole number of days stops Netra at start with one line naming the variable."""

import os
import subprocess
import sys

import pytest

from netra.privacy import periods


def test_unset_variables_give_the_documented_defaults():
    assert periods.from_environment({}) == periods.Periods(**periods.DEFAULTS)


def test_each_kind_is_read_from_its_own_variable():
    got = periods.from_environment(
        {"NETRA_RETENTION_IDENTITY_DAYS": "30", "NETRA_RETENTION_SESSIONS_DAYS": " 2 "}
    )
    assert got.identity == 30 and got.sessions == 2
    assert got.evidence == periods.DEFAULTS["evidence"]


@pytest.mark.parametrize("bad", ["abc", "-5", "1.5", "30d", "٣", "99999999"])
def test_a_bad_value_is_refused_with_the_variable_and_the_value(bad):
    with pytest.raises(periods.BadPeriod) as refused:
        periods.from_environment({"NETRA_RETENTION_EVIDENCE_DAYS": bad})
    assert "NETRA_RETENTION_EVIDENCE_DAYS" in str(refused.value)


def test_netra_refuses_to_start_with_a_bad_period_in_one_line(tmp_path):
    environment = dict(
        os.environ,
        NETRA_RETENTION_CASES_DAYS="five years",
        NETRA_DATA_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="netra.settings",
    )
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "netra: NETRA_RETENTION_CASES_DAYS must be a whole number of days (0 or more), "
        "not 'five years'; see docs/privacy.md for the defaults."
    ]
