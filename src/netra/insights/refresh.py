"""Keeping the summaries: the facts of the cases named by the audit entries written since the
last refresh, then the figures of their regencies, provinces and the nation.

Each refresh then stores the suppressed public table of every election whose figures it
changed (public.publish), after its own transaction: the pages, the API and the exports read
it ready-made, and serve the last one while a new one is made.

The worker runs `refresh()` in its periodic round, after winning the job's claim; inside, the
mark row is locked for the whole refresh, so two refreshes never interleave even when one is
started by hand (`netra insights refresh`). Only this module writes the insights tables.
"""

import json
from collections import defaultdict

from django.db import connection, models, transaction
from django.db.models import Count
from django.utils import timezone

from netra.audit.models import AuditEntry
from netra.cases import workflow as wf
from netra.cases.models import Case, CaseEvent, Respondent
from netra.people.models import Employee
from netra.regions.models import Election
from netra.reports.conduct import codes_for
from netra.sanctions.models import Decree, Recommendation
from netra.sanctions.rules import shipped_catalog

from . import funnel, public
from .models import CaseFact, RefreshMark, RegionFigures, RosterCount

CHUNK = 2000  # cases read at once in a full refresh
# The state a case enters at each stage (the first time counts).
STATE_OF_STAGE = {
    "registered_at": wf.REGISTERED,
    "violation_at": wf.OTHER_LAW,
    "forwarded_at": wf.FORWARDED,
    "recommended_at": wf.RECOMMENDED,
    "closed_at": wf.CLOSED,
}
# A case found further on passed the stages before it, even when its timeline skipped one
# (a finding registered at once, say): the stage counts, without a moment.
IMPLIED = {
    "registered_at": (wf.CLARIFICATION, wf.STUDY, wf.OTHER_LAW, wf.FORWARDED, wf.RECOMMENDED),
}
FACT_COLUMNS = [name for name, _column in funnel.STAGES]


def _kind_of_code():
    kinds = {}
    for kind, entry in shipped_catalog().kinds.items():
        kinds[entry["before"]] = kind
        kinds[entry["after"]] = kind
    return kinds


def facts_of(case_ids):
    """The CaseFact rows (unsaved) of CASE_IDS, merged cases left out."""
    kind_of_code = _kind_of_code()
    cases = list(
        Case.objects.filter(pk__in=case_ids, merged_into__isnull=True)
        .select_related("region", "submission")
        .only(
            "id",
            "number",
            "election_id",
            "region__code",
            "source",
            "state",
            "received_at",
            "due_at",
            "submission__conduct",
        )
    )
    ids = [case.pk for case in cases]
    reached = defaultdict(dict)
    events = CaseEvent.objects.filter(
        case_id__in=ids, to_state__in=list(STATE_OF_STAGE.values())
    ).values_list("case_id", "to_state", "at")
    for case_id, state, at in events.order_by("at", "id"):
        reached[case_id].setdefault(state, at)
    people = defaultdict(list)
    for case_id, agency, position in Respondent.objects.filter(case_id__in=ids).values_list(
        "case_id", "agency", "position"
    ):
        people[case_id].append((agency.strip(), position.strip()))
    answers, kinds = defaultdict(list), defaultdict(set)
    decided, sanctioned = {}, {}
    recommendations = Recommendation.objects.filter(case_id__in=ids).values_list(
        "id", "case_id", "government__code", "conduct"
    )
    decrees = {
        recommendation: (outcome, days, at)
        for recommendation, outcome, days, at in Decree.objects.filter(
            recommendation__case_id__in=ids
        ).values_list("recommendation_id", "outcome", "days_to_decree", "recorded_at")
    }
    for pk, case_id, government, conduct in recommendations:
        decree = decrees.get(pk)
        # Answered: any decree, an undated "no sanction" with its reason too; days only
        # where the decree has its date.
        answers[case_id].append(
            {
                "government": government or "",
                "answered": decree is not None,
                "days": decree[1] if decree else None,
            }
        )
        kinds[case_id].update(item.get("kind", "") for item in conduct or [] if item)
        if decree:
            decided[case_id] = min(decree[2], decided.get(case_id, decree[2]))
            if decree[0] == Decree.Outcome.IMPOSED:
                sanctioned[case_id] = min(decree[2], sanctioned.get(case_id, decree[2]))
    rows = []
    for case in cases:
        code = case.region.code
        moments = reached[case.pk]
        stages = {column: moments.get(state) for column, state in STATE_OF_STAGE.items()}
        for column, later in IMPLIED.items():
            if stages[column] is None and (
                case.state in later or any(moments.get(s) for s in later)
            ):
                stages[column] = case.received_at
        if case.submission_id and case.submission.conduct:
            known = [key for key in case.submission.conduct if isinstance(key, str)]
            kinds[case.pk].update(kind_of_code.get(c, "") for c in _codes(known))
        rows.append(
            CaseFact(
                case_id=case.pk,
                number=case.number,
                election_id=case.election_id,
                region_code=_office_code(code),
                province_code=code[:2],
                source=case.source,
                state=case.state,
                kinds=sorted(k for k in kinds[case.pk] if k),
                received_at=case.received_at,
                decided_at=decided.get(case.pk),
                sanctioned_at=sanctioned.get(case.pk),
                due_at=case.due_at,
                agencies=[agency for agency, _ in people[case.pk]],
                positions=[position for _, position in people[case.pk]],
                answers=answers[case.pk],
                **stages,
            )
        )
    return rows


