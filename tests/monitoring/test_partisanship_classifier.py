"""The partisanship classifier (pure) and the `netra monitor` contracts."""

import json

import numpy as np
import pytest

from netra.monitoring.nlp import train
from netra.monitoring.nlp.classify import LABELS, MODEL_FILE, classify
from netra.monitoring.nlp.corpus import EVALUATION_FILE, FAMILIES, TRAINING_FILE
from netra.monitoring.nlp.model import Model


@pytest.mark.parametrize(
    "text, label",
    [
        ("Ayo coblos nomor urut 2, salam dua jari!", "partisan_support"),
        ("Share postingan Pak Bambang ke grup kantor ya rek #BambangSari", "partisan_support"),
        (
            "Undangan silaturahmi bersama Hadi Wulan Sabtu di balai desa, ASN wajib hadir",
            "partisan_support",
        ),
        ("ASN jangan ikut-ikutan dukung paslon", "neutrality_related"),
        ("Ingat, PNS dilarang foto dengan salam dua jari bersama calon", "neutrality_related"),
        ("Jangan lupa datang ke TPS tanggal 27 November", "neutrality_related"),
        ("Antrian di loket nomor 2 lama banget", "unrelated"),
        ("Dukung timnas sampai juara!", "unrelated"),
    ],
)
def test_posts_across_registers_get_their_label(text, label):
    assert classify(text).label == label


def test_the_evidence_spans_point_at_what_the_author_wrote():
    text = "Foto bareng Pak Bambang pose dua jari, mantap"
    result = classify(text)
    shown = {text[start:end] for start, end in result.evidence}
    assert {"Bambang", "pose dua jari", "Foto"} <= shown
    assert result.codes == ("DIS-07",)


def test_codes_follow_the_candidate_determination():
    text = "Like dan share akun Bambang Sari ya"
    assert classify(text).codes == ("DIS-06",)
    assert classify(text, before_determination=True).codes == ("ETIK-04",)


def test_training_is_reproducible(tmp_path):
    posts = train.read_posts(TRAINING_FILE)[::10]
    train.train(posts, second_stage=False).save(tmp_path / "first.npz")
    train.train(posts, second_stage=False).save(tmp_path / "second.npz")
    with np.load(tmp_path / "first.npz") as first, np.load(tmp_path / "second.npz") as second:
        assert sorted(first.files) == sorted(second.files)
        assert all(np.array_equal(first[name], second[name]) for name in first.files)


def test_the_shipped_model_loads_without_running_code_and_says_what_it_was_trained_on():
    model = Model.load(MODEL_FILE)  # allow_pickle=False: plain arrays only
    assert model.version == f"trained on {len(train.read_posts(TRAINING_FILE))} posts"
    assert set(model.families) == set(FAMILIES)


@pytest.mark.django_db
def test_the_classify_command_prints_one_line_per_post(tmp_path, capsys):
    from netra.cli import main

    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        '{"id": "a", "text": "Coblos 02 ya ✌"}\n\n'
        '{"id": "b", "text": "Hari ini hujan", "published": "2024-10-01"}\n'
    )
    assert main(["monitor", "classify", str(posts), "--election", "pilkada-2024"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert lines[0]["label"] == "partisan_support" and lines[1]["label"] == "unrelated"
    assert set(lines[0]) == {"id", "label", "codes", "score", "evidence"}


@pytest.mark.parametrize(
    "content, argv, says",
    [
        ('{"text": "tanpa id"}\n', [], "line 1"),
        ("not json\n", [], "line 1"),
        ('{"id": "a", "text": "x"}\n', ["--election", "pemilu-1955"], "unknown election"),
    ],
)
@pytest.mark.django_db
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, content, argv, says):
    from netra.cli import main

    posts = tmp_path / "posts.jsonl"
    posts.write_text(content)
    assert main(["monitor", "classify", str(posts), *argv]) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1


@pytest.fixture
def small_sets(tmp_path):
    """A few hundred posts of each file: the command's output, not the figures, is tested
    here (the figures come from `netra monitor evaluate` on the whole files)."""
    corpus, evaluation = tmp_path / "corpus.jsonl", tmp_path / "evaluation.jsonl"
    corpus.write_text("".join(TRAINING_FILE.read_text(encoding="utf-8").splitlines(True)[::12]))
    evaluation.write_text(
        "".join(EVALUATION_FILE.read_text(encoding="utf-8").splitlines(True)[::4])
    )
    return ["--corpus", str(corpus), "--evaluation", str(evaluation), "--fast-only"]


def test_the_evaluate_command_prints_the_frozen_set_beside_cross_validation(capsys, small_sets):
    from netra.cli import main

    assert main(["monitor", "evaluate", *small_sets]) == 0
    out = capsys.readouterr().out
    assert "Set evaluasi (evaluation.jsonl)" in out and "Validasi silang 5 lipatan" in out
    assert all(label in out for label in LABELS) and "macro-F1" in out
    assert "presisi / recall" in out and "Matriks kebingungan" in out
    assert "Tahap kedua (penyandi kalimat): ditanya untuk" in out


def test_the_evaluate_command_gives_its_figures_as_json(capsys, small_sets):
    from netra.cli import main

    assert main(["monitor", "evaluate", "--json", *small_sets]) == 0
    figures = json.loads(capsys.readouterr().out)
    evaluation = train.read_posts(small_sets[small_sets.index("--evaluation") + 1])
    assert sum(figures["frozen"][label]["support"] for label in LABELS) == len(evaluation)
    assert figures["frozen"]["family"]["of"] == sum(
        1 for post in evaluation if post["label"] == "partisan_support"
    )
    assert 0 <= figures["cross_validation"]["macro_f1"] <= 1
    assert [point["threshold"] for point in figures["frozen"]["curve"]][:2] == [0.05, 0.1]


@pytest.mark.parametrize(
    "option, content, says",
    [
        ("--model", "{not a model", "tidak dapat dibaca"),
        ("--evaluation", '{"id": "a", "text": "x", "label": "lain"}\n', "line 1"),
        ("--corpus", "", "tidak ada unggahan"),
    ],
)
def test_an_unreadable_file_is_refused_with_one_line(tmp_path, capsys, option, content, says):
    from netra.cli import main

    broken = tmp_path / "given"
    broken.write_text(content)
    assert main(["monitor", "evaluate", option, str(broken)]) != 0
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1
