"""The finding behind the proxy (issue 19): without one, a dozen clients sending a byte a second
hold the app server's threads (2 processes of 4 with the defaults), and the health check that a
load balancer sends goes unanswered. This shows the need; the fix is deploy/nginx/netra.conf."""

import time

import pytest

from .servers import APP_PORT, SlowClients, answered, poll_health

pytestmark = pytest.mark.proxy


def test_twelve_clients_sending_a_byte_a_second_stall_the_health_check(netra_app):
    with SlowClients(APP_PORT, 12, spacing=0.1) as clients:
        time.sleep(1)
        checks = poll_health(APP_PORT, 15)
        still_open = clients.still_open
    ok = answered(checks)
    print(
        f"\nstraight to netra serve, 12 slow clients: {len(ok)}/{len(checks)} "
        "health checks answered"
    )
    assert still_open == 12, "the app server closed a slow client: the test shows nothing"
    # Most often both processes hold slow clients on all their threads and no check is
    # answered; when one process took nearly all of them, the other answers the checks it
    # takes, about half. A load balancer that needs an answer within 2 s drops the app either
    # way.
    assert len(ok) < len(checks), checks
    # Once the slow clients are gone the app server answers again.
    assert len(answered(poll_health(APP_PORT, 2))) == 4
