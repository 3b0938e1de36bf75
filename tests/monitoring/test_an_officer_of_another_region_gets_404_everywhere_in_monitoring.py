"""Every monitoring page and API operation, tried by Kota Jambi's officers against Jember's
objects, answers 404 and changes nothing; Jember's own officers get 200 on the same objects.
The walk fails when a URL or an API operation is added without a case here."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from netra.monitoring import actions, fetch
from netra.monitoring.inputs import Item
from netra.monitoring.models import (
    AuthorHandle,
    ElectionGazetteer,
    Flag,
    NewsSuggestion,
    Source,
    Text,
)
from netra.regions.models import Election

ARTICLE = (Path(__file__).resolve().parent / "articles" / "jember-sosialisasi.txt").read_text()
POSTS = [
    "Ayo coblos nomor urut 2 bersama Pak Bambang, salam dua jari! Share ke grup kantor",
    "Foto bareng Pak Bambang pose dua jari, coblos nomor 2!",
    "Like dan share akun Bambang Sari ya, pilih paslon 2 di TPS",
    "Kepala dinas kampanye untuk Pak Bambang, dukung paslon nomor urut 2 sampai menang",
]


@pytest.fixture
def jember(region, monkeypatch, admin):
    """Jember's monitoring objects: four open flags, a news suggestion, a source. The election's
    gazetteer lists its candidate, as an administrator sets it up before patrols begin."""
    monkeypatch.setattr(fetch, "resolve", lambda host, port: ["93.184.216.34"])
    ElectionGazetteer.objects.create(
        election=Election.objects.get(code="pilkada-2024"),
        data={"candidates": ["bambang sari", "pak bambang"]},
        updated_by=admin,
    )
    patrol = Source.objects.create(name="Patroli Jember", kind="api", region=region("35.09"))
    actions.ingest(
        patrol,
        [
            Item(str(n), "", f"https://x.test/jember/{n}", "@guru", None, text)
            for n, text in enumerate(POSTS)
        ],
    )
    news = Source.objects.create(
        name="Berita Jember", kind="feed", url="https://b.test/rss", region=region("35.09")
    )
    actions.ingest(news, [Item("a1", "", "https://b.test/1", "", None, ARTICLE)])
    flags = list(Flag.objects.order_by("pk"))
    assert len(flags) == 4 and {f.region.code for f in flags} == {"35.09"}
    return {"flags": flags, "suggestion": NewsSuggestion.objects.get()}


def upload():
    return {
        "source": "Patroli",
        "region": "35.09",
        "file": SimpleUploadedFile(
            "p.jsonl", b'{"id": "u1", "text": "Makan rawon dulu sebelum rapat"}'
        ),
    }


def web(url, data=None):
    return ("web", url, data)


def api(url, body=None):
    return ("api", url, body)


# name -> (how to call it with the Jember objects, who tries it from Kota Jambi, who owns it)
OPERATIONS = {
    "queue": (lambda o: web("/pemantauan/"), "charlie", "alice"),
    "dismiss": (
        lambda o: web(
            f"/pemantauan/tanda/{o['flags'][0].pk}/abaikan/",
            {"reason": "Foto lama", "label": "unrelated"},
        ),
        "charlie",
        "alice",
    ),
    "finding": (
        lambda o: web(
            f"/pemantauan/tanda/{o['flags'][1].pk}/temuan/", {"election": "pilkada-2024"}
        ),
        "charlie",
        "alice",
    ),
    "upload": (lambda o: web("/pemantauan/impor/", upload()), "charlie", "alice"),
    "add_feed": (
        lambda o: web(
            "/pemantauan/sumber/",
            {"name": "Berita baru", "url": "https://baru.test/rss", "region": "35.09"},
        ),
        "charlie",
        "alice",
    ),
    "add_handle": (
        lambda o: web(
            "/pemantauan/akun/", {"handle": "guru", "nip": "198001012005012002", "region": "35.09"}
        ),
        "charlie",
        "alice",
    ),
    "suggestions": (lambda o: web("/pemantauan/berita/"), "citra", "fajar"),
    "decide_suggestion": (
        lambda o: web(f"/pemantauan/berita/{o['suggestion'].pk}/", {"confirm": "1"}),
        "citra",
        "fajar",
    ),
    "gazetteer": (lambda o: web("/pemantauan/gazetir/pilkada-2024/"), "charlie", "admin"),
    "push_texts": (
        lambda o: api(
            "/api/v1/monitoring/texts",
            {
                "source": "Patroli Jember",
                "region": "35.09",
                "texts": [{"id": "x1", "text": "Makan rawon dulu sebelum rapat"}],
            },
        ),
        "charlie",
        "alice",
    ),
    "list_flags": (lambda o: api("/api/v1/monitoring/flags"), "charlie", "alice"),
    "dismiss_flag": (
        lambda o: api(
            f"/api/v1/monitoring/flags/{o['flags'][2].pk}/dismiss",
            {"reason": "Bukan ASN", "label": "unrelated"},
        ),
        "charlie",
        "alice",
    ),
    "flag_to_finding": (
        lambda o: api(
            f"/api/v1/monitoring/flags/{o['flags'][3].pk}/finding", {"election": "pilkada-2024"}
        ),
        "charlie",
        "alice",
    ),
}
LISTS = {"queue", "suggestions", "list_flags"}  # they exist for everyone: Jember's part does not


def call(client, how):
    kind, url, data = how
    if kind == "api":
        if data is None:
            return client.get(url)
        return client.post(url, data, content_type="application/json")
    if data is None:
        return client.get(url)
    return client.post(url, data, follow=True)


def state():
    return (
        sorted(Flag.objects.values_list("pk", "status", "employee")),
        sorted(NewsSuggestion.objects.values_list("pk", "status")),
        sorted(Source.objects.values_list("pk", "name", "region__code")),
        Text.objects.count(),
        AuthorHandle.objects.count(),
    )


def test_the_walk_covers_every_monitoring_url_and_api_operation():
    from netra.monitoring.api import router
    from netra.monitoring.urls import urlpatterns

    operations = {
        op.view_func.__name__ for view in router.path_operations.values() for op in view.operations
    }
    assert {pattern.name for pattern in urlpatterns} | operations == set(OPERATIONS)


def test_kota_jambis_officers_get_404_on_jember_objects_and_jembers_get_200(
    jember, client_for, make_user, alice, charlie, fajar, admin, employee_factory
):
    employee_factory("Siti Aminah", nip="198001012005012002")
    people = {
        "alice": alice,
        "charlie": charlie,
        "fajar": fajar,
        "admin": admin,
        "citra": make_user("citra", "bkpsdm", ["15.71"]),
    }
    jember_texts = ["https://x.test/jember/", "800/6516/35.09/2024"]
    before = state()
    for name, (how, stranger, _owner) in OPERATIONS.items():
        response = call(client_for(people[stranger]), how(jember))
        if name in LISTS:
            assert response.status_code == 200, name
            assert not any(text in response.content.decode() for text in jember_texts), name
        else:
            assert response.status_code == 404, name
    assert state() == before  # nothing was written by a stranger
    for name, (how, _stranger, owner) in OPERATIONS.items():
        response = call(client_for(people[owner]), how(jember))
        assert response.status_code == 200, name
        if name in LISTS:
            assert any(text in response.content.decode() for text in jember_texts), name
    assert Flag.objects.filter(status="open").count() == 0
    assert NewsSuggestion.objects.get().status == "confirmed"
    assert Source.objects.filter(region__code="35.09").count() == 4
    assert AuthorHandle.objects.get().region.code == "35.09"
