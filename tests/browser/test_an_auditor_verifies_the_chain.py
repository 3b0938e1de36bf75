"""An auditor opens the audit log from the menu and verifies the chain: the page shows the
check waiting for the worker, updates by itself when the worker is done, and shows the break
once an entry has been tampered with; on a phone and on a desktop."""

import pytest
from django.core.management import call_command

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)


def run_the_worker():
    call_command("db_worker", batch=True, no_startup_delay=False, interval=0.01)


@pytest.mark.parametrize("width", [390, 1366])
def test_an_auditor_verifies_the_chain_then_sees_a_tampered_entry(page, signed_in, settings, width):
    from netra.audit.log import record
    from netra.audit.models import AuditEntry

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    page.set_viewport_size({"width": width, "height": 900})
    signed_in("indah", "auditor", ["35.09"])
    entries = [record(None, "test.event", region="35.09", data={"i": i}) for i in range(3)]

    # In the menu for an auditor (on a phone it wraps onto more lines, still there).
    menu = page.get_by_role("navigation", name="Menu utama")
    menu.get_by_role("link", name="Jejak audit").click()
    page.get_by_role("heading", name="Jejak audit", level=1).wait_for()
    assert page.locator("table.audit tbody tr").count() == 3
    page.get_by_role("button", name="Periksa rantai").click()
    page.get_by_text("Menunggu proses latar belakang memulai pemeriksaan.").wait_for()

    run_the_worker()
    page.get_by_text("Rantai audit utuh. Entri diperiksa: 4.").wait_for(timeout=10_000)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(ARTIFACTS / f"audit-intact-{width}.png"), full_page=True)

    AuditEntry.objects.filter(pk=entries[1].pk).update(data={"i": 99})
    page.get_by_role("button", name="Periksa lagi").click()
    run_the_worker()
    alert = page.get_by_role("alert").filter(has_text="Rantai audit terputus")
    alert.wait_for(timeout=10_000)
    assert f"entri audit #{entries[1].pk}" in alert.inner_text()
    page.screenshot(path=str(ARTIFACTS / f"audit-broken-{width}.png"), full_page=True)

    page.get_by_role("link", name="Kembali ke jejak audit").click()
    assert "Terputus" in page.locator("#verify-title + p + p").inner_text()
