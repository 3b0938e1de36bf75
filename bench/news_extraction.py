"""News extraction throughput: articles per second on one core (goal: at least 200).

    python bench/news_extraction.py [--articles 2000]

Articles are built from the test articles (tests/monitoring/articles), their sentences
shuffled and repeated to about 450 words each, the length of a regional news story.
"""

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from netra.monitoring.nlp.news import extract  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2_000)
    args = parser.parse_args()
    rng = random.Random(11)
    lines = [
        line
        for path in sorted((ROOT / "tests/monitoring/articles").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()[1:]
        if line.strip()
    ]
    articles = []
    for _ in range(args.articles):
        body = []
        while sum(len(line.split()) for line in body) < 450:
            body.append(rng.choice(lines))
        articles.append("Judul berita netralitas ASN\n" + "\n".join(body))
    extract(articles[0], date(2024, 10, 16))  # compile the patterns before timing
    started = time.perf_counter()
    found = 0
    for article in articles:
        found += len(extract(article, date(2024, 10, 16))["activities"])
    seconds = time.perf_counter() - started
    words = sum(len(a.split()) for a in articles) / len(articles)
    print(
        f"{args.articles:,} articles of about {words:.0f} words in {seconds:.1f} s = "
        f"{args.articles / seconds:,.0f} articles/s ({found:,} activities found)"
    )


if __name__ == "__main__":
    main()
