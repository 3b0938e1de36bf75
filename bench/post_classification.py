"""Classification throughput on one core, normalisation included, in the worker's batches
(goals: the fast path alone at least 5,000 posts/s; the whole pipeline, with the sentence
encoder asked about the posts the fast path is unsure of, at least 300 posts/s), for posts of
about 40 words.

    python bench/post_classification.py [--posts 20000] [--words 40] [--batch 256]

Posts are stitched from the training corpus's posts to the wanted length. The encoder is
pinned to one thread; run under `taskset -c 0` to keep NumPy to one core as well.
"""

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from netra.monitoring.nlp.classify import classify_many, shipped_model  # noqa: E402
from netra.monitoring.nlp.corpus import TRAINING_FILE  # noqa: E402
from netra.monitoring.nlp.train import read_posts  # noqa: E402


def timed(posts, model, batch):
    started = time.perf_counter()
    asked = 0
    for start in range(0, len(posts), batch):
        results = classify_many(posts[start : start + batch], model)
        asked += sum(1 for result in results if result.second_stage)
    return time.perf_counter() - started, asked


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--words", type=int, default=40)
    parser.add_argument("--batch", type=int, default=256)
    args = parser.parse_args()
    rng = random.Random(5)
    sentences = [p["text"] for p in read_posts(TRAINING_FILE)]
    posts = []
    for _ in range(args.posts):
        parts = []
        while sum(len(p.split()) for p in parts) < args.words:
            parts.append(rng.choice(sentences))
        posts.append(" ".join(parts))
    model = shipped_model()
    words = sum(len(p.split()) for p in posts) / len(posts)
    classify_many(posts[:300], model)  # warm: the encoder loads, the caches fill
    for name, chosen in (("fast path alone", model.fast_only()), ("whole pipeline", model)):
        seconds, asked = timed(posts, chosen, args.batch)
        print(
            f"{name}: {args.posts:,} posts of about {words:.0f} words in {seconds:.2f} s = "
            f"{args.posts / seconds:,.0f} posts/s on one core; "
            f"{asked:,} ({asked / args.posts:.1%}) asked the encoder"
        )


if __name__ == "__main__":
    main()
