"""Running one route of the table: each persona, each method, on the route's object.

A cell is one request: route x persona x object x method. Its outcome is compared with what
the table says, and sorted into
- a leak: someone outside REACH got an answer other than 404 that is a success (2xx, or a
  redirect other than to the sign-in page), found the object's marker on a list, or changed
  something with a POST;
- a failing positive control: someone in REACH was refused (404, 403, the sign-in page);
- any other wrong answer (a 500, a 403 where 404 is due, an anonymous visitor let in).
"""

import re
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse

from .conftest import ANONYMOUS, PERSONAS
from .objects import GETTERS
from .routes import Public

SIGN_IN = "/akun/masuk/"
#: Rows that any request may move without it being a change of anything the route guards.
UNGUARDED = {"accounts.AttemptCount"}


@dataclass
class Tally:
    cells: int = 0
    public: int = 0
    leaks: list = field(default_factory=list)
    controls: list = field(default_factory=list)  # positive controls failing
    wrong: list = field(default_factory=list)
    routes: int = 0


TALLY = Tally()


def url_of(key, target):
    kwargs = target.kwargs if target else {}
    if key.startswith(("GET ", "POST ")):
        path = key.split(" ", 1)[1]
        return re.sub(r"\{(\w+)\}", lambda m: str(kwargs[m.group(1)]), path)
    if "<" not in key:
        return reverse(key, kwargs=kwargs or None)
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), key)


def client_for(persona, sessions):
    client = Client(raise_request_exception=False)
    if persona != ANONYMOUS:
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[persona]
    return client


def _tables():
    return [
        m._meta.db_table
        for m in apps.get_models()
        if m.__module__.startswith("netra.") and m._meta.label not in UNGUARDED
    ]


def fingerprint(target):
    """Every row count of Netra's tables (the audit log's among them), and the object's row."""
    tables = _tables()
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        counts = dict(zip(tables, cursor.fetchone(), strict=True))
    row = None
    if target is not None and target.row is not None:
        model = type(target.row)
        found = model.objects.filter(pk=target.row.pk).first()
        row = model_to_dict(found) if found else "deleted"
    return counts, row


def _changes(before, after):
    counts = [
        f"{t}: {before[0][t]} -> {after[0][t]}" for t in before[0] if before[0][t] != after[0][t]
    ]
    if before[1] != after[1]:
        counts.append("the object's row changed")
    return counts


def _body(entry, target):
    if entry.body is None:
        return {}, None
    body = entry.body(target)
    if isinstance(body, tuple) and body[0] == "form":
        return body[1], None
    if isinstance(body, tuple) and body[0] == "multipart":
        data = {
            k: SimpleUploadedFile(v[0], v[1]) if isinstance(v, tuple) else v
            for k, v in body[1].items()
        }
        return data, None
    return body, "application/json"


def _request(client, method, url, entry, target):
    if method == "GET":
        return client.get(url)
    data, content_type = _body(entry, target)
    if content_type:
        return client.post(url, data=data, content_type=content_type)
    return client.post(url, data=data)


def _to_sign_in(response):
    return response.status_code == 302 and response["Location"].startswith(SIGN_IN)


def _found(data, field, value):
    if isinstance(data, dict):
        return data.get(field) == value or any(_found(v, field, value) for v in data.values())
    if isinstance(data, list):
        return any(_found(v, field, value) for v in data)
    return False


def _marker_shown(response, target, is_api):
    if is_api:
        return _found(response.json(), *target.api_marker)
    if response.streaming:
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    return target.marker.encode() in content


def _query(entry, target):
    from netra.demo_election import CODE

    extra = target.extra if target is not None else {}
    query = entry.query or extra.get("query", "")
    return query.format(election=CODE, nip=extra.get("nip", ""))


def run_public(key, entry, sessions):
    if entry.ok is None:
        return []
    target = GETTERS[entry.kind]() if entry.kind else None
    url = url_of(key, target) + _query(entry, target)
    response = client_for(ANONYMOUS, sessions).get(url)
    TALLY.public += 1
    if response.status_code not in entry.ok:
        TALLY.wrong.append(f"{key} anonymous GET {url}: {response.status_code}")
        return [f"anonymous GET {url}: {response.status_code}, not one of {entry.ok}"]
    return []


