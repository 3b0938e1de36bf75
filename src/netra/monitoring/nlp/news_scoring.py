"""How much of a gold annotation an extraction finds (pure): the recall of people, dated
activities, regulations and circular numbers, and what was taken for a person that is not one.

A person is found when a name the extractor gives equals the gold name (case and spacing
aside); a name given that no gold person has is counted as a false person (a word, place or
institution taken for one). A dated activity is found when one of the same type has the same
first and last date; a regulation by its kind, number and year; a circular number when some
activity carries it as its reference.
"""

import re
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")


def _flat(text):
    return _SPACE.sub(" ", (text or "").strip().lower())


@dataclass
class Tally:
    found: int = 0
    of: int = 0
    missed: list = field(default_factory=list)

    def add(self, hit, what):
        self.of += 1
        if hit:
            self.found += 1
        else:
            self.missed.append(what)

    @property
    def recall(self):
        return self.found / self.of if self.of else 1.0


@dataclass
class NewsScore:
    people: Tally = field(default_factory=Tally)
    activities: Tally = field(default_factory=Tally)
    regulations: Tally = field(default_factory=Tally)
    circulars: Tally = field(default_factory=Tally)
    false_people: list = field(default_factory=list)

    def add(self, name, gold, found):
        given = {_flat(person["name"]) for person in found["people"]}
        wanted = {_flat(person["name"]) for person in gold["people"]}
        for person in gold["people"]:
            self.people.add(_flat(person["name"]) in given, f"{name}: {person['name']}")
        self.false_people += [
            f"{name}: {person['name']}"
            for person in found["people"]
            if _flat(person["name"]) not in wanted
        ]
        dated = {(a["type"], a["date_start"], a["date_end"]) for a in found["activities"]}
        for activity in gold["activities"]:
            if activity["date_start"]:
                key = (activity["type"], activity["date_start"], activity["date_end"])
                self.activities.add(key in dated, f"{name}: {key}")
        laws = {(r["kind"], str(r["number"]), int(r["year"])) for r in found["regulations"]}
        for regulation in gold["regulations"]:
            key = (regulation["kind"], str(regulation["number"]), int(regulation["year"]))
            self.regulations.add(key in laws, f"{name}: {regulation['text']}")
        numbers = {_flat(a["reference"]) for a in found["activities"] if a.get("reference")}
        for activity in gold["activities"]:
            if activity["type"] == "circular" and activity.get("reference"):
                self.circulars.add(
                    _flat(activity["reference"]) in numbers, f"{name}: {activity['reference']}"
                )
