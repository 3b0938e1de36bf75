"""The one place that decides who may see and change what.

Scope rules, written over querysets so that this module imports no domain app:
- national roles (administrator, Bawaslu RI, BKN) reach every region;
- every other role reaches the regions on its account and everything inside them (a province
  includes its regencies, cities and districts; a regency includes its districts);
- an account without regions reaches nothing.
Objects outside a user's reach answer 404, never 403, so that their existence does not leak.
"""

from django.db.models import Q
from django.http import Http404

from netra.regions.models import Region

from .models import Role, User

NATIONAL_ROLES = frozenset({Role.ADMIN, Role.BAWASLU_RI, Role.BKN})

# capability -> roles that hold it (still limited to each user's regions)
# The district supervisor (Panwascam) receives and studies the public reports of its districts
# (kecamatan) and hands them to the regency or city office, which registers them, opens the case
# and decides (docs/DOMAIN.md: "how a report is handled"). So it holds reports.view and
# reports.handle, limited to its districts by restrict_reports, and nothing else:
# - no roster: rosters belong to provincial, regency and city governments, not to a district;
# - no cases: a case begins with the regency office's registration; the Panwascam follows what
#   became of a report it handed over on the report's own page (its step), not in the case;
# - no prevention and no monitoring: the regional personnel agency's and the regency office's
#   work, with no district in their scope.
# It does open the reporter's identity while it studies a report (audited, as for everyone):
# the initial study checks the formal requirements (the reporter's name and address, signed as
# on the identity card), and the district office is the one that meets or calls the reporter.
# Once it has handed a report over, it reads the report but no longer acts on it
# (may_act_on_report).
WITHOUT_DISTRICT_SUPERVISORS = frozenset(Role) - {Role.PANWASCAM}

CAPABILITIES = {
    "roster.view": WITHOUT_DISTRICT_SUPERVISORS,
    "roster.import": frozenset({Role.ADMIN, Role.BKPSDM}),
    "accounts.manage": frozenset({Role.ADMIN}),
    "audit.view": frozenset({Role.ADMIN, Role.AUDITOR}),
    "reports.view": frozenset(
        {
            Role.ADMIN,
            Role.BAWASLU_RI,
            Role.BAWASLU_PROVINCE,
            Role.BAWASLU_REGENCY,
            Role.PANWASCAM,
            Role.AUDITOR,
        }
    ),
    # Handling includes opening the reporter's identity; auditors only read. A district
    # supervisor studies its districts' reports and hands them over; it opens no case.
    "reports.handle": frozenset(
        {Role.BAWASLU_RI, Role.BAWASLU_PROVINCE, Role.BAWASLU_REGENCY, Role.PANWASCAM}
    ),
    "cases.view": WITHOUT_DISTRICT_SUPERVISORS,
    "cases.open": frozenset({Role.BAWASLU_RI, Role.BAWASLU_PROVINCE, Role.BAWASLU_REGENCY}),
    # Notes and attachments: everyone who works on cases; auditors only read.
    "cases.annotate": WITHOUT_DISTRICT_SUPERVISORS - {Role.AUDITOR, Role.ADMIN},
    "cases.recommend": frozenset({Role.BKN}),
    "cases.decree": frozenset({Role.PPK, Role.BKPSDM}),
    # Who reported, the reporter's hearings and the letters naming the reporter: Bawaslu and
    # those who read everything (auditors, administrators); BKN and the PPK never.
    "cases.see_reporter": frozenset(
        {Role.BAWASLU_RI, Role.BAWASLU_PROVINCE, Role.BAWASLU_REGENCY, Role.AUDITOR, Role.ADMIN}
    ),
    # The one extension of the decision period.
    "cases.extend": frozenset({Role.BAWASLU_RI, Role.BAWASLU_PROVINCE, Role.BAWASLU_REGENCY}),
    "letters.edit": frozenset({Role.ADMIN}),
    # An office's whole funnel, exact counts included: those who follow the handling of cases.
    # Not the PPK nor its BKPSDM, who reach only the forwarded cases of their own employees;
    # not the district supervisors, who hold no case.
    "insights.staff": frozenset(
        {
            Role.ADMIN,
            Role.BAWASLU_RI,
            Role.BAWASLU_PROVINCE,
            Role.BAWASLU_REGENCY,
            Role.BKN,
            Role.AUDITOR,
        }
    ),
    # Early warning's data: the vulnerability index as imported (and its corrections) and the
    # weights of the risk score. Administrators only; every change is audited.
    "risk.manage": frozenset({Role.ADMIN}),
    # Prevention: the regional personnel agency records it; supervisors and auditors read.
    "prevention.view": frozenset(
        {
            Role.ADMIN,
            Role.BKPSDM,
            Role.BAWASLU_RI,
            Role.BAWASLU_PROVINCE,
            Role.BAWASLU_REGENCY,
            Role.AUDITOR,
            Role.PPK,
        }
    ),
    "prevention.manage": frozenset({Role.BKPSDM}),
    # Monitoring: supervisors triage; auditors and administrators read.
    "monitoring.view": frozenset(
        {Role.ADMIN, Role.AUDITOR, Role.BAWASLU_RI, Role.BAWASLU_PROVINCE, Role.BAWASLU_REGENCY}
    ),
    "monitoring.triage": frozenset({Role.BAWASLU_RI, Role.BAWASLU_PROVINCE, Role.BAWASLU_REGENCY}),
    "monitoring.gazetteer": frozenset({Role.ADMIN}),
    "catalog.edit": frozenset({Role.ADMIN}),
    # The district supervisor hands a studied report to the regency or city office.
    "reports.hand_over": frozenset({Role.PANWASCAM}),
    # Personal data (UU 27/2022): the Bawaslu offices that hold the reports answer the
    # requests of reporters and reported persons, and put cases under a legal hold that
    # retention must not touch; administrators too, for the installation.
    "privacy.requests": frozenset(
        {Role.ADMIN, Role.BAWASLU_RI, Role.BAWASLU_PROVINCE, Role.BAWASLU_REGENCY}
    ),
    "privacy.hold": frozenset(
        {Role.ADMIN, Role.BAWASLU_RI, Role.BAWASLU_PROVINCE, Role.BAWASLU_REGENCY}
    ),
}