def _codes(keys):
    try:
        return codes_for(keys)
    except KeyError:  # a conduct key no longer offered: it names no kind
        return []


def _office_code(code):
    """The regency or city of a region code (a district's is its regency's); a province's
    own code for its provincial office."""
    return code[:5] if len(code) >= 5 else code


def _fact_dicts(queryset):
    columns = [
        "region_code",
        "state",
        "kinds",
        "due_at",
        "agencies",
        "positions",
        "answers",
        *(column for _name, column in funnel.STAGES),
    ]
    return (dict(zip(columns, row, strict=True)) for row in queryset.values_list(*columns))


def _save(election_id, level, code, figures, now):
    defaults = {key: figures[key] for key in funnel.empty()}
    defaults["refreshed_at"] = now
    RegionFigures.objects.update_or_create(
        election_id=election_id, level=level, code=code, defaults=defaults
    )


def _figures_of(row):
    return {key: getattr(row, key) for key in funnel.empty()}


def _regions_of(election_id, offices, now):
    """Recompute the rows of OFFICES (regency and province codes) of one election, then of
    their provinces and of the nation."""
    provinces = {code[:2] for code in offices}
    for code in offices:
        if len(code) < 5:
            continue  # a provincial office's cases join its province's row below
        facts = _fact_dicts(CaseFact.objects.filter(election_id=election_id, region_code=code))
        _save(election_id, RegionFigures.Level.REGENCY, code, funnel.of_cases(facts, now), now)
    regency_rows = defaultdict(list)
    for row in RegionFigures.objects.filter(
        election_id=election_id, level=RegionFigures.Level.REGENCY
    ):
        regency_rows[row.code[:2]].append(_figures_of(row))
    for province in provinces:
        own = funnel.of_cases(
            _fact_dicts(CaseFact.objects.filter(election_id=election_id, region_code=province)),
            now,
        )
        _save(
            election_id,
            RegionFigures.Level.PROVINCE,
            province,
            funnel.merged([own, *regency_rows[province]]),
            now,
        )
    nation = funnel.merged(
        _figures_of(row)
        for row in RegionFigures.objects.filter(
            election_id=election_id, level=RegionFigures.Level.PROVINCE
        )
    )
    _save(election_id, RegionFigures.Level.NATIONAL, "", nation, now)


def _mark():
    mark = RefreshMark.objects.select_for_update().filter(pk=1).first()
    if mark is None:
        RefreshMark.objects.get_or_create(pk=1)
        mark = RefreshMark.objects.select_for_update().get(pk=1)
    return mark


def refresh(now=None):
    """Bring the summaries up to date with the audit entries written since the last refresh,
    and with the deadlines that ran out since, then the public tables of the elections that
    changed. Returns the number of cases re-read."""
    now = now or timezone.now()
    count = _summaries(now)
    _publish(public.stale(), now)
    return count


