"""The audit log labels the entries no account made (the worker, a public report) with the
actor "system", and the audit-log page shows and filters by that label. An account whose
username is "system" would make entries that read as the system's. The import makes each
username from the e-mail address, so "system@bawaslu.go.id" must not become "system"."""

from netra.accounts.models import User
from netra.audit.models import AuditEntry

from ..accounts.account_files import csv_file, upload


def test_an_address_system_at_gets_another_username(client_for, admin):
    rows = [
        ["Sistem Informasi", "System@bawaslu.go.id", "auditor", "35.09"],
        ["Budi Santoso", "budi@bawaslu.go.id", "bawaslu_regency", "35.09"],
    ]
    response = upload(client_for(admin), csv_file(rows))
    assert response.status_code == 302
    made = User.objects.get(email="System@bawaslu.go.id")
    assert made.username.lower() != "system"
    assert User.objects.get(email="budi@bawaslu.go.id").username == "budi"
    assert not AuditEntry.objects.filter(actor__isnull=False, actor_label__iexact="system").exists()
