"""The charts are a pure core: drawing one loads no Django (they are tested without a database
and could be drawn anywhere)."""

import subprocess
import sys

CODE = """
import sys
from datetime import date
from netra.insights import charts
charts.weekly_trend({date(2024, 10, 1): 1}, title="T", desc="D")
charts.bars([("a", "A", 1)], title="T", desc="D")
print(sorted(name for name in sys.modules if name == "django" or name.startswith("django.")))
"""


def test_drawing_the_charts_loads_no_django():
    result = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, check=True, timeout=60
    )

    assert result.stdout.strip() == "[]"
