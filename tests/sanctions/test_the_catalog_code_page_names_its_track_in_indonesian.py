"""The catalog's code page headed "ETIK-01 ethics": the track's internal name, in English."""


def test_the_heading_names_the_track_in_indonesian(client_for, admin):
    page = client_for(admin).get("/sanksi/katalog/ETIK-01/").content.decode()
    heading = page[page.index("<h1>") : page.index("</h1>")]
    assert "pelanggaran kode etik" in heading
    assert "ethics" not in heading
