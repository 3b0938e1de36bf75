import re

from django.core import mail
from django.test import Client

from netra.audit.models import AuditEntry

from ..conftest import PASSWORD


def deactivate(client, account, reason="Mutasi ke Bawaslu Kota Surabaya"):
    return client.post(f"/akun/pengguna/{account.pk}/mutasi/", {"reason": reason})


def test_a_reason_is_required(client_for, admin, alice):
    response = deactivate(client_for(admin), alice, reason="   ")
    assert response.status_code == 200
    assert "Tulis alasannya" in response.content.decode()
    alice.refresh_from_db()
    assert alice.is_active


def test_a_reason_longer_than_its_column_is_refused(client_for, admin, alice):
    response = deactivate(client_for(admin), alice, reason="x" * 501)
    assert response.status_code == 200 and response.context["form"].errors
    alice.refresh_from_db()
    assert alice.is_active


def test_the_deactivated_officer_is_signed_out_and_cannot_sign_in(client_for, admin, alice):
    session = client_for(alice)
    assert session.get("/dasbor/").status_code == 200
    response = deactivate(client_for(admin), alice)
    assert response.status_code == 302
    alice.refresh_from_db()
    assert not alice.is_active and alice.deactivation_reason.startswith("Mutasi")
    entry = AuditEntry.objects.get(action="account.deactivated", target_id=str(alice.pk))
    assert entry.actor == admin and entry.data == {"reason": "Mutasi ke Bawaslu Kota Surabaya"}

    assert session.get("/dasbor/")["Location"].startswith("/akun/masuk/")
    signing_in = Client().post("/akun/masuk/", {"username": "alice", "password": PASSWORD})
    assert signing_in.status_code == 200
    assert "salah" in signing_in.content.decode()


def test_reactivation_is_audited_and_old_sessions_stay_ended(
    client_for, admin, alice, django_capture_on_commit_callbacks
):
    alice.email = "alice@example.id"
    alice.save()
    session = client_for(alice)
    deactivate(client_for(admin), alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(admin).post(f"/akun/pengguna/{alice.pk}/aktifkan/")
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.is_active and not alice.deactivation_reason
    assert AuditEntry.objects.filter(action="account.reactivated", actor=admin).exists()
    # The session from before the deactivation does not come back.
    assert session.get("/dasbor/")["Location"].startswith("/akun/masuk/")
    # Its old password is gone: a link by e-mail sets a new one.
    assert (
        Client().post("/akun/masuk/", {"username": "alice", "password": PASSWORD}).status_code
        == 200
    )
    assert mail.outbox and re.search(r"/akun/daftar/\S+/", mail.outbox[-1].body)


def test_an_administrator_cannot_deactivate_their_own_account(client_for, admin):
    response = deactivate(client_for(admin), admin)
    assert "akun Anda sendiri" in response.content.decode()
    admin.refresh_from_db()
    assert admin.is_active


def test_the_account_form_no_longer_deactivates_without_a_reason(client_for, admin, alice):
    client_for(admin).post(
        f"/akun/pengguna/{alice.pk}/",
        {
            "username": "alice",
            "full_name": "Alice Baru",
            "email": "",
            "office": "",
            "role": "bawaslu_regency",
            "regions": [r.pk for r in alice.regions.all()],
        },
    )
    alice.refresh_from_db()
    assert alice.is_active and alice.get_full_name() == "Alice Baru"
