"""A data-subject request as the public form sends it."""


def request_data(**overrides):
    data = {
        "kind": "access",
        "relation": "reported",
        "receipt": "",
        "region": "35.09",
        "name": "Ahmad Fauzi",
        "contact": "ahmad.fauzi@contoh.id",
        "text": "Saya ingin melihat data tentang saya dalam laporan yang diajukan.",
        "website": "",
    }
    data.update(overrides)
    return data