def is_staff_user(user):
    return bool(user and user.is_authenticated and user.is_active)


def can(user, capability):
    return is_staff_user(user) and user.role in CAPABILITIES[capability]


def is_national(user):
    return is_staff_user(user) and user.role in NATIONAL_ROLES


def scope_region_ids(user, districts=True):
    """Ids of the regions USER reaches, or None for every region. Cached on the user object.

    Without DISTRICTS, only provinces, regencies and cities: the levels that own things such as
    a roster, and a much shorter list for the database to plan with.
    """
    if not is_staff_user(user):
        return frozenset()
    if is_national(user):
        return None
    cache = user.__dict__.setdefault("_netra_scope_ids", {})
    if districts in cache:
        return cache[districts]
    codes = list(user.regions.values_list("code", flat=True))
    if not codes:
        ids = frozenset()
    else:
        inside = Q(code__in=codes)
        for code in codes:
            inside |= Q(code__startswith=code + ".")
        regions = Region.objects.filter(inside)
        if not districts:
            regions = regions.exclude(level=Region.Level.DISTRICT)
        ids = frozenset(regions.values_list("id", flat=True))
    cache[districts] = ids
    return ids


def restrict(queryset, user, region_field="region", districts=True):
    """QUERYSET limited to the objects whose REGION_FIELD lies within USER's reach.

    DISTRICTS=False for objects that never belong to a district (see scope_region_ids).
    """
    ids = scope_region_ids(user, districts)
    if ids is None:
        return queryset
    if not ids:
        return queryset.none()
    return queryset.filter(**{f"{region_field}__in": ids})


def restrict_reports(queryset, user, submission_field=""):
    """Public reports USER reaches (SUBMISSION_FIELD leads from QUERYSET's model to the report,
    for its evidence, say): a district supervisor (Panwascam) those sent about its districts;
    everyone else those of the regencies and cities within reach, as restrict says."""
    prefix = f"{submission_field}__" if submission_field else ""
    if not is_staff_user(user):
        return queryset.none()
    if user.role == Role.PANWASCAM:
        districts = user.regions.filter(level=Region.Level.DISTRICT).values("id")
        return queryset.filter(**{f"{prefix}district__in": districts})
    return restrict(queryset, user, f"{prefix}region", districts=False)


