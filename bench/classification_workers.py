"""Post classification scaled out: N processes, as N workers would, each ingesting its own
monitoring files (store, group near-duplicates, classify in batches, flag) into one PostgreSQL,
for N = 1, 2 and 4. Prints posts/s per N and the ratio to one process (goal: about N times,
up to the number of cores).

    python bench/classification_workers.py [--posts 4000] [--processes 1 2 4]

Each process takes POSTS / N distinct posts of the training corpus (POSTS at most 4,799), in
files of 500 (one ingest each, as a file import is); the whole pipeline runs, the sentence
encoder included. Every N starts from empty monitoring tables: the same posts again would all
be near-duplicates of the last run's, and nothing would be classified.
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import django_ready, fresh_postgres, netra_env

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
PG_DB = "netra_bench_classification"
FILE = 500


def posts_for(worker, count):
    """COUNT training-corpus posts of their own for WORKER (distinct posts: stitched ones would
    share their near-duplicate bands and measure the grouping instead of the classifier)."""
    from netra.monitoring.nlp.corpus import TRAINING_FILE
    from netra.monitoring.nlp.train import read_posts

    texts = [p["text"] for p in read_posts(TRAINING_FILE)]
    random.Random(7).shuffle(texts)
    first = (worker % 100) * count
    return texts[first : first + count]


def child(worker, count, ready, go):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netra.settings")
    django.setup()
    from netra.monitoring import actions
    from netra.monitoring.inputs import Item
    from netra.monitoring.models import Source
    from netra.monitoring.nlp.classify import classify_many
    from netra.regions.models import Region

    texts = posts_for(worker, count)
    classify_many(texts[:50])  # load the models and the encoder before the clock starts
    region = Region.objects.get(code="35.09")
    Path(ready).touch()
    while not Path(go).exists():
        time.sleep(0.01)
    for start in range(0, count, FILE):
        source = Source.objects.create(name=f"berkas {worker}-{start}", kind="file", region=region)
        items = [
            Item(f"{worker}-{n}", "Patroli", "", f"@akun{n}", None, text)
            for n, text in enumerate(texts[start : start + FILE], start)
        ]
        actions.ingest(source, items)


def empty_monitoring():
    """In a child process: no sources, texts, bands, flags or suggestions left."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netra.settings")
    django.setup()
    from django.db import connection

    from netra.monitoring.models import Flag, NewsSuggestion, Source, Text, TextBand

    tables = ", ".join(m._meta.db_table for m in (Flag, NewsSuggestion, TextBand, Text, Source))
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=4_000)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--child", nargs=4)
    parser.add_argument("--migrate", action="store_true")
    parser.add_argument("--empty", action="store_true")
    args = parser.parse_args()
    if args.migrate:
        return django_ready()
    if args.empty:
        return empty_monitoring()
    if args.child:
        worker, count, ready, go = args.child
        return child(int(worker), int(count), ready, go)
    database = fresh_postgres(PG_DB)
    with tempfile.TemporaryDirectory() as data_dir:
        env = netra_env(data_dir, database)
        subprocess.run([sys.executable, __file__, "--migrate"], env=env, check=True)
        first = None
        for processes in args.processes:
            share = args.posts // processes
            subprocess.run([sys.executable, __file__, "--empty"], env=env, check=True)
            marks = Path(data_dir) / f"marks-{processes}"
            marks.mkdir()
            go = marks / "go"
            children = [
                subprocess.Popen(
                    [
                        sys.executable,
                        __file__,
                        "--child",
                        str(processes * 100 + n),
                        str(share),
                        str(marks / f"ready-{n}"),
                        str(go),
                    ],
                    env=env,
                )
                for n in range(processes)
            ]
            while len(list(marks.glob("ready-*"))) < processes:
                if any(child.poll() not in (None, 0) for child in children):
                    raise SystemExit("a process failed before starting")
                time.sleep(0.05)
            started = time.perf_counter()
            go.touch()
            if any(child.wait() for child in children):
                raise SystemExit("a process failed")
            seconds = time.perf_counter() - started
            rate = share * processes / seconds
            first = first or rate
            print(
                f"{processes} process(es): {share * processes:,} posts in {seconds:.1f} s = "
                f"{rate:,.0f} posts/s ({rate / first:.2f}x one process) on {os.cpu_count()} cores",
                flush=True,
            )


if __name__ == "__main__":
    main()
