"""The enforcement funnel (pure): from the moments each case reached each stage to the figures
of a region, and from the figures of regions to those of the region around them.

Figures are plain dicts, so that they go into a JSON column as they are. Medians are kept as
histograms of whole days (days -> cases): a histogram merges by addition, so a province's
median is read from its regencies' rows without going back to the cases, and the national
one from the provinces'.
"""

from collections import Counter

#: The stages of the funnel, in order, each with the fact column that holds the moment a case
#: reached it ("received" is every report and finding that became a case).
STAGES = (
    ("received", "received_at"),
    ("registered", "registered_at"),
    ("violation", "violation_at"),
    ("forwarded", "forwarded_at"),
    ("recommended", "recommended_at"),
    ("decided", "decided_at"),
    ("sanctioned", "sanctioned_at"),
    ("closed", "closed_at"),
)
STAGE_NAMES = tuple(name for name, _column in STAGES)
# The steps whose time between them is shown: each stage from the one before it, except
# "closed" (a case closes from any stage) and "sanctioned" (decided and sanctioned are one act).
TIMED = (
    ("registered", "received"),
    ("violation", "registered"),
    ("forwarded", "violation"),
    ("recommended", "forwarded"),
    ("decided", "recommended"),
)
TOP = 10  # kinds, agencies and positions kept per region


def empty():
    return {
        "counts": dict.fromkeys(STAGE_NAMES, 0),
        "days": {stage: {} for stage, _before in TIMED},
        "kinds": {},
        "overdue": {},
        "compliance": {},
        "agencies": {},
        "positions": {},
    }


def of_cases(facts, now):
    """The figures of FACTS (dicts with the CaseFact columns), NOW deciding what is overdue."""
    figures = empty()
    counts, days = figures["counts"], figures["days"]
    kinds, overdue = Counter(), Counter()
    agencies, positions = Counter(), Counter()
    compliance = {}
    for fact in facts:
        for stage, column in STAGES:
            if fact[column] is not None:
                counts[stage] += 1
        for stage, before in TIMED:
            start, end = fact[f"{before}_at"], fact[f"{stage}_at"]
            if start is not None and end is not None:
                key = str(max(0, (end - start).days))
                days[stage][key] = days[stage].get(key, 0) + 1
        kinds.update(set(fact["kinds"]))
        if fact["state"] == "ppk_overdue" or (fact["due_at"] is not None and fact["due_at"] < now):
            overdue[fact["state"]] += 1
        agencies.update(a for a in fact["agencies"] if a)
        positions.update(p for p in fact["positions"] if p)
        for answer in fact["answers"]:
            row = compliance.setdefault(answer["government"], _no_answers())
            row["recommended"] += 1
            # Facts written before "answered" was kept: a dated decree was the answer.
            if answer.get("answered", answer["days"] is not None):
                row["answered"] += 1
            if answer["days"] is not None:
                key = str(max(0, answer["days"]))
                row["days"][key] = row["days"].get(key, 0) + 1
    figures["kinds"] = dict(kinds)
    figures["overdue"] = dict(overdue)
    figures["agencies"] = dict(agencies.most_common(TOP))
    figures["positions"] = dict(positions.most_common(TOP))
    figures["compliance"] = compliance
    return figures


def _no_answers():
    return {"recommended": 0, "answered": 0, "days": {}}


def merged(many):
    """The figures of a region from those of the regions inside it. Rankings of agencies and
    positions are merged from each part's top ones, so a wide region's ranking is of the
    agencies most reported somewhere, not an exact count below the top."""
    total = empty()
    agencies, positions = Counter(), Counter()
    for figures in many:
        for stage, count in figures["counts"].items():
            total["counts"][stage] = total["counts"].get(stage, 0) + count
        for stage, histogram in figures["days"].items():
            _add(total["days"].setdefault(stage, {}), histogram)
        _add(total["kinds"], figures["kinds"])
        _add(total["overdue"], figures["overdue"])
        for government, row in figures["compliance"].items():
            into = total["compliance"].setdefault(government, _no_answers())
            into["recommended"] += row["recommended"]
            into["answered"] += row["answered"]
            _add(into["days"], row["days"])
        agencies.update(figures["agencies"])
        positions.update(figures["positions"])
    total["agencies"] = dict(agencies.most_common(TOP))
    total["positions"] = dict(positions.most_common(TOP))
    return total


def _add(into, histogram):
    for key, count in histogram.items():
        into[key] = into.get(key, 0) + count


def median(histogram):
    """The median of a days histogram (the lower middle for an even count), or None."""
    total = sum(histogram.values())
    if not total:
        return None
    middle, seen = (total + 1) // 2, 0
    for days in sorted(histogram, key=int):
        seen += histogram[days]
        if seen >= middle:
            return int(days)
    return None


def cases_in(histogram):
    return sum(histogram.values())
