"""The weekly digest: one e-mail a week to the Bawaslu officers of each regency, city and
province office, saying what changed since the last digest and why.

Per election the region has a risk or cases in: the risk score then and now and the components
that moved (with what each is made of now), the cases received since the last digest (and how
many came from the public), the handling steps past their deadline, the agencies outreach never
reached and the recommendations the PPK has not answered; a provincial digest also names the
regencies and cities of the province with the highest scores, and how each moved. Links lead
to the region's risk page, its statistics and its periodic report of the days covered.

Nothing in it names a person: it is read from the summaries and RegionRisk, which hold none,
and it gives counts, agencies and governments only (not the agencies of reported employees).

Recipients: the accounts the access layer says reach the region (`users_reaching`), of the
office's own role (a regency's or city's officers, a province's officers; not the national
roles, who reach every region), active and with an address. A region without them gets
nothing. The text is in each recipient's language (Indonesian, the default).

Sent once per region and week, whatever the number of workers and re-runs: the digest's row
(RiskDigest, unique region and week) is inserted before the first mail goes out, and whoever
fails to insert it sends nothing. A digest none of whose mails went out gives its row back, so
the next round tries again; one that reached some recipients keeps it (no one gets it twice).
The round itself is a periodic job (rounds.py), claimed first as every job is.
"""

import logging
import os
import socket
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from netra.accounts.access import users_reaching
from netra.accounts.models import Role, User
from netra.insights.models import CaseFact, RegionFigures
from netra.insights.views import as_of_text
from netra.lib.calendar import format_date_en, format_date_id
from netra.regions.models import Election, Region

from . import report
from .components import LEVELS, PUBLIC_SOURCES
from .forms import COMPONENT_LABELS
from .models import RegionRisk, RiskDigest
from .score import COMPONENTS

logger = logging.getLogger("netra.risk")

SEND_HOUR = 7  # a week's digest goes out from Monday 07:00 (TIME_ZONE)
FIRST_SPAN = timedelta(days=7)  # what a region's first digest looks back on
MOVED = 1.0  # points a component must move by to be told (or gain or lose its data)
WATCHED = 5  # regencies and cities a provincial digest names
GOVERNMENTS_NAMED = 5
OFFICE_ROLES = {
    Region.Level.PROVINCE: Role.BAWASLU_PROVINCE,
    Region.Level.REGENCY: Role.BAWASLU_REGENCY,
    Region.Level.CITY: Role.BAWASLU_REGENCY,
}


def week_of(now):
    """The Monday of the digest week NOW falls in (a week starts on Monday at SEND_HOUR)."""
    day = (timezone.localtime(now) - timedelta(hours=SEND_HOUR)).date()
    return day - timedelta(days=day.weekday())


def recipients(region):
    """The officers of REGION's office who get its digest (see the module's docstring)."""
    return list(
        users_reaching(region, roles=[OFFICE_ROLES[region.level]]).exclude(email="").order_by("pk")
    )


def _staffed(regions):
    """REGIONS that may have recipients: one query for the codes on the accounts of the
    office roles; users_reaching then decides for those alone."""
    on_accounts = set(
        User.regions.through.objects.filter(
            user__is_active=True, user__role__in=set(OFFICE_ROLES.values())
        ).values_list("region__code", flat=True)
    )
    out = []
    for region in regions:
        code = region.code
        containing = {code.rsplit(".", depth)[0] for depth in range(code.count(".") + 1)}
        if containing & on_accounts:
            out.append(region)
    return out


def _worker():
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


# What the digests read, for many regions at once.


class _Data:
    """The risk, figures, new cases and last digests of REGIONS, in a few queries."""

    def __init__(self, regions, week, now):
        ids = [region.pk for region in regions]
        codes = {region.code for region in regions}
        provinces = [r.code for r in regions if r.level == Region.Level.PROVINCE]
        self.elections = {e.pk: e for e in Election.objects.all()}
        self.risks = defaultdict(dict)  # region code -> election id -> RegionRisk
        inside = Q()
        for code in provinces:
            inside |= Q(region__code__startswith=code + ".")
        rows = RegionRisk.objects.filter(Q(region_id__in=ids) | inside).exclude(
            region__level=Region.Level.DISTRICT
        )
        for row in rows.select_related("region"):
            self.risks[row.region.code][row.election_id] = row
        self.figures = defaultdict(dict)  # code -> election id -> RegionFigures
        for row in RegionFigures.objects.filter(
            level__in=(RegionFigures.Level.PROVINCE, RegionFigures.Level.REGENCY), code__in=codes
        ):
            self.figures[row.code][row.election_id] = row
        self.previous = self._previous(ids, week)
        self.since = {
            region.code: (
                self.previous[region.pk].sent_at if region.pk in self.previous else now - FIRST_SPAN
            )
            for region in regions
        }
        self.new_cases = self._new_cases(regions, now)
        governments = {
            g
            for by_election in self.figures.values()
            for f in by_election.values()
            for g in f.compliance
        }
        self.names = dict(
            Region.objects.filter(code__in=governments | codes).values_list("code", "name")
        )

    @staticmethod
    def _previous(ids, week):
        """Region id -> its last digest sent before WEEK."""
        last = dict(
            RiskDigest.objects.filter(region_id__in=ids, week__lt=week, sent_at__isnull=False)
            .values("region_id")
            .annotate(week=Max("week"))
            .values_list("region_id", "week")
        )
        if not last:
            return {}
        rows = RiskDigest.objects.filter(
            region_id__in=list(last), week__in=set(last.values()), sent_at__isnull=False
        )
        return {row.region_id: row for row in rows if last.get(row.region_id) == row.week}

    def _new_cases(self, regions, now):
        """(code, election id) -> [cases received since the region's last digest, of them
        from the public]."""
        out = defaultdict(lambda: [0, 0])
        if not regions:
            return out
        earliest = min(self.since.values())
        wanted = {region.code for region in regions}
        facts = CaseFact.objects.filter(received_at__gte=earliest, received_at__lt=now)
        for election_id, office, province, source, received in facts.values_list(
            "election_id", "region_code", "province_code", "source", "received_at"
        ):
            for code in {office, province}:
                if code in wanted and received >= self.since[code]:
                    entry = out[(code, election_id)]
                    entry[0] += 1
                    entry[1] += source in PUBLIC_SOURCES
        return out


