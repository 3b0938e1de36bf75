"""The second stage: the bundled sentence encoder is asked only about the posts whose highest
fast-path probability is within the model's band, and its answer is averaged in."""

import numpy as np

from netra.monitoring.nlp import encoder, train
from netra.monitoring.nlp.classify import LABELS, classify_many, shipped_model
from netra.monitoring.nlp.corpus import EVALUATION_FILE


def test_the_shipped_model_carries_a_second_stage_for_a_few_percent_of_posts():
    model = shipped_model()
    assert model.encoder_coef.shape == (len(LABELS), encoder.DIMENSIONS)
    assert 0.4 < model.encoder_band < 0.8
    texts = [post["text"] for post in train.read_posts(EVALUATION_FILE)[::5]]
    results = classify_many(texts)
    asked = [result for result in results if result.second_stage]
    assert 0 < len(asked) < len(texts) * 0.15
    fast = model.fast_only()
    assert not any(result.second_stage for result in classify_many(texts, fast))


def test_the_answer_for_an_unsure_post_averages_both_stages():
    model = shipped_model()
    probabilities = np.array([[0.4, 0.35, 0.25]], dtype=np.float32)
    assert model.unsure(probabilities).tolist() == [True]
    embedding = encoder.embed(["Ayo ramaikan acara Bu Ratna besok, bawa keluarga ya"])
    mixed = model.second_opinion(probabilities, embedding)
    assert np.isclose(mixed.sum(), 1.0) and not np.allclose(mixed, probabilities)


def test_embeddings_are_unit_length_and_need_no_network(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    vectors = encoder.embed(["Cek DPT kalian ya", "Dukung timnas sampai juara"])
    assert vectors.shape == (2, encoder.DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
