"""Every response carries a strict Content-Security-Policy (issue 19): pages, error pages, the
API's documentation, the schema and downloads. No inline script may run anywhere; the only
inline styles are the tile maps' own <style>, allowed by a nonce of that one response."""

import re

import pytest

from tests.insights.public_page import findings

REQUIRED = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
    "frame-ancestors": {"'none'"},
    "form-action": {"'self'"},
}

PUBLIC = [
    "/",
    "/lapor/",
    "/lapor/status/",
    "/akun/masuk/",
    "/statistik/",  # the province tile map: an inline <style> with the nonce
    "/statistik/35/",  # the regency tile map
    "/statistik/kamus-data/",
    "/statistik/unduh/csv/",  # a download
    "/api/v1/docs",  # Swagger UI
    "/api/v1/openapi.json",
    "/tidak-ada-halaman-ini/",  # the 404 page
    "/healthz",
]
STAFF = ["/dasbor/", "/kasus/", "/staf/statistik/", "/staf/risiko/"]


@pytest.fixture
def figures(alice, charlie):
    """Findings in two provinces and a refreshed public table: the statistics draw their maps."""
    from netra.insights import refresh

    findings(charlie, "15.71", 7)
    findings(alice, "35.09", 6)
    refresh.refresh_all()


def _policy(response):
    header = response.get("Content-Security-Policy")
    assert header, f"{response.request['PATH_INFO']} answers without a Content-Security-Policy"
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = set(values)
    return directives


def _check(url, response):
    policy = _policy(response)
    for name, values in REQUIRED.items():
        assert policy.get(name) == values, f"{url}: {name} is {policy.get(name)}"
    for name in ("script-src", "style-src", "default-src"):
        loose = policy.get(name, set()) & {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"}
        assert not loose, f"{url}: {name} allows {loose}"
    if "text/html" not in response.get("Content-Type", ""):
        return
    html = response.content.decode()
    nonces = {v[len("'nonce-") : -1] for v in policy["style-src"] if v.startswith("'nonce-")}
    for tag in re.findall(r"<style\b[^>]*>", html):
        found = re.search(r'nonce="([^"]+)"', tag)
        assert found and found.group(1) in nonces, f"{url}: {tag} has no nonce of this response"
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, f"{url}: inline {tag}"


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC)
def test_every_public_response_carries_the_strict_policy(client, figures, url):
    _check(url, client.get(url))


@pytest.mark.django_db
@pytest.mark.parametrize("url", STAFF)
def test_every_staff_page_carries_the_strict_policy(client_for, alice, url):
    response = client_for(alice).get(url)
    assert response.status_code == 200, url
    _check(url, response)


@pytest.mark.django_db
def test_a_page_refusing_bad_input_carries_the_strict_policy(client):
    response = client.post("/lapor/", {"description": "a\x00b"})
    assert response.status_code == 400
    _check("/lapor/ with a NUL byte", response)


@pytest.mark.django_db
def test_a_tile_map_style_is_allowed_by_its_own_nonce_and_a_page_without_one_allows_none(
    client, figures
):
    response = client.get("/statistik/")
    assert 'class="netra-tilemap' in response.content.decode()
    with_map = _policy(response)
    assert any(v.startswith("'nonce-") for v in with_map["style-src"])
    assert _policy(client.get("/statistik/"))["style-src"] != with_map["style-src"]
    assert _policy(client.get("/lapor/"))["style-src"] == {"'self'"}


@pytest.mark.django_db
def test_only_the_api_documentation_may_load_images_from_data_urls(client):
    # Swagger UI's stylesheet draws its select arrows as data: images.
    assert _policy(client.get("/api/v1/docs"))["img-src"] == {"'self'", "data:"}
    assert _policy(client.get("/"))["img-src"] == {"'self'"}
