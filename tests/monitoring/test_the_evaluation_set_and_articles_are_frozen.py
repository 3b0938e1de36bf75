"""The evaluation posts and news articles were written apart and frozen on 2026-12-07, before
any model work: a change to them (a relabel, a post dropped because the model misses it)
changes these digests and must be argued in review, never slipped in."""

import hashlib
import json
from datetime import date

from netra.monitoring.nlp.classify import DATA
from netra.monitoring.nlp.corpus import EVALUATION_FILE

POSTS_SHA256 = "989b09df40c73bdc87e32216309dcc74d1d28933372ce6fd9d02cb42d2b3872d"
ARTICLES_SHA256 = "5167de732c61598f524030bdf3ceb5f9c937fc98b7c7027081282fb233862898"
ARTICLES = DATA / "news-eval"


def test_the_evaluation_posts_are_the_ones_frozen():
    assert hashlib.sha256(EVALUATION_FILE.read_bytes()).hexdigest() == POSTS_SHA256


def test_the_news_articles_and_their_gold_are_the_ones_frozen():
    digest = hashlib.sha256()
    for path in sorted(ARTICLES.iterdir()):
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    assert digest.hexdigest() == ARTICLES_SHA256


def test_every_article_has_a_gold_annotation_in_the_extractors_format():
    articles = sorted(ARTICLES.glob("*.txt"))
    assert len(articles) >= 40
    for article in articles:
        gold = json.loads(article.with_suffix(".json").read_text(encoding="utf-8"))
        date.fromisoformat(gold["published"])
        assert set(gold) == {"published", "regions", "activities", "regulations", "people"}
        for activity in gold["activities"]:
            assert activity["type"] in {"circular", "outreach", "declaration", "rally"}
            assert activity["mode"] in {None, "offline", "online", "hybrid"}
        assert all(set(person) == {"name", "title"} for person in gold["people"])
