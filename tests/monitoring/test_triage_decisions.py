from netra.cases.models import Case
from netra.monitoring import actions
from netra.monitoring.inputs import Item
from netra.monitoring.models import Flag, Source
from netra.monitoring.nlp import train
from netra.monitoring.nlp.corpus import TRAINING_FILE


def flagged(region):
    source = Source.objects.create(name="Patroli", kind="file", region=region)
    actions.ingest(
        source,
        [
            Item(
                "1",
                "Patroli",
                "https://x.test/1",
                "@guru",
                None,
                "Foto bareng Pak Bambang pose dua jari, coblos nomor 2!",
            )
        ],
    )
    return Flag.objects.get()


def test_a_flag_becomes_a_finding_with_the_post_as_evidence(client_for, alice, region):
    flag = flagged(region("35.09"))
    response = client_for(alice).post(
        f"/pemantauan/tanda/{flag.pk}/temuan/", {"election": "pilkada-2024"}
    )
    case = Case.objects.get()
    assert response.url == f"/kasus/{case.pk}/"
    assert case.source == "finding" and "https://x.test/1" in case.summary
    attachment = case.attachments.get()
    assert attachment.content_type == "application/pdf"
    flag.refresh_from_db()
    assert (flag.status, flag.case, flag.training_label) == ("finding", case, "partisan_support")


def test_a_dismissal_keeps_the_reason_and_the_label_for_retraining(client_for, alice, region):
    flag = flagged(region("35.09"))
    officer = client_for(alice)
    officer.post(
        f"/pemantauan/tanda/{flag.pk}/abaikan/",
        {"reason": "Foto lama sebelum menjadi ASN", "label": "unrelated"},
    )
    flag.refresh_from_db()
    assert (flag.status, flag.training_label) == ("dismissed", "unrelated")
    page = officer.post(f"/pemantauan/tanda/{flag.pk}/temuan/", {}, follow=True)
    assert "sudah memutuskan" in page.content.decode() and not Case.objects.exists()


def test_strangers_cannot_see_or_decide_flags(client_for, charlie, fajar, region):
    flag = flagged(region("35.09"))
    assert client_for(charlie).post(f"/pemantauan/tanda/{flag.pk}/temuan/").status_code == 404
    assert client_for(fajar).get("/pemantauan/").status_code == 404
    assert b"Bambang" not in client_for(charlie).get("/pemantauan/").content


def test_an_administrator_edits_the_elections_gazetteer_and_new_posts_use_it(
    client_for, admin, alice, region
):
    from netra.monitoring.models import ElectionGazetteer, Text

    admin_client = client_for(admin)
    page = admin_client.post(
        "/pemantauan/gazetir/pilkada-2024/",
        {
            "candidates": "Wahyu Kencana",
            "ballot_patterns": "nomor (",
            "slogans": "",
            "hashtags": "",
            "gestures": "",
        },
    ).content.decode()
    assert "nomor (" in page and not ElectionGazetteer.objects.exists()
    admin_client.post(
        "/pemantauan/gazetir/pilkada-2024/",
        {
            "candidates": "Wahyu Kencana",
            "ballot_patterns": "",
            "slogans": "Kencana Menyala",
            "hashtags": "#kencanamenyala",
            "gestures": "",
        },
    )
    assert ElectionGazetteer.objects.get().data["candidates"] == ["wahyu kencana"]
    source = Source.objects.create(name="Patroli", kind="file", region=region("35.09"))
    actions.ingest(
        source, [Item("k1", "Patroli", "", "", None, "Ayo dukung Wahyu Kencana, Kencana Menyala!")]
    )
    assert Text.objects.get().label == "partisan_support"
    assert client_for(alice).get("/pemantauan/gazetir/pilkada-2024/").status_code == 404


def test_the_api_takes_the_same_decisions_with_the_same_rules(client_for, alice, charlie, region):
    flag = flagged(region("35.09"))
    api = client_for(alice)
    refused = api.post(
        f"/api/v1/monitoring/flags/{flag.pk}/dismiss",
        {"reason": "", "label": "unrelated"},
        content_type="application/json",
    )
    assert refused.status_code == 400 and "alasan" in refused.json()["detail"]
    assert (
        client_for(charlie)
        .post(f"/api/v1/monitoring/flags/{flag.pk}/finding", {}, content_type="application/json")
        .status_code
        == 404
    )
    made = api.post(
        f"/api/v1/monitoring/flags/{flag.pk}/finding",
        {"election": "pilkada-2024"},
        content_type="application/json",
    )
    assert made.status_code == 200 and made.json()["status"] == "finding"
    assert made.json()["case_id"] == Case.objects.get().pk


def test_triage_labels_join_the_training_data(
    client_for, alice, region, tmp_path, monkeypatch, capsys
):
    from netra.cli import main

    flag = flagged(region("35.09"))
    actions.dismiss(alice, flag, reason="Bukan ASN", label="neutrality_related")
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path))
    output = tmp_path / "model.npz"
    # A small corpus: the suite never trains the whole model (minutes with the encoder).
    small = tmp_path / "corpus.jsonl"
    small.write_text("".join(TRAINING_FILE.read_text(encoding="utf-8").splitlines(True)[::40]))
    argv = ["--include-decisions", "--corpus", str(small), "--output", str(output)]
    assert main(["monitor", "train", *argv]) == 0
    out = capsys.readouterr().out
    corpus = len(train.read_posts(small))
    assert f"dengan {corpus + 1} unggahan" in out  # the corpus and the one decision
    assert output.exists()
