"""Every change in monitoring, audited: ingestion, triage decisions, confirmed suggestions."""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from netra.accounts.access import acting_region
from netra.audit.log import record
from netra.cases import actions as case_actions
from netra.common import pdf
from netra.lib.refusals import Refused
from netra.prevention import actions as prevention
from netra.regions.models import Election, Region

from . import fetch as feeds
from . import inputs
from .models import AuthorHandle, ElectionGazetteer, Flag, NewsSuggestion, Source, Text, TextBand
from .nlp import duplicates
from .nlp.classify import classify_many, extended_gazetteer
from .nlp.news import extract
from .nlp.places import find_places

DUPLICATE_WINDOW = timedelta(days=30)
CLASSIFY_BATCH = 256  # posts per pass of the models
DUPLICATE_PAGE = 500  # near-duplicate candidates read per query


@transaction.atomic
def source_for(actor, *, region, name, kind):
    """The source NAME of REGION (which the caller chose from their reach), made and audited
    the first time. Another region's source of the same name is never touched."""
    name = name.strip()[:200]
    if not name:
        raise Refused("name_required")
    source, created = Source.objects.get_or_create(
        region=region, name=name, defaults={"kind": kind}
    )
    if created:
        record(
            actor,
            "monitoring.source_added",
            source,
            region=region,
            data={"name": name, "kind": kind},
        )
    return source


@transaction.atomic
def add_feed(actor, *, region, name, url):
    """A news feed of REGION that the worker reads from now on. Its address must lead to a
    public host (fetch.check_url): the worker fetches it with its own network position."""
    name, url = name.strip()[:200], url.strip()
    if not name:
        raise Refused("name_required")
    if len(url) > Source._meta.get_field("url").max_length:
        raise Refused("bad_url")
    try:
        feeds.check_url(url)
    except feeds.Refused as refused:
        raise Refused(refused.code, refused.detail) from None
    if Source.objects.filter(region=region, name=name).exists():
        raise Refused("source_exists")
    source = Source.objects.create(region=region, name=name, kind=Source.Kind.FEED, url=url)
    record(
        actor,
        "monitoring.source_added",
        source,
        region=region,
        data={"name": name, "kind": Source.Kind.FEED, "url": url},
    )
    return source


def election_for(region, when=None):
    """The election a text in REGION at WHEN belongs to: the nearest one covering the region."""
    elections = (
        Election.objects.filter(Q(national=True) | Q(regions=region))
        if region
        else Election.objects.filter(national=True)
    )
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


def _band_keys(fingerprint):
    """The eight bands as small integers: band index * 256 + band value."""
    return [i * 256 + value for i, value in enumerate(duplicates.bands(fingerprint))]


def _near_duplicate(fingerprint, region, batch):
    """The first original text of REGION of the last 30 days within NEAR bits. Two texts that
    close share a band exactly, so the candidates are the texts with one of the eight keys: the
    band table's (an index range each, and no cap that could hide the original) and those of
    BATCH, the originals of this ingest ((region id, key) -> [(text id, fingerprint)]), whose
    band rows are written at its end.

    Plain queries of one table each, which no planner can turn into a scan: the candidates'
    ids from the band index, then their texts by primary key, DUPLICATE_PAGE at a time in id
    order until one is near; whether a text is an original of the window is decided here. (The
    join of the two tables through a server-side cursor read a whole table per post: planned
    from the texts on a PostgreSQL without statistics, or in text order for a cursor's first
    rows once analysed.)
    """
    keys = _band_keys(fingerprint)
    region_id = region.pk if region else None
    mine = {pk: value for key in keys for pk, value in batch.get((region_id, key), ())}
    stored = TextBand.objects.filter(region=region, key__in=keys).values_list("text_id", flat=True)
    candidates = sorted({*stored, *mine})
    since = timezone.now() - DUPLICATE_WINDOW
    for start in range(0, len(candidates), DUPLICATE_PAGE):
        page = candidates[start : start + DUPLICATE_PAGE]
        others = [pk for pk in page if pk not in mine]
        read = {
            pk: (duplicates.unsigned(simhash), duplicate_of is None and received >= since)
            for pk, simhash, duplicate_of, received in (
                Text.objects.filter(pk__in=others).values_list(
                    "pk", "simhash", "duplicate_of_id", "received_at"
                )
                if others
                else ()
            )
        }
        for pk in page:
            value, original = (mine[pk], True) if pk in mine else read.get(pk, (0, False))
            if original and duplicates.distance(value, fingerprint) <= duplicates.NEAR:
                return pk
    return None


