"""Classification throughput on one core, normalisation included (goal: 20,000 posts/s for
posts of about 40 words).

    python bench/post_classification.py [--posts 20000] [--words 40]

Posts are stitched from the training corpus's posts to the wanted length.
"""

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from netra.monitoring.nlp.classify import classify, shipped_model  # noqa: E402
from netra.monitoring.nlp.corpus import TRAINING_FILE  # noqa: E402
from netra.monitoring.nlp.train import read_posts  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--words", type=int, default=40)
    args = parser.parse_args()
    rng = random.Random(5)
    sentences = [p["text"] for p in read_posts(TRAINING_FILE)]
    posts = []
    for _ in range(args.posts):
        parts = []
        while sum(len(p.split()) for p in parts) < args.words:
            parts.append(rng.choice(sentences))
        posts.append(" ".join(parts))
    shipped_model()
    for post in posts[:500]:  # warm the caches a long-running worker would have warm
        classify(post)
    started = time.perf_counter()
    for post in posts:
        classify(post)
    seconds = time.perf_counter() - started
    words = sum(len(p.split()) for p in posts) / len(posts)
    print(
        f"{args.posts:,} posts of about {words:.0f} words in {seconds:.2f} s = "
        f"{args.posts / seconds:,.0f} posts/s on one core"
    )


if __name__ == "__main__":
    main()