def run_staff(key, entry, sessions):
    """Every cell of one staff route, on its object and on its variants (other objects,
    other reaches); returns the problems found, each a line. The positive control is asked
    of the route's own object: a variant may be one that no one reaches."""
    problems, reached = run_object(key, entry, entry.kind, entry.reach, entry.shows, sessions)
    if not reached:
        problems.append(f"{key}: no persona succeeded (positive control)")
    for kind, reach, *shows in entry.variants:
        shows = shows[0] if shows else ()
        problems += run_object(key, entry, kind, frozenset(reach), shows, sessions)[0]
    return problems


def run_object(key, entry, kind, reach, shows, sessions):
    is_api = key.startswith(("GET ", "POST "))
    target = GETTERS[kind]() if kind else None
    # A list shows the object among others: its address takes no argument of the object's.
    url = url_of(key, None if entry.sees is not None else target) + _query(entry, target)
    problems = []
    reached = False
    # Strangers and the anonymous visitor first: then the owners' POSTs cannot hide a change.
    everyone = reach
    for method in entry.methods:
        reach = everyone
        if method == "POST" and entry.post_reach is not None and kind == entry.kind:
            reach = entry.post_reach
        order = [p for p in PERSONAS if p not in reach] + [ANONYMOUS] + sorted(reach)
        for persona in order:
            client = client_for(persona, sessions)
            TALLY.cells += 1
            cell = f"{key} {persona} {method} {url}"
            if method == "POST":
                with transaction.atomic():
                    before = fingerprint(target)
                    response = _request(client, method, url, entry, target)
                    after = fingerprint(target)
                    transaction.set_rollback(True)
            else:
                response = _request(client, method, url, entry, target)
            status = response.status_code
            if persona == ANONYMOUS:
                refused = status == 401 if is_api else _to_sign_in(response)
                if not refused:
                    TALLY.wrong.append(cell)
                    problems.append(f"{cell}: anonymous got {status}, not the sign-in")
                if method == "POST" and _changes(before, after):
                    TALLY.leaks.append(cell)
                    problems.append(f"LEAK {cell}: anonymous changed {_changes(before, after)}")
                continue
            if persona not in reach:
                if method == "POST" and _changes(before, after):
                    TALLY.leaks.append(cell)
                    problems.append(f"LEAK {cell}: a stranger changed {_changes(before, after)}")
                if status in entry.refused:
                    continue
                if status < 300 or (status < 400 and not _to_sign_in(response)):
                    TALLY.leaks.append(cell)
                    problems.append(f"LEAK {cell}: a stranger got {status}, not 404")
                else:
                    TALLY.wrong.append(cell)
                    problems.append(f"{cell}: a stranger got {status}, not 404")
                continue
            if method == "GET":
                success = status in entry.ok
            else:
                success = status < 500 and status not in (401, 403, 404, 405)
                success = success and not _to_sign_in(response)
            if not success:
                TALLY.controls.append(cell)
                problems.append(f"{cell}: in reach but got {status}")
                continue
            if entry.sees is not None:
                shown = _marker_shown(response, target, is_api)
                if shown and persona not in entry.sees:
                    TALLY.leaks.append(cell)
                    problems.append(f"LEAK {cell}: a stranger finds the object on the list")
                    continue
                if not shown and persona in entry.sees:
                    TALLY.controls.append(cell)
                    problems.append(f"{cell}: in reach but the object is not on the list")
                    continue
            for marker_kind, who in shows:
                shown = _marker_shown(response, GETTERS[marker_kind](), is_api)
                if shown and persona not in who:
                    TALLY.leaks.append(cell)
                    problems.append(f"LEAK {cell}: shows {marker_kind} to a persona without it")
                    continue
                if not shown and persona in who:
                    TALLY.controls.append(cell)
                    problems.append(f"{cell}: {marker_kind} is not shown")
            reached = True
    return problems, reached


def run(key, entry, sessions):
    TALLY.routes += 1
    if isinstance(entry, Public):
        return run_public(key, entry, sessions)
    return run_staff(key, entry, sessions)