@transaction.atomic
def ingest(source, items, *, actor=None):
    """Store new ITEMS of SOURCE; group near-duplicates; classify posts into flags and turn
    articles into prevention suggestions. Returns counts."""
    counts = {"new": 0, "known": 0, "duplicates": 0, "flags": 0, "suggestions": 0}
    kind = Text.Kind.ARTICLE if source.kind == Source.Kind.FEED else Text.Kind.POST
    known = set(
        Text.objects.filter(source=source, external_id__in=[i.id for i in items]).values_list(
            "external_id", flat=True
        )
    )
    handles, readers = {}, {}  # per batch: known accounts; election and gazetteer per region
    originals, batch, bands = [], {}, []
    for item in items:
        if item.id in known:
            counts["known"] += 1
            continue
        known.add(item.id)
        fingerprint = duplicates.simhash(item.text)
        region = _region_of(source, item.text)
        original = _near_duplicate(fingerprint, region, batch)  # grouped within a region
        text = Text.objects.create(
            source=source,
            external_id=item.id,
            kind=kind,
            url=item.url,
            author=item.author,
            published_at=item.published,
            text=item.text,
            region=region,
            simhash=duplicates.signed(fingerprint),
            duplicate_of_id=original,
        )
        counts["new"] += 1
        if original is not None:
            counts["duplicates"] += 1
            continue
        # Only originals are candidates, so only they get band rows.
        for key in _band_keys(fingerprint):
            batch.setdefault((text.region_id, key), []).append((text.pk, fingerprint))
            bands.append(TextBand(region=region, key=key, text=text))
        originals.append((text, region))
        if kind == Text.Kind.ARTICLE and region is not None:
            counts["suggestions"] += _suggest(text, region)
    TextBand.objects.bulk_create(bands, batch_size=2000)
    # Every original is read for partisanship (a feed may carry posts too), all at once: the
    # models cost far less per post in one batch than one post at a time.
    counts["flags"] += _classify_all(originals, handles, readers)
    record(
        actor,
        "monitoring.ingested",
        source,
        region=source.region,
        data={"source": source.name, **counts},
    )
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


def _classify_all(originals, handles, readers):
    """Classify ORIGINALS ((text, region) pairs) in batches, one per election gazetteer;
    returns the number of flags made."""
    batches = {}
    for text, region in originals:
        election, gazetteer = _reader(region, text.published_at, readers)
        determined = election.candidate_determination_date if election else None
        before = bool(
            determined
            and text.published_at
            and timezone.localtime(text.published_at).date() < determined
        )
        batches.setdefault(id(gazetteer), (gazetteer, []))[1].append((text, region, before))
    flags = 0
    for gazetteer, rows in batches.values():
        for start in range(0, len(rows), CLASSIFY_BATCH):
            chunk = rows[start : start + CLASSIFY_BATCH]
            results = classify_many(
                [text.text for text, _, _ in chunk],
                gazetteer=gazetteer,
                before_determination=[before for _, _, before in chunk],
            )
            flags += _flag(chunk, results, handles)
    return flags


