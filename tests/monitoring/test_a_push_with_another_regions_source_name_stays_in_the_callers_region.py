"""A source name belongs to one region: a Jember officer who uses the name of Kota Jambi's
source gets a Jember source of that name, and nothing reaches Kota Jambi's queue."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from netra.audit.models import AuditEntry
from netra.monitoring.models import Flag, Source, Text

PARTISAN = "Foto bareng Pak Bambang pose dua jari, ayo coblos nomor urut 2!"


def push(client, source, region=None, text=PARTISAN, text_id="p1"):
    body = {"source": source, "texts": [{"id": text_id, "text": text, "author": "@guru"}]}
    if region is not None:
        body["region"] = region
    return client.post("/api/v1/monitoring/texts", body, content_type="application/json")


def test_it_keeps_a_jember_push_in_jember_when_it_uses_kota_jambis_source_name(
    client_for, alice, charlie, region
):
    jambi = Source.objects.create(name="Patroli siber", kind="api", region=region("15.71"))
    response = push(client_for(alice), "Patroli siber")
    assert response.status_code == 200 and response.json()["flags"] == 1
    (flag,) = Flag.objects.all()
    assert flag.region.code == "35.09"
    assert flag.text.source != jambi and flag.text.source.region.code == "35.09"
    assert not Text.objects.filter(source=jambi).exists()
    assert client_for(charlie).get("/api/v1/monitoring/flags").json() == []
    assert Source.objects.filter(name="Patroli siber").count() == 2
    assert AuditEntry.objects.filter(action="monitoring.source_added", region_code="35.09").exists()


def test_it_keeps_a_file_import_and_a_feed_of_the_same_name_in_the_uploaders_region(
    client_for, alice, region, django_capture_on_commit_callbacks, monkeypatch
):
    from netra.monitoring import fetch

    monkeypatch.setattr(fetch, "resolve", lambda host, port: ["93.184.216.34"])
    Source.objects.create(name="Patroli siber", kind="file", region=region("15.71"))
    Source.objects.create(
        name="Berita daerah", kind="feed", url="https://jambi.test/rss", region=region("15.71")
    )
    officer = client_for(alice)
    data = json.dumps({"id": "f1", "text": PARTISAN}).encode()
    with django_capture_on_commit_callbacks(execute=True):
        officer.post(
            "/pemantauan/impor/",
            {"source": "Patroli siber", "file": SimpleUploadedFile("posts.jsonl", data)},
        )
    officer.post("/pemantauan/sumber/", {"name": "Berita daerah", "url": "https://jember.test/"})
    assert Flag.objects.get().region.code == "35.09"
    jember = Source.objects.filter(region__code="35.09")
    assert sorted(jember.values_list("name", "kind")) == [
        ("Berita daerah", "feed"),
        ("Patroli siber", "file"),
    ]
    assert (
        Source.objects.get(name="Berita daerah", region__code="15.71").url
        == "https://jambi.test/rss"
    )


def test_it_asks_a_caller_with_several_regions_to_choose_one(client_for, make_user, region):
    both = make_user("wulan", "bawaslu_regency", ["35.09", "15.71"])
    officer = client_for(both)
    refused = push(officer, "Patroli siber")
    assert refused.status_code == 400 and "wilayah" in refused.json()["detail"]
    assert not Source.objects.exists() and not Text.objects.exists()
    assert push(officer, "Patroli siber", region="15.71").status_code == 200
    assert Flag.objects.get().region.code == "15.71"
    page = officer.post(
        "/pemantauan/sumber/", {"name": "Berita", "url": "https://a.test/"}, follow=True
    ).content.decode()
    assert "Pilih wilayah tempat teks-teks ini berasal" in page
    assert not Source.objects.filter(kind="feed").exists()


def test_a_national_officer_names_the_region_and_a_regional_one_cannot_name_another(
    client_for, make_user, alice
):
    national = client_for(make_user("eko", "bawaslu_ri"))
    assert push(national, "Patroli pusat").status_code == 400
    assert push(national, "Patroli pusat", region="15.71").status_code == 200
    assert Source.objects.get().region.code == "15.71"
    assert push(client_for(alice), "Patroli pusat", region="15.71", text_id="p2").status_code == 404
    assert push(client_for(alice), "Patroli pusat", region="99.99", text_id="p2").status_code == 404
    assert Text.objects.count() == 1