def report_or_404(queryset, user, submission_field="", **lookup):
    """The report (or the thing of a report) matching LOOKUP inside USER's reach, else 404."""
    try:
        return restrict_reports(queryset, user, submission_field).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def region_in_scope(user, region):
    ids = scope_region_ids(user)
    return ids is None or (region is not None and region.pk in ids)


def acting_region(user, code=""):
    """The region USER acts in when making something that belongs to one region (a monitoring
    source, say): the province, regency or city CODE names if USER reaches it, else the single
    one on USER's account. None when CODE lies outside reach, or when USER must choose (several
    regions on the account, or a national role with none): never one picked silently."""
    if not is_staff_user(user):
        return None
    regions = Region.objects.exclude(level=Region.Level.DISTRICT)
    if code:
        region = regions.filter(code=code).first()
        return region if region is not None and region_in_scope(user, region) else None
    own = list(regions.filter(pk__in=user.regions.values("pk"))[:2])
    return own[0] if len(own) == 1 else None


def get_or_404(queryset, user, region_field="region", **lookup):
    """The object matching LOOKUP inside USER's reach, else 404 (also for strangers)."""
    try:
        return restrict(queryset, user, region_field).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def require(user, capability):
    """404 unless USER holds CAPABILITY: a page a role cannot use does not exist for it."""
    if not can(user, capability):
        raise Http404


def users_reaching(region, roles=None):
    """Active accounts whose reach includes REGION, in one query: the national roles, and every
    account with REGION or a region containing it (its regency or city, its province) on it.
    ROLES, if given, limits them to those roles (who may be assigned a case, say)."""
    code = region.code
    containing = [code.rsplit(".", depth)[0] for depth in range(code.count(".") + 1)]
    on_account = User.regions.through.objects.filter(region__code__in=containing)
    users = User.objects.filter(is_active=True).filter(
        Q(role__in=NATIONAL_ROLES) | Q(pk__in=on_account.values("user_id"))
    )
    return users if roles is None else users.filter(role__in=roles)


def assignable_regions():
    """Regions an administrator can put on an account: provinces, regencies and cities, and
    districts for a district supervisor (accounts/rules.py says which role takes which)."""
    return Region.objects.all()


# Cases. BKN works nationally on forwarded cases; the PPK, and the BKPSDM drafting for it, on
# forwarded cases of its own government once BKN has recommended a sanction: in the states the
# case model names (Case.PPK_STATES, from cases/workflow.py; access.py imports no domain app).


def restrict_cases(queryset, user):
    """Cases USER reaches. The PPK (and its BKPSDM) reach a case through a reported person
    employed by their own government (Respondent.government), not through where the case is
    handled: a governor is the PPK of provincial staff, not of the regencies' staff. A
    district supervisor reaches none (see CAPABILITIES)."""
    if not can(user, "cases.view"):
        return queryset.none()
    if user.role == Role.BKN:
        return queryset.filter(forwarded=True)
    if user.role in (Role.PPK, Role.BKPSDM):
        own = user.regions.values("id")
        respondents = queryset.model._meta.get_field("respondents").related_model
        return queryset.filter(
            forwarded=True,
            state__in=queryset.model.PPK_STATES,
            pk__in=respondents.objects.filter(government__in=own).values("case_id"),
        )
    provinces = _whole_provinces(user)
    if provinces:
        # Every region on the account is a province: its cases are those carrying it (the
        # province each case keeps beside its region), one range of the province's list
        # indexes rather than its 39 regencies scattered through the country's (issue 20).
        return queryset.filter(province_id__in=provinces)
    return restrict(queryset, user, "region", districts=False)


def _whole_provinces(user):
    """The ids of USER's regions when USER acts for whole provinces only (a province officer),
    else an empty set: a national role (None from scope_region_ids), or a regency on the
    account. Cached on the user object beside the scope."""
    if not is_staff_user(user) or is_national(user):
        return frozenset()
    cache = user.__dict__.setdefault("_netra_scope_ids", {})
    if "provinces" not in cache:
        levels = dict(user.regions.values_list("id", "level"))
        whole = levels and all(level == Region.Level.PROVINCE for level in levels.values())
        cache["provinces"] = frozenset(levels) if whole else frozenset()
    return cache["provinces"]


