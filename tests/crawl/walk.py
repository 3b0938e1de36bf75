"""The walk shared by the crawl tests: every URL pattern Django knows, filled from demo
objects, plus the same-site links found on the pages, bounded per route."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

# A route is visited at most this often per persona (288 cases need not all be opened).
PER_ROUTE = 3
MAX_PAGES = 600

# Never followed or submitted: they end the session, change the language or reset an account
# (the walk needs its own account as it is), or lie outside the HTML pages.
SKIP_PREFIXES = ("/static/", "/media/", "/i18n/", "/akun/keluar/", "/lapor/akhiri-sesi/")
SKIP_FORM = re.compile(r"/reset/|/akun/keluar/|/i18n/|/lapor/akhiri-sesi/")
NO_MESSAGE_NEEDED = ("/akun/masuk/",)  # the sign-in answers an empty form with a message too

PERSONAS = {
    "public": None,
    "bawaslu-regency": "alice",
    "bawaslu-province": "dewi",
    "bawaslu-national": "eko",
    "bkpsdm": "fajar",
    "bkn": "gita",
    "ppk": "hadi",
    "auditor": "indah",
    "panwascam": "wulan",
    "admin": "root",
}


class _Page(HTMLParser):
    """The links of a page, and its forms as a browser would send them untouched: hidden
    values kept, every field the user fills left blank, the first named button pressed."""

    def __init__(self):
        super().__init__()
        self.links, self.forms = [], []
        self._form = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = {
                "method": (attrs.get("method") or "get").lower(),
                "action": attrs.get("action") or "",
                "data": {},
                "button": False,
            }
            self.forms.append(self._form)
        elif self._form is not None and attrs.get("name"):
            name, kind = attrs["name"], (attrs.get("type") or "").lower()
            if tag == "input" and kind == "hidden":
                self._form["data"][name] = attrs.get("value") or ""
            elif (tag == "button" or kind == "submit") and not self._form["button"]:
                self._form["button"] = True
                self._form["data"][name] = attrs.get("value") or ""
            elif tag in ("textarea", "select") or (
                tag == "input" and kind not in ("checkbox", "radio", "file", "submit", "button")
            ):
                self._form["data"].setdefault(name, "")
                self._form["fillable"] = True

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def _patterns(resolver=None, prefix="", namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            yield from _patterns(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield prefix + str(entry.pattern), name


def _first(model_path, **filters):
    from django.apps import apps

    model = apps.get_model(model_path)
    obj = model.objects.filter(**filters).order_by("pk").first()
    return obj.pk if obj else None


def _value(route_name, param):
    from netra.regions.models import Election

    ints = {
        "submission_id": "reports.Submission",
        "evidence_id": "reports.Evidence",
        "case_id": "cases.Case",
        "hearing_id": "cases.Hearing",
        "attachment_id": "cases.Attachment",
        "document_id": "cases.CaseDocument",
        "recommendation_id": "sanctions.Recommendation",
        "step_id": "sanctions.FollowUpStep",
        "event_id": "prevention.Event",
        "circular_id": "prevention.Circular",
        "flag_id": "monitoring.Flag",
        "suggestion_id": "monitoring.NewsSuggestion",
        "user_id": "accounts.User",
        "employee_id": "people.Employee",
        "job_id": "people.RosterImport",
    }
    if param in ints:
        return _first(ints[param])
    if param == "fmt":
        return "csv"
    if param == "kind":
        from netra.cases.models import CaseDocument

        return CaseDocument.Kind.values[0]
    if param == "code":
        if "gazetteer" in route_name:
            election = Election.objects.order_by("-pk").first()
            return election.code if election else None
        if "catalog" in route_name:
            from netra.sanctions.catalog import active_catalog

            return next(iter(active_catalog().codes), None)
        return "35.09"
    return None  # tokens, reset kinds: reached only through the pages that offer them


def seed_urls():
    """One URL per pattern of the resolver, its parameters filled from demo objects."""
    urls = []
    for pattern, name in _patterns():
        if pattern.startswith("api/"):
            continue
        params = re.findall(r"<(?:\w+:)?(\w+)>", pattern)
        values = {p: _value(name or "", p) for p in params}
        if any(v is None for v in values.values()):
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m, v=values: str(v[m.group(1)]), pattern)
        if not ("/" + path).startswith(SKIP_PREFIXES):
            urls.append("/" + path)
    return urls


@dataclass
class Walk:
    persona: str
    pages: dict = field(default_factory=dict)  # url -> route name, HTML pages answered 200
    problems: list = field(default_factory=list)

    def problem(self, url, what):
        self.problems.append(f"{self.persona}: {url}: {what}")


def _route(url):
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    return match.view_name


def _client(username):
    from netra.accounts.models import User

    client = Client(raise_request_exception=False)
    if username:
        client.force_login(User.objects.get(username=username))
    return client


def _has_message(content):
    return any(
        marker in content for marker in ('role="alert"', 'class="messages"', 'class="msg', "error")
    )


def walk(persona, forms=True):
    """Visit what PERSONA reaches; with FORMS, submit each POST form of each page empty."""
    client = _client(PERSONAS[persona])
    result = Walk(persona)
    offered_by = {url: None for url in seed_urls()}
    queue = list(offered_by)
    seen, per_route, submitted = set(), {}, set()
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        route = _route(url)
        if route is None:
            if offered_by.get(url):
                result.problem(offered_by[url], f"offers a link to {url}, which matches no page")
            continue
        if per_route.get(route, 0) >= PER_ROUTE:
            continue
        per_route[route] = per_route.get(route, 0) + 1
        seen.add(url)
        response = client.get(url)
        status = response.status_code
        if status >= 500:
            result.problem(url, f"answers {status}" + _origin(offered_by.get(url)))
        elif status == 404 and offered_by.get(url):
            result.problem(offered_by[url], f"offers a link to {url}, which answers 404")
        if status != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        result.pages[url] = route
        parsed = _Page()
        parsed.feed(response.content.decode("utf-8", "replace"))
        for href in parsed.links:
            target = urljoin(url, href)
            parts = urlsplit(target)
            if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if link.startswith(SKIP_PREFIXES) or link in seen:
                continue
            offered_by.setdefault(link, url)
            queue.append(link)
        if forms:
            for form in parsed.forms:
                target = urlsplit(urljoin(url, form["action"])).path
                key = (route, target, tuple(sorted(form["data"])))
                if form["method"] != "post" or SKIP_FORM.search(target) or key in submitted:
                    continue
                submitted.add(key)
                _submit_empty(client, result, url, target, form)
                if PERSONAS[persona] and "_auth_user_id" not in client.session:
                    # The sign-in steps start over from scratch; the walk goes on signed in.
                    client = _client(PERSONAS[persona])
    return result


def _origin(offered_by):
    return f" (linked from {offered_by})" if offered_by else ""


def _submit_empty(client, result, page, target, form):
    response = client.post(target, form["data"], follow=True)
    status = response.status_code
    where = f"the form to {target} submitted empty"
    if status >= 500 or status in (404, 405):
        result.problem(page, f"{where} answers {status}")
        return
    # A form with nothing to fill (a button and its hidden values) may simply be carried out,
    # and so may one that leads on to what it made; a form that comes back to its own page,
    # whether re-rendered or redirected, must say why.
    if not form.get("fillable") or target in NO_MESSAGE_NEEDED:
        return
    landed = response.redirect_chain[-1][0] if response.redirect_chain else page
    if urlsplit(landed).path != urlsplit(page).path:
        return  # carried out: it led on to what it made (a finding to its new case)
    if status == 200 and "text/html" in response.get("Content-Type", ""):
        if not _has_message(response.content.decode()):
            result.problem(page, f"{where} answers without any message")


# Recorded in every document before its own scripts run: each Content-Security-Policy violation
# the browser reports on the page (the policy's own event, fired for scripts, styles, images,
# frames and forms alike).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(
    event.effectiveDirective + " refused " + (event.blockedURI || "inline") +
    (event.sourceFile ? " (" + event.sourceFile + ":" + event.lineNumber + ")" : "") +
    (event.sample ? ": " + event.sample : "")
  );
});
"""


def browser_page(chromium, live_server, username, **options):
    """A Chromium page signed in as USERNAME (None: the public) on the live server."""
    context = chromium.new_context(locale="id-ID", **options)
    if username:
        client = _client(username)
        cookie = client.cookies["sessionid"]
        context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page
