"""Text that no column can hold is refused at the door.

PostgreSQL cannot store a NUL character (0x00) in any text column: a NUL that reached a query
used to end in a 500 (case notes, summaries, hearings, monitoring texts, a region code in a
URL, even a session cookie). No legitimate text holds one, so every text a request carries is
checked once, here, instead of in each of the hundred places that save text:

- the path, the query string and the cookies;
- the fields of forms (URL-encoded or multipart); the bytes of an uploaded file are never
  looked at, since photos and PDFs contain NULs by nature;
- JSON bodies (the API), whose strings may spell a NUL as ``\\u0000``.

A refusal is a 400 with a message in the user's language: a page for people, JSON with a
``code`` for the API.

Form bodies are checked when they are parsed, not before: parsing a multipart body writes its
files to disk, and the views of public forms decide first whether a request may be read at all
(size, rate limits). The CSRF check of a production request parses the body before the view
does, so for such a request the body is parsed here, one step earlier, to answer with the
message rather than a bare 400.
"""

import json
from importlib import import_module

from django.conf import settings
from django.core.exceptions import BadRequest, RequestDataTooBig
from django.http import HttpResponse, JsonResponse, QueryDict
from django.template.loader import render_to_string
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

NUL = "\x00"
CODE = "nul_byte"


class InputRefused(BadRequest):
    """A text of the request holds a NUL character; FIELD names where (for the API)."""

    code = CODE

    def __init__(self, field=""):
        super().__init__(f"NUL character in {field or 'the request'}")
        self.field = field


def message():
    return _(
        "The text you sent contains an invisible control character, which usually comes "
        "from pasting text out of another program. Delete the pasted text, type it "
        "again, and send again."
    )


def refusal_response(request, refused):
    """The 400 answer: JSON under /api/, a page everywhere else."""
    return _refusal(
        request,
        400,
        "web/refused_input.html",
        message(),
        {"code": refused.code, "field": refused.field},
    )


def _refusal(request, status, template, text, fields):
    """A refusal of the request as a whole: JSON with its code under /api/, else a page."""
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": text, **fields}, status=status)
    html = render_to_string(template, {"message": text}, request=request)
    return HttpResponse(html, status=status)


def _nul_in_querydict(data):
    for key, values in data.lists():
        if NUL in key or any(NUL in value for value in values):
            return key.replace(NUL, "") or "?"
    return None


def _nul_in_json(value):
    """The key under which a string holds a NUL, or None; iterative, as JSON nests deeply."""
    stack = [("", value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            if NUL in item:
                return where or "body"
        elif isinstance(item, dict):
            for key, inner in item.items():
                if NUL in key:
                    return key.replace(NUL, "") or "body"
                stack.append((key, inner))
        elif isinstance(item, list):
            stack.extend((where, inner) for inner in item)
    return None


def _is_json(request):
    kind = request.content_type or ""
    return kind == "application/json" or kind.endswith("+json")


def _json_field(request):
    try:
        body = request.body
    except RequestDataTooBig:
        return None  # refused as too big by whoever reads it
    if NUL.encode() not in body and b"\\u0000" not in body:
        return None  # the common case costs one scan of the bytes, no parsing
    try:
        parsed = json.loads(body)
    except (ValueError, RecursionError):
        return None  # not JSON: the API answers 400 "Cannot parse request body"
    return _nul_in_json(parsed)


def _guard_form_parsing(request):
    """Check form fields whenever (and by whomever) the body is parsed. (Django already
    drops unprintable characters from the names of uploaded files.)"""
    parse = request._load_post_and_files

    def parse_and_check():
        parse()
        field = _nul_in_querydict(request._post)
        if field is not None:
            # Nothing later may act on the refused values, not even an error page.
            request._post, request._files = QueryDict(), MultiValueDict()
            raise InputRefused(field)

    request._load_post_and_files = parse_and_check


def _drop_cookies_with_nul(request):
    """A cookie no browser would send; a session key holding NUL would reach the database."""
    spoiled = [name for name, value in request.COOKIES.items() if NUL in name or NUL in value]
    for name in spoiled:
        del request.COOKIES[name]
    if settings.SESSION_COOKIE_NAME in spoiled and hasattr(request, "session"):
        request.session = import_module(settings.SESSION_ENGINE).SessionStore()


class RefuseNulBytesMiddleware:
    """Place after LocaleMiddleware (messages in the user's language) and before
    CsrfViewMiddleware (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _drop_cookies_with_nul(request)
        field = "path" if NUL in request.path_info else _nul_in_querydict(request.GET)
        if field is None and request.method not in ("GET", "HEAD", "OPTIONS") and _is_json(request):
            field = _json_field(request)
        if field is not None:
            return refusal_response(request, InputRefused(field))
        _guard_form_parsing(request)
        return self.get_response(request)

    def process_view(self, request, callback, callback_args, callback_kwargs):
        # Without a CSRF cookie the CSRF check refuses the request without reading its body;
        # parsing it here would write a stranger's upload to disk for nothing.
        csrf_checked = (
            request.method == "POST"
            and not getattr(callback, "csrf_exempt", False)
            and not getattr(request, "_dont_enforce_csrf_checks", False)
            and settings.CSRF_COOKIE_NAME in request.COOKIES
        )
        if csrf_checked:
            try:
                request.POST  # noqa: B018 - parsed now rather than inside the CSRF check
            except InputRefused as refused:
                return refusal_response(request, refused)
        return None

    def process_exception(self, request, exception):
        if isinstance(exception, InputRefused):
            return refusal_response(request, exception)
        return None


def largest_body():
    """The largest request body any form of Netra takes: a report with every evidence file at
    its limit, a roster file or an attendance upload, plus room for the text fields."""
    return (
        max(
            settings.NETRA_EVIDENCE_MAX_FILES * settings.NETRA_EVIDENCE_MAX_BYTES,
            settings.NETRA_ROSTER_MAX_BYTES,
            settings.NETRA_ATTENDANCE_MAX_BYTES,
        )
        + 2**20
    )


def _body_refusal(request, status, code, text):
    return _refusal(request, status, "web/refused_body.html", text, {"code": code})


class RefuseOversizedBodiesMiddleware:
    """A body larger than any form takes is refused from its Content-Length, before a byte of
    it is read: otherwise parsing it (for the CSRF check, or a form) would write it to disk
    first. A body with no length (chunked) is refused too: browsers always send one.
    Place after LocaleMiddleware and before anything that reads the body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("POST", "PUT", "PATCH"):
            length = request.META.get("CONTENT_LENGTH")
            if not length and "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
                return _body_refusal(
                    request,
                    411,
                    "length_required",
                    _(
                        "Your browser sent the form without saying how large it is. Send it again "
                        "from an ordinary browser."
                    ),
                )
            try:
                too_large = int(length or 0) > largest_body()
            except ValueError:
                too_large = True
            if too_large:
                return _body_refusal(
                    request,
                    413,
                    "too_large",
                    _(
                        "What you sent is larger than Netra accepts at once (at most %(mb)s MB). "
                        "Send fewer or smaller files."
                    )
                    % {"mb": largest_body() // 2**20},
                )
        return self.get_response(request)