def _flag(chunk, results, handles):
    """Label the texts of CHUNK ((text, region, before) rows) with their RESULTS, one UPDATE
    per label, and flag the partisan ones in one INSERT, naming the employee of their known
    account; returns the number of flags."""
    labelled, partisan = {}, []
    for (text, region, _), result in zip(chunk, results, strict=True):
        labelled.setdefault(result.label, []).append(text.pk)
        if result.label == "partisan_support":
            handle = text.author.lstrip("@").lower()
            partisan.append((text, region, result, (handle, region.pk if region else None)))
    for label, pks in labelled.items():
        Text.objects.filter(pk__in=pks).update(label=label)
    _look_up_handles(
        [(key[0], region) for _, region, _, key in partisan if key[0] and region is not None],
        handles,
    )
    Flag.objects.bulk_create(
        [
            Flag(
                text=text,
                region=region,
                score=result.score,
                codes=list(result.codes),
                evidence=[list(span) for span in result.evidence],
                employee_id=handles.get(key),
            )
            for text, region, result, key in partisan
        ]
    )
    return len(partisan)


def _look_up_handles(wanted, handles):
    """Put into HANDLES, for each (handle, region) of WANTED not in it yet, the employee the
    handle was recorded for in the region or a region around it (the nearest), or None: one
    query per region."""
    by_region = {}
    for handle, region in wanted:
        if (handle, region.pk) not in handles:
            by_region.setdefault(region.pk, (region, set()))[1].add(handle)
    for region, names in by_region.values():
        parts = region.code.split(".")
        around = [".".join(parts[:n]) for n in range(1, len(parts) + 1)]
        nearest = {}
        # The codes around a region are prefixes of its own: the longest, the nearest, last.
        for handle, _code, employee_id in (
            AuthorHandle.objects.filter(handle__in=names, region__code__in=around)
            .order_by("region__code")
            .values_list("handle", "region__code", "employee_id")
        ):
            nearest[handle] = employee_id
        for handle in names:
            handles[(handle, region.pk)] = nearest.get(handle)


def _suggest(text, region):
    published = timezone.localtime(text.published_at).date() if text.published_at else None
    extracted = extract(text.text, published)
    if not extracted["activities"]:
        return 0
    NewsSuggestion.objects.create(text=text, region=region, extracted=extracted)
    return 1


def poll_feeds(fetch=None, now=None):
    """Read every active feed that is due (the worker's round); returns the new texts. Safe
    with several workers: each feed is claimed before it is read, by one worker only."""
    now = now or timezone.now()
    return sum(poll_feed(source_id, fetch=fetch, now=now) for source_id in due_feeds(now))


def _due(now):
    return Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now)


def due_feeds(now, limit=200):
    """Ids of the active feeds due at NOW, the longest waiting first."""
    return list(
        Source.objects.filter(_due(now), kind=Source.Kind.FEED, active=True)
        .order_by(F("next_poll_at").asc(nulls_first=True), "pk")
        .values_list("pk", flat=True)[:limit]
    )


def claim_feed(source_id, now):
    """Move the feed's next reading NETRA_FEED_MINUTES ahead if it is still due, in one
    conditional UPDATE (committed at once: the claim must be seen by the other workers before
    the slow fetch). True for the one worker whose update changed the row."""
    later = now + timedelta(minutes=settings.NETRA_FEED_MINUTES)
    return (
        Source.objects.filter(_due(now), pk=source_id, kind=Source.Kind.FEED, active=True).update(
            next_poll_at=later
        )
        == 1
    )


def poll_feed(source_id, *, fetch=None, now=None):
    """Claim the feed, then fetch, read and ingest it; the new texts (0 when another worker
    has it). A worker that dies midway leaves the claim, which lapses at the next due time."""
    now = now or timezone.now()
    if not claim_feed(source_id, now):
        return 0
    source = Source.objects.select_related("region").get(pk=source_id)
    new, error = 0, ""
    try:
        fetched = (fetch or feeds.fetch)(source.url)
        items = inputs.read_feed(fetched.data, source.name, fetched.content_type)
        new = ingest(source, items)["new"]
    except (feeds.Refused, inputs.InputError) as refused:
        # The status is worth showing; other details (addresses, host names) are not.
        error = (
            f"{refused.code}:{refused.detail}" if refused.code == "http_status" else refused.code
        )
    Source.objects.filter(pk=source_id).update(last_polled_at=now, last_error=error[:500])
    return new


