"""A transferred officer's open work (mutasi): the cases and reports assigned to them, who may
take them over, and the move itself, alone or with the account's deactivation.

The cases app owns this because accounts is a lower layer than cases and reports (pyproject's
import contracts); the deactivation itself is accounts.actions.deactivate.

- Open work: the officer's cases that are not closed, and the reports assigned to them that are
  not finished (not registered, or closed).
- Who may take it over: an active account, other than the officer, that may be assigned every
  piece of it: for cases a Bawaslu officer reaching each case's region (cases/actions.py assign);
  for reports an officer who handles reports and reaches each of them
  (access.restrict_reports) and may act on each: never a district supervisor for a report the
  regency or city office holds (access.may_act_on_report). Only they are offered; anyone else
  posted is refused.
- The move, in one transaction: each case's assignee and version (an open case page then asks
  to reload), a timeline line and an audit entry per case through the case's logging helper,
  an audit entry per report, and one summary entry on the account.
"""

from django.db import transaction
from django.db.models import F, Q
from django.utils import translation
from django.utils.translation import gettext as _

from netra.accounts import actions as account_actions
from netra.accounts.access import (
    CAPABILITIES,
    can,
    region_in_scope,
    restrict_reports,
    users_reaching_every,
)
from netra.audit.log import record
from netra.lib.refusals import Refused
from netra.regions.models import Region
from netra.reports.models import Submission

from . import workflow as wf
from .actions import _log
from .models import Case

#: Report statuses with no work left on the report itself.
FINISHED_REPORTS = (Submission.Status.NOT_REGISTERED, Submission.Status.CLOSED)


def open_cases(officer):
    return Case.objects.filter(assigned_to=officer).exclude(state=wf.CLOSED)


def open_reports(officer):
    return Submission.objects.filter(assigned_to=officer).exclude(status__in=FINISHED_REPORTS)


def work_counts(officer):
    return {"cases": open_cases(officer).count(), "reports": open_reports(officer).count()}


def report_roles():
    return CAPABILITIES["reports.handle"]


def _work_regions(officer):
    """(regions of the open cases, regions the open reports are reached through): a report of
    a district is reached through its district (a Panwascam's) or a region containing it."""
    case_regions = set(open_cases(officer).values_list("region_id", flat=True).distinct())
    report_regions = set()
    for region_id, district_id in open_reports(officer).values_list("region_id", "district_id"):
        report_regions.add(district_id or region_id)
    return case_regions, report_regions


def successors(officer):
    """The accounts that may take over all of OFFICER's open work, by name; empty when there
    is no open work."""
    case_region_ids, report_region_ids = _work_regions(officer)
    if not case_region_ids and not report_region_ids:
        return []
    roles = set(report_roles()) if report_region_ids else None
    if case_region_ids:
        roles = set(wf.BAWASLU) if roles is None else roles & set(wf.BAWASLU)
    regions = list(Region.objects.filter(pk__in=case_region_ids | report_region_ids))
    # Reaching the region a report is reached through (its district, else its regency or
    # city) is what restrict_reports asks of each role, so the region rule alone picks who is
    # offered; the move itself checks each report by restrict_reports (_may_take_over).
    candidates = users_reaching_every(regions, roles).exclude(pk=officer.pk)
    if _in_regency_hands(open_reports(officer)).exists():
        # A district supervisor only reads those (access.may_act_on_report).
        candidates = candidates.exclude(role__in=CAPABILITIES["reports.hand_over"])
    return list(
        candidates.prefetch_related("regions").order_by("first_name", "last_name", "username")
    )


def _in_regency_hands(reports):
    """Those of REPORTS the regency or city office holds (access.in_regency_hands): handed
    over by their district, or registered as a case."""
    return reports.filter(Q(handed_over_at__isnull=False) | Q(case__isnull=False))


def _reaches_reports(user, officer, reports=None):
    """Whether USER may take over REPORTS (OFFICER's open reports): reach each of them, and
    act on each, which a district supervisor no longer does once the regency office holds
    it."""
    reports = open_reports(officer) if reports is None else reports
    total = reports.count()
    if total == 0:
        return True
    if not can(user, "reports.handle") or restrict_reports(reports, user).count() != total:
        return False
    return not (can(user, "reports.hand_over") and _in_regency_hands(reports).exists())


def _may_take_over(successor, officer, cases, report_ids):
    if successor.pk == officer.pk or not successor.is_active:
        return False
    if cases and successor.role not in wf.BAWASLU:
        return False
    for region in {case.region for case in cases}:
        if not region_in_scope(successor, region):
            return False
    if report_ids:
        reports = Submission.objects.filter(pk__in=report_ids)
        if not _reaches_reports(successor, officer, reports):
            return False
    return True


def _name(user):
    return user.get_full_name() or user.username


@transaction.atomic
def reassign_open_work(actor, officer, successor, *, reason=""):
    """Move all of OFFICER's open cases and reports to SUCCESSOR; SUCCESSOR None leaves them
    without an assignee, for the office to assign later. Returns the counts moved. Refused
    with "successor_unfit" for anyone who may not take all of it over."""
    cases = list(
        open_cases(officer).select_related("region").select_for_update(of=("self",)).order_by("pk")
    )
    report_ids = list(
        open_reports(officer).select_for_update().order_by("pk").values_list("pk", flat=True)
    )
    if successor is not None and not _may_take_over(successor, officer, cases, report_ids):
        raise Refused("successor_unfit")
    if not cases and not report_ids:
        return {"cases": 0, "reports": 0}
    new_id = successor.pk if successor is not None else None
    Case.objects.filter(pk__in=[c.pk for c in cases]).update(
        assigned_to=new_id, version=F("version") + 1
    )
    with translation.override("id"):
        line = _("from %(from)s to %(to)s (transfer)") % {
            "from": _name(officer),
            "to": _name(successor) if successor is not None else _("nobody yet"),
        }
    data = {"from": officer.pk, "to": new_id, "reason": reason}
    for case in cases:
        _log(case, actor, "reassigned", text=line, data=data)
    Submission.objects.filter(pk__in=report_ids).update(assigned_to=new_id)
    for report in Submission.objects.filter(pk__in=report_ids).select_related("region"):
        record(actor, "report.reassigned", report, region=report.region, data=data)
    record(
        actor,
        "account.work_reassigned",
        officer,
        data={**data, "cases": [c.pk for c in cases], "reports": report_ids},
    )
    return {"cases": len(cases), "reports": len(report_ids)}


@transaction.atomic
def deactivate_and_reassign(actor, officer, successor, *, reason, move=True):
    """Deactivate OFFICER (accounts.actions.deactivate: reason audited, sessions ended) and,
    with MOVE, move its open work to SUCCESSOR first, all in one transaction."""
    moved = {"cases": 0, "reports": 0}
    if move:
        moved = reassign_open_work(actor, officer, successor, reason=reason)
    account_actions.deactivate(actor, officer, reason)
    return moved
