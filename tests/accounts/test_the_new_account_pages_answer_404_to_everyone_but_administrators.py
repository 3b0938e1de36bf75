import pytest


@pytest.mark.parametrize("persona", ["alice", "dewi", "fajar", "gita", "hadi", "wulan"])
def test_every_new_account_page_is_404_for_other_roles(client_for, request, persona, bob):
    client = client_for(request.getfixturevalue(persona))
    assert client.get("/akun/pengguna/impor/").status_code == 404
    assert client.post("/akun/pengguna/impor/", {}).status_code == 404
    assert client.get("/akun/pengguna/?tampil=tanpa-autentikator").status_code == 404
    assert client.get(f"/akun/pengguna/{bob.pk}/mutasi/").status_code == 404
    assert client.post(f"/akun/pengguna/{bob.pk}/mutasi/", {"reason": "x"}).status_code == 404
    assert client.post(f"/akun/pengguna/{bob.pk}/aktifkan/").status_code == 404
    assert client.post(f"/akun/pengguna/{bob.pk}/tautan/").status_code == 404
    bob.refresh_from_db()
    assert bob.is_active


def test_signed_out_visitors_are_sent_to_sign_in(client, bob):
    for path in ("/akun/pengguna/impor/", f"/akun/pengguna/{bob.pk}/mutasi/"):
        assert client.get(path)["Location"].startswith("/akun/masuk/")


def test_an_unknown_account_is_404_for_the_administrator(client_for, admin):
    client = client_for(admin)
    assert client.get("/akun/pengguna/999999/mutasi/").status_code == 404
    assert client.post("/akun/pengguna/999999/aktifkan/").status_code == 404


def test_an_auditor_who_reads_everything_still_gets_404(client_for, make_user, bob):
    auditor = client_for(make_user("ani", "auditor", ["35"]))
    assert auditor.get("/akun/pengguna/impor/").status_code == 404
    assert auditor.get(f"/akun/pengguna/{bob.pk}/mutasi/").status_code == 404
