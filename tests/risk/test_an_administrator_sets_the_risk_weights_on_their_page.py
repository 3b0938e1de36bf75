"""The weights page shows the weights in force with their source, keeps new ones with the
administrator's note, and refuses a weight out of range or all weights at zero, keeping
what was typed."""

from netra.risk.models import RiskWeights
from netra.risk.score import COMPONENTS


def _weights(**given):
    return {name: given.get(name, "1") for name in COMPONENTS}


def test_new_weights_are_kept_and_shown(client_for, admin):
    client = client_for(admin)
    page = client.get("/staf/risiko/bobot/").content.decode()
    assert "Indeks kerawanan (IKP)" in page or "IKP" in page
    answer = client.post("/staf/risiko/bobot/", {**_weights(ikp="4"), "note": "Uji"})
    assert answer.status_code == 302
    assert RiskWeights.objects.get().weights["ikp"] == 4.0
    assert "Uji" in client.get("/staf/risiko/bobot/").content.decode()


def test_bad_weights_are_refused_and_what_was_typed_is_kept(client_for, admin):
    client = client_for(admin)
    page = client.post("/staf/risiko/bobot/", {**_weights(ikp="-3"), "note": "Catatan saya"})
    assert page.status_code == 200 and "Catatan saya" in page.content.decode()
    zero = {name: "0" for name in COMPONENTS}
    page = client.post("/staf/risiko/bobot/", zero).content.decode()
    assert "setidaknya satu bobot" in page
    assert not RiskWeights.objects.exists()
