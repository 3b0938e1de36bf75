"""Monitoring's refusal messages live in monitoring/refusals.py, which the pages and the API
both use (the API no longer imports the pages), and both answer a refusal with the same
message through netra.common.refusals.attempt."""

import ast
from pathlib import Path

from netra.monitoring import api, views
from netra.monitoring.actions import ingest
from netra.monitoring.inputs import Item
from netra.monitoring.models import Flag, Source


def imports_of(module):
    tree = ast.parse(Path(module.__file__).read_text())
    return {
        (node.level, node.module) for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    }


def test_the_api_and_the_pages_take_their_messages_from_the_catalog():
    assert (1, "views") not in imports_of(api)
    assert (1, "refusals") in imports_of(api) and (1, "refusals") in imports_of(views)
    assert not hasattr(views, "REFUSALS")


def test_a_refused_dismissal_reads_the_same_on_the_page_and_in_the_api(client_for, alice, region):
    source = Source.objects.create(name="Patroli", kind="file", region=region("35.09"))
    ingest(
        source,
        [
            Item(
                "1",
                "Patroli",
                "https://x.test/1",
                "@guru",
                None,
                "Foto bareng Pak Bambang pose dua jari, coblos nomor 2!",
            )
        ],
    )
    flag = Flag.objects.get()
    officer = client_for(alice)
    page = officer.post(
        f"/pemantauan/tanda/{flag.pk}/abaikan/", {"reason": "", "label": "unrelated"}, follow=True
    )
    said = [str(m) for m in page.context["messages"]]
    refused = officer.post(
        f"/api/v1/monitoring/flags/{flag.pk}/dismiss",
        {"reason": "", "label": "unrelated"},
        content_type="application/json",
    )
    assert refused.status_code == 400
    # Its code too, like every 400 of the API (the schema said nothing of one before).
    assert refused.json() == {
        "detail": "Tulis alasannya dan pilih jenis unggahannya.",
        "code": "reason_required",
    }
    assert said == [refused.json()["detail"]]
    flag.refresh_from_db()
    assert flag.status == Flag.Status.OPEN
