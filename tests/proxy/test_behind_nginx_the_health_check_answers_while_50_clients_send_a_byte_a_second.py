"""Behind the shipped nginx configuration, 50 clients sending their requests a byte a second
(half the headers, half the body) hold no thread of the app server: every health check polled
through nginx meanwhile is answered within 2 s."""

import pytest

from .servers import HTTPS_PORT, SlowClients, answered, poll_health

pytestmark = pytest.mark.proxy

SLOW_CLIENTS = 50
SECONDS = 25


def test_every_health_check_is_answered_while_50_clients_send_a_byte_a_second(nginx, netra_app):
    logged_before = len(netra_app.requests_logged())
    with SlowClients(HTTPS_PORT, SLOW_CLIENTS, tls=True) as clients:
        checks = poll_health(HTTPS_PORT, SECONDS, tls=True)
        trickling_bodies = clients.still_open
        sent = clients.bytes_sent
    ok = answered(checks)
    print(
        f"\nbehind nginx, {SLOW_CLIENTS} slow clients for {SECONDS} s ({sent} bytes sent): "
        f"{len(ok)}/{len(checks)} health checks answered, slowest "
        f"{max(latency for _, latency in checks) * 1000:.0f} ms; "
        f"{SLOW_CLIENTS - trickling_bodies} cut by nginx for slow headers"
    )
    assert len(ok) == len(checks) == SECONDS * 2, checks
    # The clients trickling a body were still at it when the polling ended: nginx kept them
    # waiting without handing them to the app.
    assert trickling_bodies >= SLOW_CLIENTS // 2
    reached_app = netra_app.logged_since(
        logged_before, lambda lines: sum("GET /healthz" in x for x in lines) >= len(checks)
    )
    assert sum("GET /healthz" in line for line in reached_app) >= len(checks)
    assert [line for line in reached_app if "POST" in line] == []