def case_or_404(queryset, user, **lookup):
    try:
        return restrict_cases(queryset, user).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def restrict_by_case(queryset, user, case_field="case"):
    """Objects hanging off a case (recommendations, say), limited as restrict_cases limits the
    cases, through joins: the figures pages aggregate tens of thousands of them."""
    if not can(user, "cases.view"):
        return queryset.none()
    if user.role == Role.BKN:
        return queryset.filter(**{f"{case_field}__forwarded": True})
    if user.role in (Role.PPK, Role.BKPSDM):
        cases = queryset.model._meta.get_field(case_field).related_model
        return queryset.filter(
            **{f"{case_field}__in": restrict_cases(cases.objects.all(), user).values("pk")}
        )
    return restrict(queryset, user, f"{case_field}__region", districts=False)


def restrict_case_tallies(tallies, user):
    """Counts kept per case region and forwarding (the follow-up tally: REGION and FORWARDED
    fields) limited as restrict_by_case limits the recommendations they count; None for the
    PPK and the BKPSDM, whose reach is by case: they count the objects themselves."""
    if not can(user, "cases.view"):
        return tallies.none()
    if user.role == Role.BKN:
        return tallies.filter(forwarded=True)
    if user.role in (Role.PPK, Role.BKPSDM):
        return None
    return restrict(tallies, user, "region", districts=False)


def roster_by_nip(employees, user, case_region, nip, region_field="region"):
    """The roster entry (in EMPLOYEES) that USER may find by NIP while naming a reported person
    on a case handled in CASE_REGION; the caller has checked that USER handles that case.

    Why a rule: the roster holds the name, agency and position of every civil servant in the
    country, and a NIP can be guessed (it spells a birth date, an appointment month, a gender
    and a short sequence number). Filling in a reported person must not become a way to read
    the national roster one NIP at a time. So:
    - only a whole, exact 18-digit NIP finds anyone: no prefixes, no names;
    - it finds a person whose entry USER may see anyway (working within USER's reach, as on
      the roster pages), or who works where the case is handled or in a region containing it
      (the province's own staff serve in its regencies and cities);
    - anyone else is not found, so nothing of them is shown: the handler gives the name,
      agency and position as reported, and the case goes on without the roster link.
    """
    nip = (nip or "").replace(" ", "")
    if not (len(nip) == 18 and nip.isdigit()):
        return employees.none()
    return roster_for_case(employees.filter(nip=nip), user, case_region, region_field)


def roster_for_case(employees, user, case_region, region_field="region"):
    """The roster entries (in EMPLOYEES) USER may link to a reported person of a case handled
    in CASE_REGION (the rule of roster_by_nip, which a NIP, a name search or a chosen entry all
    go through): within USER's reach, or working where the case is handled or in a region
    containing it. The caller has checked that USER handles that case."""
    if not is_staff_user(user):
        return employees.none()
    reach = scope_region_ids(user, districts=False)
    if reach is None:
        return employees
    code = case_region.code
    containing = [code.rsplit(".", depth)[0] for depth in range(code.count(".") + 1)]
    where = Q(**{f"{region_field}__code__in": containing}) | Q(
        **{f"{region_field}__code__startswith": code + "."}
    )
    if reach:
        where |= Q(**{f"{region_field}__in": reach})
    return employees.filter(where)


def visible_hearings(case, user):
    """The hearings of CASE that USER may see: without cases.see_reporter, not the reporter's.
    (The hearing model, and its party names, come with the queryset: no domain import.)"""
    hearings = case.hearings.all()
    if can(user, "cases.see_reporter"):
        return hearings
    return hearings.exclude(party=hearings.model.Party.REPORTER)


def visible_documents(case, user):
    """The letters of CASE that USER may see: without cases.see_reporter, only those naming
    no reporter (the document model's LETTERS_FOR_OTHERS)."""
    documents = case.documents.all()
    if can(user, "cases.see_reporter"):
        return documents
    return documents.filter(kind__in=documents.model.LETTERS_FOR_OTHERS)


