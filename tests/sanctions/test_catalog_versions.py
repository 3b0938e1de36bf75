from netra.audit.models import AuditEntry
from netra.sanctions import rules
from netra.sanctions.catalog import active_catalog
from netra.sanctions.models import CatalogVersion, Recommendation

from ..sanctions_helpers import recommend


def edit(client, code, **fields):
    entry = rules.shipped_catalog().codes[code]
    data = {
        "title_id": entry["title_id"],
        "title_en": entry["title_en"],
        "level": entry["level"],
        "legal_basis": "\n".join(entry["legal_basis"]),
        "note": "Menyesuaikan surat edaran terbaru.",
    }
    data.update(fields)
    return client.post(f"/sanksi/katalog/{code}/", data)


def test_an_edit_makes_a_new_version_that_new_proposals_use(client_for, admin, reference):
    response = edit(client_for(admin), "DIS-08", level="sedang")
    assert response.status_code == 302
    version = CatalogVersion.objects.get()
    assert version.version == "2024.1-r2" and version.created_by == admin
    catalog = active_catalog()
    assert catalog.version == "2024.1-r2" and catalog.codes["DIS-08"]["level"] == "sedang"
    assert AuditEntry.objects.filter(action="catalog.version_created").exists()
    edit(client_for(admin), "DIS-01", title_en="Putting up props")
    assert active_catalog().version == "2024.1-r3"


def test_a_new_version_never_rewrites_a_decided_case(client_for, admin, gita, under_verification):
    recommend(gita, under_verification)  # DIS-07, berat, under the shipped catalog
    edit(client_for(admin), "DIS-07", level="sedang")
    recommendation = Recommendation.objects.get()
    assert (recommendation.catalog_version, recommendation.level) == ("2024.1", "berat")
    assert recommendation.codes == ["DIS-07"]


def test_an_edit_without_a_reason_or_with_a_bad_level_is_refused(client_for, admin, reference):
    page = edit(client_for(admin), "DIS-08", note="").content.decode()
    assert "Bidang ini tidak boleh kosong." in page
    edit(client_for(admin), "DIS-08", level="sangat-berat")
    assert not CatalogVersion.objects.exists()


def test_everyone_reads_the_catalog_and_only_the_administrator_edits_it(
    client_for, alice, admin, reference
):
    page = client_for(alice).get("/sanksi/katalog/").content.decode()
    assert "ETIK-01" in page and "P5N-7" in page
    assert 'href="/sanksi/katalog/ETIK-01/"' not in page
    assert client_for(alice).get("/sanksi/katalog/ETIK-01/").status_code == 404
    assert client_for(admin).get("/sanksi/katalog/NOPE-1/").status_code == 404
