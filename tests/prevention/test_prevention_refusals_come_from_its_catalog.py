"""Prevention's refusals have one catalog (prevention/refusals.py) and go through the one
helper (netra.common.refusals.attempt): a refused pledge step is told on the field it concerns,
a refused review as a page message."""

import ast
import re
from pathlib import Path

from django.core import mail
from django.utils import translation

from netra.lib.refusals import Refused
from netra.prevention import views
from netra.prevention.refusals import REFUSALS, refusal_text

VIEWS = Path(views.__file__)


def test_a_refused_nip_is_told_on_the_nip_field(client, jember_staff, settings):
    # An unknown NIP is no longer refused (it would tell who is on a roster); too many
    # requests still are.
    settings.NETRA_PLEDGE_CODES_PER_HOUR = 0
    response = client.post("/ikrar/", {"nip": "199912312020121001"})
    assert response.status_code == 200
    with translation.override("id"):
        expected = refusal_text(Refused("too_many"))
    assert response.context["form"].errors["nip"] == [expected]


def test_a_wrong_pledge_code_is_told_on_the_code_field(client, jember_staff):
    url = client.post("/ikrar/", {"nip": "199001012015032005"}).url
    sent = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    response = client.post(url, {"code": "000000" if sent != "000000" else "111111", "agree": "on"})
    errors = response.context["form"].errors
    assert list(errors) == ["code"] and "Kode tidak benar" in errors["code"][0]


def test_the_views_keep_no_catalog_and_catch_refusals_in_one_place_only():
    tree = ast.parse(VIEWS.read_text())
    assigned = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    assert not assigned & {"REFUSALS", "ROW_CODES"}
    handlers = [node for node in ast.walk(tree) if isinstance(node, ast.ExceptHandler)]
    assert len(handlers) == 1  # the attendance upload: its refusal page lists the row errors
    assert "file_unknown_layout" in REFUSALS
