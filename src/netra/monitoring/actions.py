"""Every change in monitoring, audited: ingestion, triage decisions, confirmed suggestions."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from netra.audit.log import record
from netra.regions.models import Election, Region

from .models import AuthorHandle, ElectionGazetteer, Flag, NewsSuggestion, Source, Text
from .nlp import duplicates
from .nlp.classify import classify, extended_gazetteer
from .nlp.news import extract
from .nlp.places import find_places

DUPLICATE_WINDOW = timedelta(days=30)


class Refused(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def election_for(region, when=None):
    """The election a text in REGION at WHEN belongs to: the nearest one covering the region."""
    elections = Election.objects.filter(Q(national=True) | Q(regions=region)) if region \
        else Election.objects.filter(national=True)
    when = (when or timezone.now()).date()
    upcoming = elections.filter(voting_date__gte=when).order_by("voting_date").first()
    return upcoming or elections.order_by("-voting_date").first()


def gazetteer_for(election):
    """The default gazetteer extended by the election's own (edited by an administrator)."""
    own = ElectionGazetteer.objects.filter(election=election).first() if election else None
    return extended_gazetteer(own.data if own else None)


def _region_of(source, text):
    if source.region_id:
        return source.region
    places = find_places(text)
    if places:
        return Region.objects.filter(code=places[0].code).first()
    return None


def _band_key(fingerprint):
    return " ".join(f"{i}:{b}" for i, b in enumerate(duplicates.bands(fingerprint)))


def _near_duplicate(fingerprint):
    """The first text of the last 30 days within NEAR bits, found through a shared band."""
    recent = Text.objects.filter(duplicate_of__isnull=True,
                                 received_at__gte=timezone.now() - DUPLICATE_WINDOW)
    shared = Q()
    for token in _band_key(fingerprint).split():
        shared |= Q(bands__contains=f" {token} ")
    candidates = recent.filter(shared).values_list("pk", "simhash")[:500]
    for pk, stored in candidates:
        if duplicates.distance(duplicates.unsigned(stored), fingerprint) <= duplicates.NEAR:
            return pk
    return None


@transaction.atomic
def ingest(source, items, *, actor=None):
    """Store new ITEMS of SOURCE; group near-duplicates; classify posts into flags and turn
    articles into prevention suggestions. Returns counts."""
    counts = {"new": 0, "known": 0, "duplicates": 0, "flags": 0, "suggestions": 0}
    kind = Text.Kind.ARTICLE if source.kind == Source.Kind.FEED else Text.Kind.POST
    known = set(Text.objects.filter(source=source, external_id__in=[i.id for i in items])
                .values_list("external_id", flat=True))
    handles, readers = {}, {}  # per batch: known accounts; election and gazetteer per region
    for item in items:
        if item.id in known:
            counts["known"] += 1
            continue
        known.add(item.id)
        fingerprint = duplicates.simhash(item.text)
        original = _near_duplicate(fingerprint)
        region = _region_of(source, item.text)
        text = Text.objects.create(
            source=source, external_id=item.id, kind=kind, url=item.url, author=item.author,
            published_at=item.published, text=item.text, region=region,
            simhash=duplicates.signed(fingerprint), bands=f" {_band_key(fingerprint)} ",
            duplicate_of_id=original)
        counts["new"] += 1
        if original is not None:
            counts["duplicates"] += 1
            continue
        # Every text is read for partisanship (a feed may carry posts too); articles are also
        # read for prevention activity.
        counts["flags"] += _classify(text, region, handles, readers)
        if kind == Text.Kind.ARTICLE and region is not None:
            counts["suggestions"] += _suggest(text, region)
    record(actor, "monitoring.ingested", source, data={"source": source.name, **counts})
    return counts


def _reader(region, when, readers):
    """The election of REGION at WHEN and its gazetteer; each looked up once per batch."""
    key = (region.pk if region else None, timezone.localtime(when).date() if when else None)
    if key not in readers:
        election = election_for(region, when)
        gazetteers = readers.setdefault("gazetteers", {})
        if election not in gazetteers:
            gazetteers[election] = gazetteer_for(election)
        readers[key] = (election, gazetteers[election])
    return readers[key]