def case_evidence(case, user):
    """The evidence files of CASE's report that USER may see: everyone who reaches the case
    (BKN and the PPK only once it is forwarded, as restrict_cases says), through the case, never
    through the report, whose page carries the reporter's identity. Only the files: their stored
    names are random and photos are stripped of their metadata; the reporter's links may lead to
    the reporter, so they are not here. Empty for a case without a report."""
    if (
        not case.submission_id
        or not restrict_cases(type(case).objects.filter(pk=case.pk), user).exists()
    ):
        return []
    return case.submission.evidence.order_by("pk")


def may_open_report(user, report):
    """Whether USER may open the page of REPORT (a queryset of the one report; its page is
    behind reports.view and the report's region): a case page offers the link only then, never
    a link that answers 404."""
    return can(user, "reports.view") and restrict_reports(report, user).exists()


def may_answer_for(user, government):
    """Whether USER may answer (a decree) for the employees of GOVERNMENT (a region or its id).
    A PPK, or its BKPSDM, answers only for its own government's staff, even on a case it
    reaches through another reported person; other roles read what the case shows."""
    if getattr(user, "role", None) in (Role.PPK, Role.BKPSDM):
        return user.regions.filter(pk=getattr(government, "pk", government)).exists()
    return True


def in_regency_hands(report):
    """Whether REPORT is the regency or city office's now: handed over by its district
    supervisor, or already registered there as a case (its `case`, if any, comes with the
    report's model: no domain import)."""
    return report.handed_over_at is not None or hasattr(report, "case")


def may_act_on_report(user, report):
    """Whether USER may act on REPORT (a report USER reaches): ask the reporter, open the
    identity, decide a duplicate, record a study. A district supervisor no longer acts on a
    report that is in the regency or city office's hands: it only reads it."""
    if not can(user, "reports.handle"):
        return False
    return not (user.role == Role.PANWASCAM and in_regency_hands(report))


def may_hand_over(user, report):
    """Whether USER may hand REPORT (one USER reaches) to the regency or city office: its
    district supervisor, once, and not after the office has registered it. (A second attempt
    is refused by the action, with a message.)"""
    return can(user, "reports.hand_over") and not in_regency_hands(report)


def restrict_audit_entries(queryset, user, region_field="region_code"):
    """Audit entries USER may read on the audit-log page (the caller checks audit.view): all
    of them for a national role (the administrator); for a regional auditor those recorded in
    a region of its reach, found by the region's code (the log keeps codes, not rows, so that
    it never depends on the region table), and none that name no region (accounts, letters)."""
    ids = scope_region_ids(user)
    if ids is None:
        return queryset
    if not ids:
        return queryset.none()
    codes = Region.objects.filter(pk__in=ids).values_list("code", flat=True)
    return queryset.filter(**{f"{region_field}__in": list(codes)})


def users_reaching_every(regions, roles=None):
    """Active accounts whose reach includes every one of REGIONS, as users_reaching says for
    one: the national roles, and every account with, for each region, that region or one
    containing it on it. ROLES, if given, limits them to those roles (who may take over a
    transferred officer's cases, say). Two queries whatever the number of regions."""
    regions = list(regions)
    users = User.objects.filter(is_active=True)
    if roles is not None:
        users = users.filter(role__in=roles)
    if not regions:
        return users.none()
    needs = [
        {region.code.rsplit(".", depth)[0] for depth in range(region.code.count(".") + 1)}
        for region in regions
    ]
    codes = set().union(*needs)
    on_accounts = {}
    for user_id, code in User.regions.through.objects.filter(
        region__code__in=codes, user__in=users.exclude(role__in=NATIONAL_ROLES)
    ).values_list("user_id", "region__code"):
        on_accounts.setdefault(user_id, set()).add(code)
    fit = [uid for uid, have in on_accounts.items() if all(have & need for need in needs)]
    return users.filter(Q(role__in=NATIONAL_ROLES) | Q(pk__in=fit))


def restrict_data_requests(queryset, user):
    """Data-subject requests USER handles: with privacy.requests, those about a regency or
    city within reach, as restrict says (the office holding the data answers for it)."""
    if not can(user, "privacy.requests"):
        return queryset.none()
    return restrict(queryset, user, "region", districts=False)


def data_request_or_404(queryset, user, **lookup):
    try:
        return restrict_data_requests(queryset, user).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
