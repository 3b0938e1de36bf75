"""README's grant, applied for real on PostgreSQL: the application's role may add and read
audit entries but neither change nor remove them."""

import pytest
from django.db import DatabaseError, connection, transaction

from netra.audit.log import record
from netra.audit.models import AuditEntry


@pytest.fixture
def app_role(db):
    if connection.vendor != "postgresql":
        pytest.skip("database roles and grants are PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("DROP ROLE IF EXISTS netra_app_test")
        cursor.execute("CREATE ROLE netra_app_test")
        cursor.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO netra_app_test")
        cursor.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO netra_app_test")
        # The two statements of README.md, "Production deployment":
        cursor.execute("REVOKE UPDATE, DELETE, TRUNCATE ON audit_auditentry FROM netra_app_test")
        cursor.execute("GRANT SELECT, INSERT ON audit_auditentry TO netra_app_test")
    yield "netra_app_test"
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")
        cursor.execute("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM netra_app_test")
        cursor.execute("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM netra_app_test")
        cursor.execute("DROP ROLE netra_app_test")


def test_the_app_role_appends_but_cannot_change_or_remove_entries(app_role):
    with connection.cursor() as cursor:
        cursor.execute(f"SET ROLE {app_role}")
    try:
        entry = record(None, "test.event", data={"i": 1})  # inserting works
        for change in (
            lambda: AuditEntry.objects.filter(pk=entry.pk).update(data={"i": 2}),
            lambda: AuditEntry.objects.filter(pk=entry.pk).delete(),
        ):
            with pytest.raises(DatabaseError, match="permission denied"):
                with transaction.atomic():
                    change()
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")
    assert AuditEntry.objects.get(pk=entry.pk).data == {"i": 1}
