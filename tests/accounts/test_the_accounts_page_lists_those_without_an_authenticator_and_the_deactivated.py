from netra.accounts import actions


def test_reset_and_never_enrolled_accounts_are_listed_apart(
    client_for, admin, alice, bob, make_user
):
    never = make_user("nina", "auditor", ["35"], totp=False)
    client = client_for(admin)
    client.post(f"/akun/pengguna/{alice.pk}/reset/second-factor/")
    alice.refresh_from_db()
    assert alice.second_factor_reset_at is not None

    page = client.get("/akun/pengguna/?tampil=tanpa-autentikator")
    listed = [u.username for u in page.context["users"]]
    assert listed == ["alice", "nina"]
    html = page.content.decode()
    assert "diatur ulang" in html and "belum pernah dipasang" in html
    assert "Tanpa autentikator (2)" in html
    assert never.pk and "bob" not in listed


def test_setting_up_the_authenticator_again_takes_the_account_off_the_list(
    client_for, admin, alice
):
    client_for(admin).post(f"/akun/pengguna/{alice.pk}/reset/second-factor/")
    alice.refresh_from_db()
    actions.confirm_second_factor(alice, "JBSWY3DPEHPK3PXP", 1)
    alice.refresh_from_db()
    assert alice.second_factor_reset_at is None
    page = client_for(admin).get("/akun/pengguna/?tampil=tanpa-autentikator")
    assert [u.username for u in page.context["users"]] == []


def test_deactivated_accounts_are_shown_as_such(client_for, admin, alice, bob):
    client = client_for(admin)
    client.post(f"/akun/pengguna/{alice.pk}/mutasi/", {"reason": "Pensiun"})
    page = client.get("/akun/pengguna/?tampil=nonaktif")
    assert [u.username for u in page.context["users"]] == ["alice"]
    everyone = client.get("/akun/pengguna/").content.decode()
    assert "nonaktif" in everyone
    account = client.get(f"/akun/pengguna/{alice.pk}/").content.decode()
    assert "Pensiun" in account and "Aktifkan kembali" in account


def test_the_list_searches_and_pages(client_for, admin, make_user):
    for i in range(55):
        make_user(f"petugas{i:02}", "auditor", ["35"])
    client = client_for(admin)
    first = client.get("/akun/pengguna/")
    assert len(first.context["users"]) == 50 and first.context["page"].paginator.count == 56
    assert len(client.get("/akun/pengguna/?halaman=2").context["users"]) == 6
    found = client.get("/akun/pengguna/?q=petugas07").context["users"]
    assert [u.username for u in found] == ["petugas07"]
    assert client.get("/akun/pengguna/?tampil=apa-saja&halaman=xyz").status_code == 200
