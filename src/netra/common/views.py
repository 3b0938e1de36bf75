"""The language switch: Django's set_language, except that it never sends the browser back to
an address that refuses GET.

A page reached by POST (a refused form re-rendered at /kasus/7/rekomendasi/, say) has an address
that answers only POST; Django's view would redirect there and the browser would show a bare
"405". The switch goes back to the page, then to the page the POST came from (the layout sends
it as "back"), then home, taking the first that is on this site and answers GET."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.views.decorators.http import require_POST


def _methods_allowed(view):
    """The methods VIEW's require_http_methods (require_POST, require_GET) lets through, or None
    when nothing restricts them. The decorator keeps its list in its wrapper's closure; the other
    decorators (login_required, never_cache) are walked through by their __wrapped__."""
    while view is not None:
        code = getattr(view, "__code__", None)
        if code is not None and "request_method_list" in code.co_freevars:
            cell = view.__closure__[code.co_freevars.index("request_method_list")]
            return set(cell.cell_contents)
        view_class = getattr(view, "view_class", None)
        if view_class is not None:
            return {m.upper() for m in view_class.http_method_names if hasattr(view_class, m)}
        view = getattr(view, "__wrapped__", None)
    return None


def answers_get(request, url):
    """True when URL is on this site and its view accepts GET."""
    if not url or not url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return False
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return False
    methods = _methods_allowed(match.func)
    return methods is None or "GET" in methods


def _local(url):
    """URL without scheme and host, so that the redirect stays on this site's address."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@require_POST
def set_language(request):
    candidates = (request.POST.get("next"), request.POST.get("back"))
    next_url = next((_local(url) for url in candidates if answers_get(request, url)), "/")
    response = HttpResponseRedirect(next_url)
    language = request.POST.get("language")
    if language and check_for_language(language):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response