@transaction.atomic
def dismiss(actor, flag, *, reason, label):
    """Not a violation: the reason is kept, and the label the post deserves (for retraining)."""
    flag = Flag.objects.select_for_update().get(pk=flag.pk)
    if flag.status != Flag.Status.OPEN:
        raise Refused("decided")
    if not reason.strip() or label not in ("neutrality_related", "unrelated", "partisan_support"):
        raise Refused("reason_required")
    flag.status, flag.reason, flag.training_label = Flag.Status.DISMISSED, reason.strip(), label
    flag.decided_by, flag.decided_at = actor, timezone.now()
    flag.save()
    record(
        actor,
        "monitoring.flag_dismissed",
        flag,
        region=flag.region,
        data={"label": label, "reason": flag.reason},
    )
    return flag


def snapshot_pdf(flag):
    """The post as it was seen: text, link, author and when it was captured, as a PDF."""
    with translation.override("id"):
        html = render_to_string(
            "monitoring/snapshot.html",
            {"flag": flag, "text": flag.text, "captured": timezone.localtime()},
        )
    return pdf.render(html)  # fetches nothing but the app's static files


def make_finding(actor, flag, *, election=None):
    """Open a finding (temuan) case from the flag, with the post's text, link and a snapshot
    as evidence; the flag's label becomes partisan support.

    The snapshot (about a second of PDF rendering) is made before the transaction opens, so
    that no audited write elsewhere waits on it; the flag is then checked again under its lock.
    """
    seen = Flag.objects.select_related("text", "region").get(pk=flag.pk)
    if seen.status != Flag.Status.OPEN:
        raise Refused("decided")
    snapshot = snapshot_pdf(seen)
    with transaction.atomic():
        return _finding_from(actor, seen, snapshot, election)


def _finding_from(actor, flag, snapshot, election):
    flag = (
        Flag.objects.select_for_update(of=("self",))
        .select_related("text", "region")
        .get(pk=flag.pk)
    )
    if flag.status != Flag.Status.OPEN:
        raise Refused("decided")
    region = flag.region or acting_region(actor)
    if region is None:
        raise Refused("no_region")
    if region.level == Region.Level.DISTRICT:
        region = region.parent
    election = election or election_for(region, flag.text.published_at)
    text = flag.text
    summary = (
        f"Temuan pemantauan media sosial ({', '.join(flag.codes) or 'tanpa kode'}).\n"
        f"Akun: {text.author or '-'}\nTautan: {text.url or '-'}\n\n{text.text}"
    )
    case = case_actions.open_finding(
        actor, election=election, region=region, summary=summary[:10_000]
    )
    if flag.employee_id:
        case_actions.add_respondent(actor, case, version=case.version, employee=flag.employee)
    case_actions.attach(actor, case, title="Tangkapan unggahan (pemantauan)", data=snapshot)
    flag.status, flag.case, flag.training_label = Flag.Status.FINDING, case, "partisan_support"
    flag.decided_by, flag.decided_at = actor, timezone.now()
    flag.save()
    record(actor, "monitoring.flag_to_finding", flag, region=region, data={"case": case.pk})
    return case


EVENT_KINDS = {"outreach": "outreach", "declaration": "declaration", "rally": "rally"}
EVENT_MODES = {"offline": "in_person", "online": "online", "hybrid": "hybrid", None: "in_person"}


def _day(value, fallback):
    if not value:
        return fallback
    return date.fromisoformat(value if len(value) == 10 else f"{value}-01")


