"""tilegrid.json is exactly what tools/insights_tilegrid.py writes from its maps: edit the
maps, rerun the tool, commit both."""

import importlib.util
from pathlib import Path

TOOL = Path(__file__).resolve().parents[2] / "tools/insights_tilegrid.py"


def test_the_tile_grid_file_is_what_the_tool_writes():
    spec = importlib.util.spec_from_file_location("insights_tilegrid", TOOL)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.OUT.read_text(encoding="utf-8") == tool.build()
