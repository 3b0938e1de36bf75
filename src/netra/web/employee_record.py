"""An employee's whole record (/pegawai/<id>/): the roster entry with the cases naming them,
BKN's recommendations and the PPK's decrees on those cases, the outreach events they attended
and their neutrality pledges, each item only as far as the viewer reaches it.

It lives here, above the domain apps, because it gathers several of them; the roster app sits
below cases, sanctions and prevention and may not import them. The employee is found by the
roster's own rule (people.views.employee_for): outside the viewer's reach the page is a 404.

Reach, item by item:
- cases through access.restrict_cases, exactly as on the case pages (BKN the forwarded ones,
  a PPK and its BKPSDM those of its own government once BKN has recommended, Bawaslu and
  auditors those of their regions);
- recommendations and decrees through the cases they hang off (access.restrict_by_case);
- attendance and pledges only for roles holding "prevention.view", attendance only at events
  within the viewer's regions; a pledge names its event only when the viewer reaches it.
Nothing about a case's reporter is shown: no account of events, no report, only the register
number, step, region and dates.

Every section is bounded: the latest ROWS items, with the count of all.
"""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import render

from netra.accounts.access import (
    can,
    region_in_scope,
    restrict,
    restrict_by_case,
    restrict_cases,
)
from netra.cases.models import Case, Respondent
from netra.people.views import employee_for
from netra.prevention.models import Attendance, Pledge
from netra.sanctions.models import Decree, Recommendation

#: Items shown per section; the count says how many there are in all.
ROWS = 20
#: Up to this many reported persons who are the employee, their ids go to the database as a
#: list (an index probe each, where a subquery led PostgreSQL to scan every recommendation);
#: beyond it, as a subquery.
LISTED = 2_000


@dataclass
class Section:
    rows: list
    total: int

    @property
    def more(self):
        return self.total - len(self.rows)


def _section(queryset, limit=ROWS):
    """The first LIMIT of QUERYSET and the count of all (counted only when there are more)."""
    rows = list(queryset[:limit])
    total = queryset.count() if len(rows) == limit else len(rows)
    return Section(rows, total)


def respondents_of(employee):
    """The reported persons who are EMPLOYEE: linked to the roster entry, or named with the
    same NIP and not linked to any entry yet (a report whose person was not on the roster)."""
    naming = Q(employee=employee)
    if employee.nip:
        naming |= Q(employee__isnull=True, nip=employee.nip)
    return Respondent.objects.filter(naming)


def record_of(employee, user, limit=ROWS):
    """The sections of EMPLOYEE's record that USER reaches (None for a section USER's role
    never sees)."""
    record = {"cases": None, "recommendations": None, "decrees": None}
    if can(user, "cases.view"):
        respondents = respondents_of(employee)
        found = list(respondents.values_list("pk", "case_id")[: LISTED + 1])
        if len(found) <= LISTED:
            respondents = [pk for pk, _case in found]
            named_cases = {case for _pk, case in found}
        else:
            named_cases = respondents.values("case_id")
        linked = Respondent.objects.filter(case=OuterRef("pk"), employee=employee)
        cases = (
            restrict_cases(Case.objects.filter(pk__in=named_cases), user)
            .select_related("region", "election")
            .annotate(linked=Exists(linked))
            .order_by("-opened_at", "-id")
        )
        recommendations = (
            restrict_by_case(Recommendation.objects.filter(respondent_id__in=respondents), user)
            .select_related("case", "respondent", "decree")
            .order_by("-issued_at", "-id")
        )
        # The recommendations within reach, once: their count, and what the decrees hang off.
        reached = list(recommendations.values_list("pk", flat=True)[: LISTED + 1])
        if len(reached) <= LISTED:
            shown = Section(list(recommendations[:limit]), len(reached))
        else:
            shown, reached = _section(recommendations, limit), recommendations.values("pk")
        decrees = (
            Decree.objects.filter(recommendation__in=reached)
            .select_related("recommendation__case")
            .order_by("-recorded_at", "-id")
        )
        record |= {
            "cases": _section(cases, limit),
            "recommendations": shown,
            "decrees": _section(decrees, limit),
        }
    record |= {"attendance": None, "pledges": None}
    if can(user, "prevention.view"):
        attended = restrict(
            Attendance.objects.filter(employee=employee, status__in=Attendance.COUNTED),
            user,
            "event__region",
            districts=False,
        )
        pledges = Pledge.objects.filter(employee=employee).select_related(
            "event__region", "election"
        )
        record |= {
            "attendance": _section(
                attended.select_related("event__region").order_by("-event__starts_at", "-id"),
                limit,
            ),
            "pledges": _section(pledges.order_by("-pledged_at", "-id"), limit),
        }
        for pledge in record["pledges"].rows:
            pledge.event_in_reach = pledge.event_id is not None and region_in_scope(
                user, pledge.event.region
            )
    return record


@login_required
def employee_record(request, employee_id):
    employee = employee_for(request.user, employee_id)
    return render(
        request,
        "people/employee.html",
        {"employee": employee, "record": record_of(employee, request.user)},
    )
