"""deploy/nginx/netra.conf lets through exactly the largest body Netra takes: a smaller limit
would refuse evidence or rosters Netra accepts, with nginx's English page; a larger one would
buffer to disk what Netra refuses anyway. Fast, so part of the plain suite."""

import re

from netra.web.middleware import largest_body

from .servers import SHIPPED_CONFIG


def megabytes(directive):
    sizes = re.findall(rf"^\s*{directive}\s+(\d+)m;", SHIPPED_CONFIG.read_text(), re.M)
    return [int(size) * 2**20 for size in sizes]


def test_the_shipped_config_takes_the_largest_body_netra_accepts():
    assert megabytes("client_max_body_size") == [largest_body()]
