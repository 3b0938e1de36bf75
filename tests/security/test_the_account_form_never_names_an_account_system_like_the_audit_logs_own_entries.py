"""The audit log labels the entries no account made with the actor "system", and the
audit-log page shows and filters by that label; an account named "system" (any case) would
make entries that read as the system's. The import refuses it (accounts.rules.RESERVED_USERNAMES);
the account form must too."""

from netra.accounts.models import User


def test_the_account_form_refuses_the_username_system(client_for, admin, region):
    for name in ("system", "System"):
        response = client_for(admin).post(
            "/akun/pengguna/baru/",
            {
                "username": name,
                "full_name": "Sistem",
                "email": "",
                "office": "",
                "role": "auditor",
                "regions": [region("35.09").pk],
            },
        )
        assert not User.objects.filter(username__iexact="system").exists()
        assert response.context["form"].errors.get("username")