# One region's digest.


def _moved(row, old):
    """The components of ROW that moved since OLD (component -> value of the last digest)."""
    out = []
    for name in COMPONENTS:
        now, then = row.components.get(name), old.get(name)
        changed = (now is None) != (then is None) or (now is not None and abs(now - then) >= MOVED)
        if changed:
            out.append(
                {
                    "name": name,
                    "label": COMPONENT_LABELS[name],
                    "then": report.number(then) if then is not None else _("No data"),
                    "now": report.number(now) if now is not None else _("No data"),
                    "made_of": report.made_of(name, row.facts.get(name, {})),
                }
            )
    return out


def _change(now, then):
    """How NOW differs from THEN, as a signed number of points ("+3,2", "−1"), or ""."""
    if now is None or then is None or abs(now - then) < 0.05:
        return ""
    sign = "+" if now > then else "−"
    return sign + report.number(abs(now - then))


def _watched(region, election_id, data, old):
    """A province's regencies and cities with the highest scores, with how each moved."""
    rows = [
        row
        for code, by_election in data.risks.items()
        if code.startswith(region.code + ".")
        for eid, row in by_election.items()
        if eid == election_id and row.score is not None
    ]
    rows.sort(key=lambda row: (-row.score, row.region.code))
    return [
        {
            "code": row.region.code,
            "name": row.region.name,
            "score": report.number(row.score),
            "change": _change(row.score, old.get(row.region.code)),
        }
        for row in rows[:WATCHED]
    ], {
        row.region.code: row.score
        for by_election in data.risks.values()
        for eid, row in by_election.items()
        if eid == election_id and row.region.code.startswith(region.code + ".")
    }


def compose(region, data):
    """(sections, snapshot) of REGION's digest: one section per election with a risk score or
    cases there; the snapshot is what the next digest compares with."""
    previous = data.previous.get(region.pk)
    then = previous.snapshot.get("elections", {}) if previous is not None else {}
    ids = set(data.risks.get(region.code, {})) | set(data.figures.get(region.code, {}))
    elections = sorted(
        (data.elections[pk] for pk in ids if pk in data.elections),
        key=lambda e: (e.voting_date, e.pk),
        reverse=True,
    )
    sections, snapshot = [], {"elections": {}}
    for election in elections:
        row = data.risks.get(region.code, {}).get(election.pk)
        figures = data.figures.get(region.code, {}).get(election.pk)
        received = figures.counts.get("received", 0) if figures is not None else 0
        if (row is None or row.score is None) and not received:
            continue
        old = then.get(str(election.pk))
        overdue = figures.overdue if figures is not None else {}
        compliance = report.compliance_rows(
            figures.compliance if figures is not None else {}, data.names
        )
        unanswered = sum(c["unanswered"] for c in compliance)
        new, public = data.new_cases[(region.code, election.pk)]
        agencies, unreached_count = report.unreached(row)
        score = row.score if row is not None else None
        section = {
            "election": election,
            "score": report.number(score) if score is not None else None,
            "band": report.score_band(score),
            "then": (report.number(old["score"]) if old and old.get("score") is not None else None),
            "change": _change(score, old.get("score")) if old else "",
            "first": old is None,
            "moved": _moved(row, old.get("components", {})) if row is not None and old else [],
            "missing": [str(COMPONENT_LABELS[n]) for n in row.missing] if row is not None else [],
            "new_cases": new,
            "new_public": public,
            "overdue_total": sum(overdue.values()),
            "overdue_then": old.get("overdue") if old else None,
            "overdue_steps": report.overdue_steps(overdue),
            "unreached": agencies[: report.UNREACHED_SHOWN],
            "unreached_count": unreached_count,
            "unanswered": unanswered,
            "unanswered_then": old.get("unanswered") if old else None,
            "governments": [c for c in compliance if c["unanswered"]][:GOVERNMENTS_NAMED],
            "fictional": report.ikp_fictional([row]),
            "risk_url": _link("risk:region", region.code, pemilihan=election.code),
            "statistics_url": _link(
                "insights:staff", None, wilayah=region.code, pemilihan=election.code
            ),
        }
        kept = {
            "score": score,
            "components": row.components if row is not None else {},
            "received": received,
            "overdue": section["overdue_total"],
            "unanswered": unanswered,
        }
        if region.level == Region.Level.PROVINCE:
            section["watched"], kept["regions"] = _watched(
                region, election.pk, data, (old or {}).get("regions", {})
            )
        sections.append(section)
        snapshot["elections"][str(election.pk)] = kept
    return sections, snapshot


