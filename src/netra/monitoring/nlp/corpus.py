"""The labelled posts of the monitoring corpus (pure): reading and checking their lines, and
counting them the way the datasheet reports them.

A post is one JSON object a line: id, text, label, family (partisan posts only), register,
platform, and optional tags. The guideline (docs/monitoring/labels.md) says what each value
means; the families are the violation catalog's kinds, so the codes always come from there.
"""

import json
from collections import Counter
from dataclasses import dataclass

from netra.sanctions.rules import KINDS

from .classify import DATA, LABELS
from .similarity import highest_against, similar_pairs

TRAINING_FILE = DATA / "posts-train.jsonl"
EVALUATION_FILE = DATA / "posts-eval.jsonl"
DATASHEET_FILE = DATA / "posts-datasheet.md"

REGISTERS = ("formal", "casual", "alay", "jawa", "sunda", "madura", "minang", "betawi", "english")
PLATFORMS = ("facebook", "instagram", "whatsapp", "tiktok", "x")
TAGS = ("hard_negative", "sarcasm", "negation", "coded")


#: The conduct families: the catalog's kinds, in its order.
FAMILIES = KINDS


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def __str__(self):
        return f"line {self.line}: {self.message}"


def problems_of(post, line):
    """What is wrong with one post, as Problems (none when it is well formed)."""
    if not isinstance(post, dict):
        return [Problem(line, "not a JSON object")]
    found = []
    for key in ("id", "text", "label", "register", "platform"):
        if not isinstance(post.get(key), str) or not post[key].strip():
            found.append(Problem(line, f"{key} is missing or empty"))
    checks = (
        ("label", LABELS),
        ("register", REGISTERS),
        ("platform", PLATFORMS),
    )
    for key, allowed in checks:
        if isinstance(post.get(key), str) and post[key] not in allowed:
            found.append(Problem(line, f"unknown {key} {post[key]!r}"))
    if post.get("label") == "partisan_support":
        if post.get("family") not in FAMILIES:
            found.append(Problem(line, f"unknown family {post.get('family')!r}"))
    elif "family" in post:
        found.append(Problem(line, "a family on a post that takes no side"))
    tags = post.get("tags", [])
    if not isinstance(tags, list) or any(tag not in TAGS for tag in tags):
        found.append(Problem(line, f"unknown tags {tags!r}"))
    extra = set(post) - {"id", "text", "label", "family", "register", "platform", "tags"}
    if extra:
        found.append(Problem(line, f"unknown keys {sorted(extra)}"))
    return found


def read_checked(path):
    """(posts, problems) of a JSONL file; duplicate ids are problems too."""
    posts, problems, seen = [], [], set()
    with open(path, encoding="utf-8") as source:
        for line, raw in enumerate(source, 1):
            if not raw.strip():
                continue
            try:
                post = json.loads(raw)
            except json.JSONDecodeError as error:
                problems.append(Problem(line, f"not JSON ({error.msg})"))
                continue
            found = problems_of(post, line)
            problems.extend(found)
            if found:
                continue
            if post["id"] in seen:
                problems.append(Problem(line, f"id {post['id']!r} used twice"))
                continue
            seen.add(post["id"])
            posts.append(post)
    return posts, problems


def counts(posts):
    """Counts per label, register, platform, family (partisan posts) and tag."""
    partisan = [post for post in posts if post["label"] == "partisan_support"]
    return {
        "posts": len(posts),
        "label": Counter(post["label"] for post in posts),
        "register": Counter(post["register"] for post in posts),
        "platform": Counter(post["platform"] for post in posts),
        "family": Counter(post["family"] for post in partisan),
        "tag": Counter(tag for post in posts for tag in post.get("tags", ())),
    }


#: A training post may be this similar to another only when kept on purpose; an evaluation
#: post may never be this similar to a training post.
TWIN_THRESHOLD = 0.8
LEAK_THRESHOLD = 0.6


def leakage(training, evaluation):
    """How much the evaluation set shares with the training corpus, and each with itself."""
    training_texts = [post["text"] for post in training]
    evaluation_texts = [post["text"] for post in evaluation]
    highest = highest_against(evaluation_texts, training_texts)
    return {
        "evaluation_highest": max(highest, default=0.0),
        "evaluation_leaks": sum(1 for value in highest if value >= LEAK_THRESHOLD),
        "training_twins": [
            (training[i]["id"], training[j]["id"], value)
            for i, j, value in similar_pairs(training_texts, TWIN_THRESHOLD)
        ],
        "evaluation_twins": [
            (evaluation[i]["id"], evaluation[j]["id"], value)
            for i, j, value in similar_pairs(evaluation_texts, TWIN_THRESHOLD)
        ],
    }


def datasheet_counts(training, evaluation):
    """The datasheet's generated part: counts of both files and their leakage figures, as
    Markdown (tools/monitoring_datasheet.py writes it; a test checks it is current)."""
    sets = (("training", counts(training)), ("evaluation", counts(evaluation)))
    lines = ["| | " + " | ".join(name for name, _ in sets) + " |", "|---|---:|---:|"]
    lines.append("| posts | " + " | ".join(f"{c['posts']:,}" for _, c in sets) + " |")
    for title, key, values in (
        ("label", "label", LABELS),
        ("register", "register", REGISTERS),
        ("platform", "platform", PLATFORMS),
        ("family (partisan posts)", "family", FAMILIES),
        ("tag", "tag", TAGS),
    ):
        lines.append(f"| **{title}** | | |")
        for value in values:
            cells = " | ".join(f"{c[key][value]:,}" for _, c in sets)
            lines.append(f"| `{value}` | {cells} |")
    found = leakage(training, evaluation)
    lines += [
        "",
        f"- Highest character 5-gram Jaccard similarity of an evaluation post to any training "
        f"post: {found['evaluation_highest']:.3f} (limit {LEAK_THRESHOLD}); evaluation posts at "
        f"or above the limit: {found['evaluation_leaks']}.",
        f"- Pairs of training posts at or above {TWIN_THRESHOLD}: {len(found['training_twins'])}; "
        f"pairs of evaluation posts: {len(found['evaluation_twins'])}.",
    ]
    return "\n".join(lines) + "\n"
