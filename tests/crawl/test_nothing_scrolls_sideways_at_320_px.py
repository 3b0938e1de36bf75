"""Every page every persona reaches fits a 320 px wide screen in Chromium: the document is
never wider than the viewport (issue 13, crawler)."""

import pytest
from django.test import Client

from .walk import PERSONAS, walk

pytestmark = [pytest.mark.crawl, pytest.mark.django_db(transaction=True)]

WIDTH = 320


def test_no_page_of_any_persona_is_wider_than_320_px(live_demo, chromium, live_server):
    from netra.accounts.models import User

    problems, checked = [], set()
    for persona, username in PERSONAS.items():
        context = chromium.new_context(locale="id-ID", viewport={"width": WIDTH, "height": 700})
        if username:
            client = Client()
            client.force_login(User.objects.get(username=username))
            cookie = client.cookies["sessionid"]
            context.add_cookies(
                [{"name": "sessionid", "value": cookie.value, "url": live_server.url}]
            )
        page = context.new_page()
        page.set_default_timeout(15_000)
        # One page per route and persona: the same template at another id adds nothing.
        routes = {}
        for url, route in walk(persona, forms=False).pages.items():
            routes.setdefault(route, url)
        for url in routes.values():
            if (username is None or not url.startswith(("/wilayah/", "/boleh"))) and (
                (persona, url) not in checked
            ):
                checked.add((persona, url))
                page.goto(live_server.url + url)
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > WIDTH:
                    problems.append(f"{persona}: {url}: {width} px wide at {WIDTH} px")
        context.close()
    assert checked
    assert not problems, "\n".join(problems)