def _link(route, code, **query):
    path = reverse(route, args=[code]) if code is not None else reverse(route)
    return settings.NETRA_BASE_URL + path + ("?" + urlencode(query) if query else "")


def _day(day):
    english = (translation.get_language() or "id").startswith("en")
    return format_date_en(day, weekday=False) if english else format_date_id(day, weekday=False)


def render(region, sections, since, now, week):
    """(subject, text, html) of REGION's digest in the active language."""
    context = {
        "region": region,
        "sections": sections,
        "since": as_of_text(since),
        "week": _day(week),
        "fictional": any(section["fictional"] for section in sections),
        "report_url": _link(
            "risk:report",
            region.code,
            dari=timezone.localtime(since).date().isoformat(),
            sampai=timezone.localdate(now).isoformat(),
        ),
        "watch_url": _link("risk:watch", None),
    }
    subject = _("Netra weekly digest: %(region)s, week of %(week)s") % {
        "region": region.name,
        "week": context["week"],
    }
    text = render_to_string("risk/digest.txt", context)
    html = render_to_string("risk/digest.html", context)
    return " ".join(subject.split()), text, html


def _language(user):
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


def _send(region, people, sections, since, now, week, connection):
    """Mail REGION's digest to PEOPLE, one message each; returns how many went out. An error
    is raised with the count sent so far in its `sent`."""
    sent = 0
    rendered = {}
    try:
        for person in people:
            language = _language(person)
            if language not in rendered:
                with translation.override(language):
                    rendered[language] = render(region, sections, since, now, week)
            subject, text, html = rendered[language]
            message = EmailMultiAlternatives(
                subject, text, None, [person.email], connection=connection
            )
            message.attach_alternative(html, "text/html")
            message.send()
            sent += 1
    except Exception as error:
        error.sent = sent
        raise
    return sent


def claim(region, week, now, worker=""):
    """The digest row of REGION and WEEK if this caller inserted it (and so sends), else None."""
    try:
        with transaction.atomic():
            return RiskDigest.objects.create(
                region=region, week=week, claimed_at=now, worker=worker
            )
    except IntegrityError:
        return None  # another worker, or an earlier run this week, has it


def send_digests(now=None, regions=None):
    """Send this week's digest of every office (REGIONS: of those only) that has recipients
    and none yet; returns the number of digests sent. Raises at the end, once the others are
    sent, if some could not be (their rows given back, so the next round tries again)."""
    now = now or timezone.now()
    week = week_of(now)
    offices = (
        Region.objects.filter(level__in=LEVELS).order_by("code")
        if regions is None
        else sorted(regions, key=lambda r: r.code)
    )
    done = set(RiskDigest.objects.filter(week=week).values_list("region_id", flat=True))
    staffed = []
    for region in _staffed([r for r in offices if r.pk not in done]):
        people = recipients(region)
        if people:
            staffed.append((region, people))
    if not staffed:
        return 0
    data = _Data([region for region, _people in staffed], week, now)
    worker = _worker()
    sent, failed = 0, []
    with get_connection() as connection:
        for region, people in staffed:
            sections, snapshot = compose(region, data)
            if not sections:
                continue  # nothing recorded about the region in any election
            row = claim(region, week, now, worker)
            if row is None:
                continue
            since = data.since[region.code]
            try:
                count = _send(region, people, sections, since, now, week, connection)
            except Exception as error:
                count = getattr(error, "sent", 0)
                logger.error("weekly digest of %s failed: %s", region.code, error)
                failed.append(region.code)
                if not count:
                    row.delete()  # nobody got it: the next round tries again
                    continue
                RiskDigest.objects.filter(pk=row.pk).update(
                    sent_at=timezone.now(), recipients=count, snapshot=snapshot, error=str(error)
                )
                continue
            RiskDigest.objects.filter(pk=row.pk).update(
                sent_at=timezone.now(), recipients=count, snapshot=snapshot
            )
            sent += 1
    if failed:
        raise RuntimeError(f"weekly digests not sent to every officer of: {', '.join(failed)}")
    return sent
