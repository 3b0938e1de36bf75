"""News extraction on the frozen articles (src/netra/monitoring/data/news-eval/): recall of
people, dated activities, regulations and circular numbers, and the names taken for people
that are not people (goals: recall at least 0.85 each, no false people).

    python bench/news_extraction_recall.py [--missed]

The articles were written apart from the extractor and are frozen: read the misses to learn
what kind of text fails, never to tune on a particular article.
"""

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from netra.monitoring.nlp.classify import DATA  # noqa: E402
from netra.monitoring.nlp.news import extract  # noqa: E402
from netra.monitoring.nlp.news_scoring import NewsScore  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--missed", action="store_true", help="list what was missed")
    args = parser.parse_args()
    score = NewsScore()
    articles = sorted((DATA / "news-eval").glob("*.txt"))
    for article in articles:
        gold = json.loads(article.with_suffix(".json").read_text(encoding="utf-8"))
        found = extract(article.read_text(encoding="utf-8"), date.fromisoformat(gold["published"]))
        score.add(article.stem, gold, found)
    print(f"{len(articles)} frozen articles")
    for name in ("people", "activities", "regulations", "circulars"):
        tally = getattr(score, name)
        print(f"{name:12s} {tally.found:4d} of {tally.of:4d}  recall {tally.recall:.3f}")
        if args.missed:
            for item in tally.missed:
                print(f"    missed {item}")
    print(f"false people {len(score.false_people)}")
    if args.missed:
        for item in score.false_people:
            print(f"    {item}")


if __name__ == "__main__":
    main()
