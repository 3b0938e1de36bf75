"""Behind the shipped nginx configuration, Netra in production (NETRA_BEHIND_PROXY=1) sees the
HTTPS that nginx ended: pages answer rather than redirect, with HSTS. On plain HTTP nginx
answers the load balancer's /healthz and sends everyone else to HTTPS."""

import pytest

from .servers import HTTP_PORT, HTTPS_PORT, connection

pytestmark = pytest.mark.proxy


def get(port, path, tls):
    conn = connection(port, tls, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response
    finally:
        conn.close()


def test_over_https_netra_answers_as_a_secure_site(nginx, netra_app):
    response = get(HTTPS_PORT, "/", tls=True)

    assert response.status == 200
    # Django sends HSTS only on a request it takes for HTTPS.
    assert "max-age=" in response.getheader("Strict-Transport-Security", "")


def test_over_plain_http_only_the_health_check_is_answered(nginx, netra_app):
    assert get(HTTP_PORT, "/healthz", tls=False).status == 200

    redirected = get(HTTP_PORT, "/pegawai/?q=x", tls=False)

    assert redirected.status == 301
    assert redirected.getheader("Location") == "https://127.0.0.1/pegawai/?q=x"
