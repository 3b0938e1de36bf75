"""The audit-log page and its chain check exist only for auditors and administrators
(audit.view): for everyone else they answer 404, never 403."""

import pytest
from django.urls import reverse

from netra.audit.models import AuditVerification


@pytest.mark.parametrize("persona", ["alice", "dewi", "fajar", "gita", "hadi"])
def test_officers_get_404_on_every_audit_page(client_for, persona, request, admin):
    verification = AuditVerification.objects.create(requested_by=admin)
    officer = client_for(request.getfixturevalue(persona))
    assert officer.get(reverse("web:audit_log")).status_code == 404
    assert officer.post(reverse("web:audit_verify")).status_code == 404
    assert officer.get(reverse("web:audit_verification", args=[verification.pk])).status_code == 404
    assert AuditVerification.objects.count() == 1


def test_auditors_and_administrators_open_it_and_find_it_in_the_menu(
    client_for, admin, make_user, alice
):
    auditor = make_user("indah", "auditor", ["35.09"])
    for user in (auditor, admin):
        page = client_for(user).get(reverse("web:dashboard")).content.decode()
        assert 'href="/audit/"' in page
        assert client_for(user).get(reverse("web:audit_log")).status_code == 200
    assert 'href="/audit/"' not in client_for(alice).get(reverse("web:dashboard")).content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client, db):
    response = client.get(reverse("web:audit_log"))
    assert response.status_code == 302 and "/akun/masuk/" in response.url