def _classify(text, region, handles, readers):
    election, gazetteer = _reader(region, text.published_at, readers)
    determined = election.candidate_determination_date if election else None
    before = bool(determined and text.published_at and
                  timezone.localtime(text.published_at).date() < determined)
    result = classify(text.text, gazetteer=gazetteer, before_determination=before)
    Text.objects.filter(pk=text.pk).update(label=result.label)
    if result.label != "partisan_support":
        return 0
    handle = text.author.lstrip("@").lower()
    if handle and handle not in handles:
        handles[handle] = AuthorHandle.objects.filter(handle=handle).values_list(
            "employee_id", flat=True).first()
    Flag.objects.create(text=text, region=region, score=result.score, codes=list(result.codes),
                        evidence=[list(span) for span in result.evidence],
                        employee_id=handles.get(handle))
    return 1


def _suggest(text, region):
    published = timezone.localtime(text.published_at).date() if text.published_at else None
    extracted = extract(text.text, published)
    if not extracted["activities"]:
        return 0
    NewsSuggestion.objects.create(text=text, region=region, extracted=extracted)
    return 1


def poll_feeds(fetch=None, now=None):
    """Read every active feed not read in the last NETRA_FEED_MINUTES (the worker's round)."""
    from . import inputs

    fetch = fetch or _fetch
    now = now or timezone.now()
    due = Source.objects.filter(kind=Source.Kind.FEED, active=True).filter(
        Q(last_polled_at__isnull=True) |
        Q(last_polled_at__lt=now - timedelta(minutes=settings.NETRA_FEED_MINUTES)))
    totals = 0
    for source in due:
        try:
            items = inputs.read_feed(fetch(source.url), source.name)
            totals += ingest(source, items)["new"]
            source.last_error = ""
        except (OSError, inputs.InputError) as error:
            source.last_error = str(getattr(error, "code", error))[:500]
        source.last_polled_at = now
        source.save(update_fields=["last_polled_at", "last_error"])
    return totals


def _fetch(url):
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "Netra/1 (+pemantauan)"})
    with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - feeds only
        return response.read(5 * 1024 * 1024 + 1)


@transaction.atomic
def dismiss(actor, flag, *, reason, label):
    """Not a violation: the reason is kept, and the label the post deserves (for retraining)."""
    flag = Flag.objects.select_for_update().get(pk=flag.pk)
    if flag.status != Flag.Status.OPEN:
        raise Refused("decided")
    if not reason.strip() or label not in ("neutrality_related", "unrelated",
                                           "partisan_support"):
        raise Refused("reason_required")
    flag.status, flag.reason, flag.training_label = Flag.Status.DISMISSED, reason.strip(), label
    flag.decided_by, flag.decided_at = actor, timezone.now()
    flag.save()
    record(actor, "monitoring.flag_dismissed", flag, region=flag.region,
           data={"label": label, "reason": flag.reason})
    return flag


def snapshot_pdf(flag):
    """The post as it was seen: text, link, author and when it was captured, as a PDF."""
    from django.template.loader import render_to_string
    from django.utils import translation
    from weasyprint import HTML

    with translation.override("id"):
        html = render_to_string("monitoring/snapshot.html", {
            "flag": flag, "text": flag.text, "captured": timezone.localtime()})
    return HTML(string=html).write_pdf()


@transaction.atomic
def make_finding(actor, flag, *, election=None):
    """Open a finding (temuan) case from the flag, with the post's text, link and a snapshot
    as evidence; the flag's label becomes partisan support."""
    from netra.cases import actions as case_actions

    flag = Flag.objects.select_for_update(of=("self",)).select_related("text", "region").get(
        pk=flag.pk)
    if flag.status != Flag.Status.OPEN:
        raise Refused("decided")
    region = flag.region or actor.regions.exclude(level=Region.Level.DISTRICT).first()
    if region is None:
        raise Refused("no_region")
    if region.level == Region.Level.DISTRICT:
        region = region.parent
    election = election or election_for(region, flag.text.published_at)
    text = flag.text
    summary = (f"Temuan pemantauan media sosial ({', '.join(flag.codes) or 'tanpa kode'}).\n"
               f"Akun: {text.author or '-'}\nTautan: {text.url or '-'}\n\n{text.text}")
    case = case_actions.open_finding(actor, election=election, region=region,
                                     summary=summary[:10_000])
    if flag.employee_id:
        case_actions.add_respondent(actor, case, version=case.version, employee=flag.employee)
    case_actions.attach(actor, case, title="Tangkapan unggahan (pemantauan)",
                        data=snapshot_pdf(flag))
    flag.status, flag.case, flag.training_label = Flag.Status.FINDING, case, "partisan_support"
    flag.decided_by, flag.decided_at = actor, timezone.now()
    flag.save()
    record(actor, "monitoring.flag_to_finding", flag, region=region, data={"case": case.pk})
    return case