@transaction.atomic
def confirm_suggestion(actor, suggestion):
    """Record the article's activities in prevention: circulars and events of its region."""
    suggestion = (
        NewsSuggestion.objects.select_for_update()
        .select_related("text", "region")
        .get(pk=suggestion.pk)
    )
    if suggestion.status != NewsSuggestion.Status.PENDING:
        raise Refused("decided")
    text = suggestion.text
    published = (
        timezone.localtime(text.published_at).date() if text.published_at else timezone.localdate()
    )
    title = text.text.split("\n", 1)[0][:250]
    people = suggestion.extracted.get("people", [])
    issuer = people[0]["title"] if people else "Pemerintah daerah"
    made = []
    for activity in suggestion.extracted["activities"]:
        day = _day(activity["date_start"], published)
        if activity["type"] == "circular":
            made.append(
                prevention.add_circular(
                    actor,
                    region=suggestion.region,
                    number=activity["reference"] or "-",
                    issued_on=day,
                    issuer=issuer[:200],
                    subject=title[:500],
                )
            )
        else:
            zone = timezone.get_current_timezone()
            made.append(
                prevention.add_event(
                    actor,
                    region=suggestion.region,
                    title=f"{title} (dari berita)"[:300],
                    kind=EVENT_KINDS[activity["type"]],
                    mode=EVENT_MODES[activity["mode"]],
                    place="",
                    starts_at=datetime.combine(day, time(8, 0), tzinfo=zone),
                    organiser="Pemerintah daerah (menurut berita)",
                    partners=[],
                    audience=["asn"],
                )
            )
    suggestion.status = NewsSuggestion.Status.CONFIRMED
    suggestion.decided_by, suggestion.decided_at = actor, timezone.now()
    suggestion.save()
    record(
        actor,
        "monitoring.suggestion_confirmed",
        suggestion,
        region=suggestion.region,
        data={"records": len(made), "url": text.url},
    )
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
def add_handle(actor, *, region, handle, employee):
    """HANDLE belongs to EMPLOYEE, for the posts of REGION (and of the regions inside it):
    their open flags without a named employee get this one. Other regions keep their own."""
    handle = handle.strip().lstrip("@").lower()
    if not handle:
        raise Refused("handle_required")
    mapping, _created = AuthorHandle.objects.update_or_create(
        region=region, handle=handle, defaults={"employee": employee, "recorded_by": actor}
    )
    Flag.objects.filter(region.within_q("region"), employee__isnull=True).filter(
        Q(text__author__iexact=handle) | Q(text__author__iexact=f"@{handle}")
    ).update(employee=employee)
    record(
        actor,
        "monitoring.handle",
        mapping,
        region=region,
        data={"handle": handle, "employee": employee.pk},
    )
    return mapping


@transaction.atomic
def save_gazetteer(actor, election, data):
    gazetteer, _created = ElectionGazetteer.objects.update_or_create(
        election=election, defaults={"data": data, "updated_by": actor}
    )
    record(
        actor,
        "monitoring.gazetteer",
        gazetteer,
        data={"election": election.code, **{k: len(v) for k, v in data.items()}},
    )
    return gazetteer


def queue_file(actor, source, uploaded):
    """Keep an uploaded file (already checked) for the worker, which ingests it."""
    # tasks.py is the worker's entry into this module: it imports this module when the task
    # runs, so importing it at the top would make a cycle.
    from .tasks import ingest_stored_file

    stored = default_storage.save("monitoring-imports/upload", uploaded)
    record(actor, "monitoring.import_queued", source, data={"file": uploaded.name[:255]})
    transaction.on_commit(lambda: ingest_stored_file.enqueue(source.pk, stored, actor.pk))
    return stored


def ingest_stored(source_id, stored_name, actor_id):
    source = Source.objects.get(pk=source_id)
    actor = get_user_model().objects.filter(pk=actor_id).first()
    try:
        with default_storage.open(stored_name, "rb") as stored:
            items = inputs.read_file(stored.read())
        return ingest(source, items, actor=actor)
    finally:
        default_storage.delete(stored_name)
