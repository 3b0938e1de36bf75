"""Every page every persona reaches runs in Chromium under Netra's Content-Security-Policy
without a single violation (issue 19): no inline script or handler refused, no style, image or
form target the policy does not allow. The walk also opens the API's documentation (Swagger UI)
and the page of a missing address, which the links do not lead to."""

import re

import pytest

from .walk import PERSONAS, RECORD_VIOLATIONS, browser_page, walk

pytestmark = [pytest.mark.crawl, pytest.mark.django_db(transaction=True)]

# Chromium's own words in the console for what the policy refuses, in case a refusal ever
# comes without its event (a refused eval, for one, reports both).
CONSOLE = re.compile(r"Content.Security.Policy", re.I)
EXTRA = {None: ["/api/v1/docs", "/tidak-ada-halaman-ini/"], "alice": ["/api/v1/docs"]}


def _visit(page, url, live_server):
    console = []

    def listener(message):
        if CONSOLE.search(message.text):
            console.append(message.text)

    page.on("console", listener)
    response = page.goto(live_server.url + url)
    if url.startswith("/api/v1/docs"):
        # Swagger UI draws the operations only after it has read the schema; an operation
        # opened shows its parameters and its media type chooser (a select with its own arrow).
        page.locator(".swagger-ui .opblock-summary").first.click()
        page.locator(".swagger-ui .opblock-body select").first.wait_for()
    page.wait_for_load_state("load")
    found = page.evaluate("window.__cspViolations") or []
    page.remove_listener("console", listener)
    # Chromium tells of a refusal both ways: the console counts only where no event came.
    return response, found or console


def _the_recorder_hears_a_refused_inline_script(page, live_server):
    """The positive control: a walk whose recorder heard nothing would prove nothing."""
    page.goto(live_server.url + "/")
    page.evaluate("document.head.appendChild(document.createElement('script')).textContent = '1'")
    page.wait_for_function("window.__cspViolations.length > 0")
    page.evaluate("window.__cspViolations = []")


def test_no_page_of_any_persona_breaks_the_content_policy(live_demo, chromium, live_server):
    visited, violating, problems = 0, set(), []
    control = browser_page(chromium, live_server, None)
    control.add_init_script(RECORD_VIOLATIONS)
    _the_recorder_hears_a_refused_inline_script(control, live_server)
    control.context.close()
    for persona, username in PERSONAS.items():
        page = browser_page(chromium, live_server, username)
        page.add_init_script(RECORD_VIOLATIONS)
        urls = dict.fromkeys([*walk(persona, forms=False).pages, *EXTRA.get(username, [])])
        for url in urls:
            response, found = _visit(page, url, live_server)
            visited += 1
            if response is None or "content-security-policy" not in response.headers:
                problems.append(f"{persona}: {url}: answered without a Content-Security-Policy")
            for what in found:
                violating.add((persona, url))
                problems.append(f"{persona}: {url}: {what}")
        page.context.close()
    print(f"\ncontent policy: {visited} pages visited, {len(violating)} with a violation")
    assert visited > 100
    assert not problems, "\n".join(problems)