EVENT_KINDS = {"outreach": "outreach", "declaration": "declaration", "rally": "rally"}
EVENT_MODES = {"offline": "in_person", "online": "online", "hybrid": "hybrid", None: "in_person"}


def _day(value, fallback):
    from datetime import date

    if not value:
        return fallback
    return date.fromisoformat(value if len(value) == 10 else f"{value}-01")


@transaction.atomic
def confirm_suggestion(actor, suggestion):
    """Record the article's activities in prevention: circulars and events of its region."""
    from netra.prevention import actions as prevention

    suggestion = NewsSuggestion.objects.select_for_update().select_related(
        "text", "region").get(pk=suggestion.pk)
    if suggestion.status != NewsSuggestion.Status.PENDING:
        raise Refused("decided")
    text = suggestion.text
    published = timezone.localtime(text.published_at).date() if text.published_at \
        else timezone.localdate()
    title = text.text.split("\n", 1)[0][:250]
    people = suggestion.extracted.get("people", [])
    issuer = people[0]["title"] if people else "Pemerintah daerah"
    made = []
    for activity in suggestion.extracted["activities"]:
        day = _day(activity["date_start"], published)
        if activity["type"] == "circular":
            made.append(prevention.add_circular(
                actor, region=suggestion.region, number=activity["reference"] or "-",
                issued_on=day, issuer=issuer[:200], subject=title[:500]))
        else:
            zone = timezone.get_current_timezone()
            made.append(prevention.add_event(
                actor, region=suggestion.region, title=f"{title} (dari berita)"[:300],
                kind=EVENT_KINDS[activity["type"]], mode=EVENT_MODES[activity["mode"]],
                place="", starts_at=datetime.combine(day, time(8, 0), tzinfo=zone),
                organiser="Pemerintah daerah (menurut berita)", partners=[], audience=["asn"]))
    suggestion.status = NewsSuggestion.Status.CONFIRMED
    suggestion.decided_by, suggestion.decided_at = actor, timezone.now()
    suggestion.save()
    record(actor, "monitoring.suggestion_confirmed", suggestion, region=suggestion.region,
           data={"records": len(made), "url": text.url})
    return made


@transaction.atomic
def dismiss_suggestion(actor, suggestion):
    suggestion = NewsSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.status != NewsSuggestion.Status.PENDING:
        raise Refused("decided")
    suggestion.status = NewsSuggestion.Status.DISMISSED
    suggestion.decided_by, suggestion.decided_at = actor, timezone.now()
    suggestion.save()
    record(actor, "monitoring.suggestion_dismissed", suggestion, region=suggestion.region)


@transaction.atomic
def add_handle(actor, *, handle, employee):
    handle = handle.strip().lstrip("@").lower()
    if not handle:
        raise Refused("handle_required")
    mapping, _created = AuthorHandle.objects.update_or_create(
        handle=handle, defaults={"employee": employee, "recorded_by": actor})
    Flag.objects.filter(text__author__iexact=handle, employee__isnull=True).update(
        employee=employee)
    Flag.objects.filter(text__author__iexact=f"@{handle}", employee__isnull=True).update(
        employee=employee)
    record(actor, "monitoring.handle", mapping, data={"handle": handle, "employee": employee.pk})
    return mapping


@transaction.atomic
def save_gazetteer(actor, election, data):
    gazetteer, _created = ElectionGazetteer.objects.update_or_create(
        election=election, defaults={"data": data, "updated_by": actor})
    record(actor, "monitoring.gazetteer", gazetteer, data={
        "election": election.code, **{k: len(v) for k, v in data.items()}})
    return gazetteer


def queue_file(actor, source, uploaded):
    """Keep an uploaded file (already checked) for the worker, which ingests it."""
    from django.core.files.storage import default_storage

    from .tasks import ingest_stored_file

    stored = default_storage.save("monitoring-imports/upload", uploaded)
    record(actor, "monitoring.import_queued", source, data={"file": uploaded.name[:255]})
    transaction.on_commit(lambda: ingest_stored_file.enqueue(source.pk, stored, actor.pk))
    return stored


def ingest_stored(source_id, stored_name, actor_id):
    from django.contrib.auth import get_user_model
    from django.core.files.storage import default_storage

    from . import inputs

    source = Source.objects.get(pk=source_id)
    actor = get_user_model().objects.filter(pk=actor_id).first()
    try:
        with default_storage.open(stored_name, "rb") as stored:
            items = inputs.read_file(stored.read())
        return ingest(source, items, actor=actor)
    finally:
        default_storage.delete(stored_name)