def refresh_all(now=None):
    """Rebuild every summary from the cases (and recount the roster), then every election's
    public table."""
    now = now or timezone.now()
    with transaction.atomic():
        count = _full(_mark(), now)
    _publish(Election.objects.values_list("pk", flat=True), now)
    return count


def _publish(elections, now):
    """The public tables of ELECTIONS (their summaries committed, so that a page reading the
    last table meanwhile is never blocked)."""
    for election_id in elections:
        public.publish(election_id, now)


@transaction.atomic
def _summaries(now):
    """The summaries' part of refresh(); the number of cases re-read."""
    mark = _mark()
    if mark.full_at is None:
        return _full(mark, now)
    entries = AuditEntry.objects.filter(id__gt=mark.last_entry_id, target_type="cases.case")
    last = AuditEntry.objects.filter(id__gt=mark.last_entry_id).order_by("-id").first()
    case_ids = {int(pk) for pk in entries.values_list("target_id", flat=True) if pk.isdigit()}
    # A deadline that ran out since the last refresh changes the overdue counts without an
    # audit entry: those cases' regions are read again too.
    lapsed = CaseFact.objects.filter(
        due_at__gt=mark.refreshed_at or now, due_at__lte=now
    ).values_list("election_id", "region_code")
    dirty = defaultdict(set)
    for election_id, code in lapsed:
        dirty[election_id].add(code)
    before = CaseFact.objects.filter(case_id__in=case_ids).values_list("election_id", "region_code")
    for election_id, code in before:  # a case that moved office leaves its old one too
        dirty[election_id].add(code)
    rows = facts_of(case_ids)
    CaseFact.objects.filter(case_id__in=case_ids).delete()
    CaseFact.objects.bulk_create(rows)
    for row in rows:
        dirty[row.election_id].add(row.region_code)
    for election_id, offices in dirty.items():
        _regions_of(election_id, offices, now)
    if last is not None:
        mark.last_entry_id = last.pk
    mark.refreshed_at = now
    mark.save()
    return len(case_ids)


def _full(mark, now):
    last = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    CaseFact.objects.all().delete()
    RegionFigures.objects.all().delete()
    ids = list(Case.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        _write_facts(facts_of(ids[start : start + CHUNK]))
    offices = defaultdict(set)
    for election_id, code in CaseFact.objects.values_list("election_id", "region_code").distinct():
        offices[election_id].add(code)
    for election_id, codes in offices.items():
        _regions_of(election_id, codes, now)
    _count_employees(now)
    mark.last_entry_id = last
    mark.refreshed_at = now
    mark.full_at = now
    mark.save()
    return len(ids)


def _write_facts(rows):
    """Insert the CaseFact ROWS (unsaved). On PostgreSQL with COPY: a full refresh writes every
    case's, and a multi-row INSERT spends three times as long preparing its parameters as COPY
    takes to store them. Elsewhere bulk INSERTs."""
    if connection.vendor != "postgresql":
        CaseFact.objects.bulk_create(rows, batch_size=CHUNK)
        return
    fields = [f for f in CaseFact._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(CaseFact._meta.db_table)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row([_copied(f, getattr(row, f.attname)) for f in fields])


def _copied(field, value):
    """VALUE of FIELD as COPY takes it: the JSON text an INSERT would send for a JSON column;
    the others as they are (the rows hold values read from the database or made here: aware
    moments, plain strings and numbers)."""
    if isinstance(field, models.JSONField):
        return json.dumps(value, cls=field.encoder)
    return value


def _count_employees(now):
    """The roster's civil servants per regency, city and province."""
    by_office = defaultdict(int)
    for code, count in (
        Employee.objects.values_list("region__code").annotate(count=Count("id")).order_by()
    ):
        by_office[_office_code(code)] += count
    by_province = defaultdict(int)
    for code, count in by_office.items():
        by_province[code[:2]] += count
    RosterCount.objects.all().delete()
    RosterCount.objects.bulk_create(
        RosterCount(code=code, employees=count, counted_at=now)
        for code, count in {**by_office, **by_province}.items()
    )
