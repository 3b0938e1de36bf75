import re

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netra.accounts.access import region_in_scope, restrict
from netra.accounts.models import Role, User
from netra.common.forms import positive_id, validate_date_range
from netra.common.listing import SEARCH_MAX_WORDS, Column, ListFilter, Sorting, TextMatch
from netra.lib.names import phonetic_key
from netra.lib.nip import NipError, normalize_nip, parse_nip
from netra.people.models import Employee
from netra.regions.labels import RegionChoiceField, region_choices
from netra.regions.models import Election, Region

from . import conduct, evidence, references, uploads
from .models import EvidenceLink, Submission

EVIDENCE_MESSAGES = {
    "empty": _("%(name)s is empty."),
    "too_large": _("%(name)s is larger than %(max_mb)s MB."),
    "type": _(
        "%(name)s is not a photo, video or PDF (JPEG, PNG, WebP, HEIC, GIF, MP4, WebM, PDF)."
    ),
    "damaged": _("%(name)s is damaged or is not the kind of file its name says."),
    "too_big_image": _(
        "%(name)s is %(width)s x %(height)s pixels, more than the %(max_mp)s "
        "megapixels that can be opened. Send it in a lower resolution, or as a "
        "JPEG."
    ),
    "too_big_animation": _(
        "%(name)s has %(frames)s frames of %(width)s x %(height)s pixels, more "
        "than the %(max_mp)s megapixels in all that can be opened. Send it as "
        "a video (MP4 or WebM) instead."
    ),
    "too_many_frames": _(
        "%(name)s has more than %(max_frames)s frames. Send it as a video (MP4 or WebM) instead."
    ),
    "too_heavy": _(
        "%(name)s needs more memory or time to open than is allowed. Send a smaller "
        "or simpler version of it."
    ),
    "too_many": _("Attach at most %(max_files)s files."),
}


class _Params(dict):
    def __missing__(self, key):
        return "?"  # a message never fails for want of a figure


def evidence_message(exc, name):
    """The user's-language message for an EvidenceError about the file called NAME."""
    return str(EVIDENCE_MESSAGES[exc.code]) % _Params(name=name[:80], **exc.params)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class _KeptChoice:
    """A choice field whose value is looked up among the reference data kept per process
    (references.py) rather than read from the database on every submission; the choices
    offered on the page still come from the queryset."""

    def kept(self, code):
        raise NotImplementedError

    def to_python(self, value):
        if value in self.empty_values:
            return None
        found = self.kept(str(value)) if isinstance(value, (str, int)) else None
        if found is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return found


class ElectionField(_KeptChoice, forms.ModelChoiceField):
    def kept(self, code):
        return references.election(code)


class PlaceOfReportField(_KeptChoice, RegionChoiceField):
    """A regency or city (a province is no place a report is handled: each regency or city
    has its office)."""

    def kept(self, code):
        found = references.region(code)
        return found if found and found.level in (Region.Level.REGENCY, Region.Level.CITY) else None


class RegionField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class DistrictField(_KeptChoice, RegionField):
    def kept(self, code):
        found = references.region(code)
        return found if found and found.level == Region.Level.DISTRICT else None


def valid_nik(value):
    """A NIK has 16 digits whose first six name a real district and whose next six a real birth
    date (women add 40 to the day)."""
    # Imported here: lokal's district tables take about 0.27 s to load, and only a NIK needs them.
    from lokal.nik import parse_nik

    info = parse_nik(value)
    return info.valid and references.region(info.district_code) is not None


class SubmissionForm(forms.Form):
    """The public report form (/lapor/) and the JSON API share these rules."""

    description = forms.CharField(
        label=_("What happened?"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 5})
    )
    incident_date = forms.DateField(
        label=_("When did it happen?"),
        validators=[validate_date_range],
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    known_date = forms.DateField(
        label=_("When did you learn about it?"),
        validators=[validate_date_range],
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    # Codes, not database ids: the same values as /api/v1/regions and /api/v1/elections.
    election = ElectionField(
        label=_("Election"), queryset=Election.objects.all(), empty_label=None, to_field_name="code"
    )
    # Labelled with the province ("Kabupaten Jember — Jawa Timur (35.09)"), as a type-ahead.
    region = PlaceOfReportField(
        label=_("Regency or city where it happened"),
        to_field_name="code",
        # A province is not a place a report can be handled: each regency or city has its office.
        queryset=Region.objects.filter(
            level__in=(Region.Level.REGENCY, Region.Level.CITY)
        ).order_by("name"),
        error_messages={
            "invalid_choice": _("Choose a regency or city from the list (not a province).")
        },
    )
    district = DistrictField(
        label=_("District (kecamatan)"),
        required=False,
        to_field_name="code",
        queryset=Region.objects.filter(level=Region.Level.DISTRICT),
    )
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    person_name = forms.CharField(label=_("Name of the civil servant"), max_length=255)
    person_nip = forms.CharField(label=_("NIP, if you know it"), max_length=30, required=False)
    person_agency = forms.CharField(label=_("Agency (OPD)"), max_length=255, required=False)
    person_position = forms.CharField(label=_("Position"), max_length=255, required=False)
    conduct = forms.MultipleChoiceField(
        label=_("What kind of conduct? (optional)"),
        choices=conduct.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    links = forms.CharField(
        label=_("Links (one per line)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    evidence = MultipleFileField(
        label=_("Evidence: photos, screenshots, videos, PDF"), required=False
    )
    anonymous = forms.BooleanField(label=_("I want to stay anonymous"), required=False)
    reporter_name = forms.CharField(label=_("Your name"), max_length=255, required=False)
    reporter_address = forms.CharField(label=_("Your address"), max_length=500, required=False)
    reporter_nik = forms.CharField(label=_("Your NIK (16 digits)"), max_length=20, required=False)
    reporter_phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)
    reporter_email = forms.EmailField(label=_("E-mail"), required=False)
    # A field people never see; bots fill it in.
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"})
    )

    too_large = False
    opened_evidence = False

    def __init__(self, *args, staged_count=0, **kwargs):
        # STAGED_COUNT: files kept from an earlier try of this form (reports/staging.py),
        # which count against the limit with the new ones.
        self.staged_count = staged_count
        super().__init__(*args, **kwargs)
        latest = references.latest_election()
        if latest is not None:
            self.fields["election"].initial = latest.code

    def clean_person_nip(self):
        value = normalize_nip(self.cleaned_data["person_nip"])
        if value:
            try:
                parse_nip(value)
            except NipError:
                raise forms.ValidationError(_("This is not a valid NIP (18 digits).")) from None
        return value

    def clean_reporter_nik(self):
        value = "".join(ch for ch in self.cleaned_data["reporter_nik"] if not ch.isspace())
        if value and not (len(value) == 16 and value.isdigit() and valid_nik(value)):
            raise forms.ValidationError(
                _(
                    "This is not a valid NIK: 16 digits starting with your district code "
                    "and birth date."
                )
            )
        return value

    def clean_links(self):
        urls = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(urls) > 10:
            raise forms.ValidationError(_("Give at most 10 links."))
        check = URLValidator(schemes=["http", "https"])
        # The URL check allows 2,048 characters; the column holds fewer.
        longest = EvidenceLink._meta.get_field("url").max_length
        for url in urls:
            if len(url) > longest:
                raise forms.ValidationError(
                    _("A link may have at most %(max)s characters: %(url)s…")
                    % {"max": longest, "url": url[:80]}
                )
            try:
                check(url)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("%(url)s is not a web address.") % {"url": url[:80]}
                ) from None
        return urls

    def clean_evidence(self):
        files = self.cleaned_data["evidence"]
        try:
            evidence.check_count(len(files) + self.staged_count, settings.NETRA_EVIDENCE_MAX_FILES)
        except evidence.EvidenceError as exc:
            raise forms.ValidationError(evidence_message(exc, "")) from exc
        cleaned, errors = [], []
        # Opening the files is the costly part of a submission: the views count it.
        self.opened_evidence = bool(files)
        for upload in files:
            try:
                data = upload.read(settings.NETRA_EVIDENCE_MAX_BYTES + 1)
                cleaned.append(uploads.clean(data))
            except evidence.EvidenceError as exc:
                # The API answers 413 rather than 400 for this one.
                self.too_large = self.too_large or exc.code == "too_large"
                errors.append(evidence_message(exc, upload.name))
        if errors:
            raise forms.ValidationError(errors)
        return cleaned

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        incident, known = data.get("incident_date"), data.get("known_date")
        for name, value in (("incident_date", incident), ("known_date", known)):
            if value and value > today:
                self.add_error(name, _("This date is in the future."))
        if incident and known and incident > known:
            self.add_error(
                "incident_date", _("The conduct cannot have happened after you learned about it.")
            )
        region, district, election = data.get("region"), data.get("district"), data.get("election")
        if region and district and not district.is_within(region):
            self.add_error("district", _("This district is not in the chosen regency or city."))
        if region and election and not references.takes_part(election, region):
            self.add_error(
                "region",
                _("%(region)s does not take part in %(election)s.")
                % {"region": region.name, "election": election.name},
            )
        if not data.get("anonymous"):
            required = {
                "reporter_name": _("Your name is needed for a formal report."),
                "reporter_address": _("Your address is needed for a formal report."),
            }
            for name, message in required.items():
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, message)
        return data

    def identity(self):
        """The reporter's identity as entered, or None for an anonymous submission."""
        d = self.cleaned_data
        if d["anonymous"]:
            return None
        return {
            "name": d["reporter_name"],
            "address": d["reporter_address"],
            "nik": d["reporter_nik"],
            "phone": d["reporter_phone"],
            "email": d["reporter_email"],
        }


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=_("Receipt code"),
        max_length=40,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer or additional information"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    evidence = MultipleFileField(label=_("More evidence"), required=False)
    too_large = False
    opened_evidence = False
    staged_count = 0  # replies keep no files between tries

    clean_evidence = SubmissionForm.clean_evidence

    def clean(self):
        data = super().clean()
        if not data.get("body") and not data.get("evidence") and not self.errors:
            raise forms.ValidationError(_("Write an answer or attach evidence."))
        return data


# ---- the work lists' filters -------------------------------------------------------------


def _officer_choices(user):
    """The officers a list may be filtered by (as assignee): the active Bawaslu officers and
    district supervisors within USER's reach, by name (a short list for a select; any id is
    accepted, since it only narrows what USER sees anyway)."""

    officers = User.objects.filter(
        is_active=True,
        role__in=[Role.BAWASLU_RI, Role.BAWASLU_PROVINCE, Role.BAWASLU_REGENCY, Role.PANWASCAM],
    )
    if user is not None:
        officers = restrict(officers, user, region_field="regions").distinct()
    officers = officers.order_by("first_name", "username")[:300]
    return [("", _("Anyone"))] + [(str(u.pk), u.get_full_name() or u.username) for u in officers]


def conduct_code_choices():
    """The catalog codes a report's conduct choices map to, each with its plain words."""
    labels = {}
    for label, codes in conduct.CONDUCT.values():
        for code in codes:
            labels.setdefault(code, label)
    return [("", _("Any conduct"))] + [(c, f"{c}: {labels[c]}") for c in sorted(labels)]


def conduct_keys_for(code):
    """The report conduct choices (keys of reports.conduct.CONDUCT) that map to catalog CODE."""
    return [key for key, (_label, codes) in conduct.CONDUCT.items() if code in codes]


_REGION_CODE = re.compile(r"^\d{2}(\.\d{2}){0,2}$")


#: How long a list's region options stay cached (reference data, changed by a data load).
REGION_OPTIONS_SECONDS = 600


def _region_options(user):
    """[(code, label)], HTML-escaped, of the regions a list may be narrowed to for USER,
    cached per reach and language: a national user's 552 options cost one cache read."""
    import hashlib
    from html import escape

    from django.core.cache import cache
    from django.utils.translation import get_language

    codes = sorted(user.regions.values_list("code", flat=True)) if user is not None else []
    reach = f"{get_language()}|{getattr(user, 'role', '')}|{','.join(codes)}"
    key = "netra:list-regions:" + hashlib.sha256(reach.encode()).hexdigest()
    options = cache.get(key)
    if options is None:
        regions = _regions_for_lists(user).only("id", "code", "name", "level")
        options = [(escape(r.code), escape(str(label))) for r, label in region_choices(regions)]
        cache.set(key, options, REGION_OPTIONS_SECONDS)
    return options


def _regions_for_lists(user):
    """The regions a list may be narrowed to for USER: provinces, regencies and cities within
    reach, and a district supervisor's own districts."""

    regions = Region.objects.exclude(level=Region.Level.DISTRICT)
    if user is not None and getattr(user, "role", None) == Role.PANWASCAM:
        return user.regions.all().order_by("code")
    if user is None:
        return regions.order_by("code")
    return restrict(regions, user, region_field="id", districts=False).order_by("code")


class WorkFilter(ListFilter):
    """The filters the report queue and the case list share: election, region, conduct,
    assignee. Bad values come back as messages; the valid filters still apply."""

    election = forms.ChoiceField(label=_("Election"), required=False)
    # A Kemendagri code; the page offers the regions within reach as a type-ahead
    # (region_select), and any real code is accepted: one out of reach lists nothing.
    region = forms.CharField(label=_("Region"), required=False, max_length=13)
    conduct = forms.ChoiceField(label=_("Conduct"), required=False, choices=conduct_code_choices)
    petugas = forms.CharField(label=_("Assignee"), required=False, max_length=20)
    saya = forms.BooleanField(label=_("Assigned to me"), required=False)

    def __init__(self, data=None, *, user=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["election"].choices = [("", _("All elections"))] + [
            (e.code, e.name) for e in Election.objects.order_by("-voting_date")
        ]
        self.fields["election"].error_messages["invalid_choice"] = _("No election has this code.")
        self.fields["conduct"].error_messages["invalid_choice"] = _(
            "No conduct of the catalog has this code."
        )
        self.fields["petugas"].widget = forms.Select(choices=_officer_choices(user))
        self.user = user

    def clean_region(self):
        code = (self.cleaned_data.get("region") or "").strip()
        if not code:
            return None
        region = Region.objects.filter(code=code).first() if _REGION_CODE.match(code) else None
        if region is None:
            raise forms.ValidationError(_("No region has this code (for example 35.09)."))
        return region

    def region_select(self):
        """The region filter as a <select> for the type-ahead picker, its options (the regions
        within reach, named with their province) built in one pass: Django's widget renders
        each of the 552 options of a national user through a template, hundreds of ms."""
        from html import escape

        from django.utils.safestring import mark_safe

        chosen = (self.data.get("region") or "").strip() if self.is_bound else ""
        options = "".join(
            f'<option value="{code}"{" selected" if code == chosen else ""}>{label}</option>'
            for code, label in _region_options(self.user)
        )
        # Outside the f-string, where makemessages finds it.
        everywhere = escape(str(_("All regions in reach")))
        return mark_safe(  # noqa: S308 - every value is escaped (_region_options)
            '<select name="region" id="id_region" data-region-picker>'
            f'<option value="">{everywhere}</option>{options}</select>'
        )

    def clean_election(self):
        code = self.cleaned_data.get("election")
        return Election.objects.filter(code=code).first() if code else None

    def clean_petugas(self):

        value = (self.cleaned_data.get("petugas") or "").strip()
        if not value:
            return None
        officer = positive_id(value)
        if officer is None:
            raise forms.ValidationError(_("Choose an officer from the list."))
        return officer


class QueueFilter(WorkFilter):
    """The report queue's filters. Reports have no handling deadline of their own (the case
    made from one has), so "overdue" and "due within" belong to the case list."""

    state = forms.ChoiceField(label=_("Status"), required=False)
    sorting = None  # set below, once the columns are named

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)

        self.fields["state"].choices = [("", _("All statuses"))] + list(Submission.Status.choices)
        self.fields["state"].error_messages["invalid_choice"] = _("No status has this name.")


#: What a report in the queue still waits for: the initial study (then it is registered as a
#: case, or not, or closed). Open work comes first (the migration 0004 indexes this order).
OPEN_STATUSES = ("received", "in_review", "needs_information")


def open_reports_first(submissions):
    from django.db.models import BooleanField, ExpressionWrapper

    waiting = ExpressionWrapper(Q(status__in=OPEN_STATUSES), output_field=BooleanField())
    return submissions.order_by(waiting.desc(), "-submitted_at", "-id")


QueueFilter.sorting = Sorting(
    [
        Column("nomor", "#", ("id",)),
        Column("diterima", _("Received"), ("submitted_at",)),
        Column("jenis", _("Kind"), ("kind",)),
        Column("wilayah", _("Region"), ("region__code",)),
        Column("status", _("Status"), ("status",)),
        Column("petugas", _("Assignee"), ("assigned_to__first_name", "assigned_to__username")),
    ],
    default=open_reports_first,
)


def within_region(queryset, user, region, *, field="region", district=None):
    """QUERYSET's objects in REGION (a province: its regencies and cities too), or none when
    REGION lies outside USER's reach. DISTRICT names the field holding a district, for a
    district's code."""

    if not region_in_scope(user, region):
        return queryset.none()
    if region.level == Region.Level.DISTRICT:
        return queryset.filter(**{district: region}) if district else queryset.none()
    inside = Region.objects.filter(Q(pk=region.pk) | Q(code__startswith=region.code + "."))
    return queryset.filter(**{f"{field}__in": inside.values("pk")})


#: At most this many roster entries stand for a name typed in a list's search: enough for
#: any name but the commonest, and a bounded subquery whatever the roster's size.
ROSTER_NAME_CANDIDATES = 2_000
_PHONETIC_UNSAFE = re.compile(r"[^a-z0-9]")


def roster_name_matches(query):
    """Ids of roster entries whose name sounds like QUERY (a name, letters only), as the
    roster search matches names (people/search.py: phonetic codes, so "Soeharto" finds
    "Suharto"), from its GIN index on PostgreSQL; None when QUERY is no name. Reported persons
    linked to the roster are found through them, whatever spelling the report used."""

    if not query or any(ch.isdigit() for ch in query) or "/" in query:
        return None
    codes = [c for c in (_PHONETIC_UNSAFE.sub("", c) for c in phonetic_key(query).split()) if c]
    if not codes:
        return None
    employees = Employee.objects.all()
    for code in codes[:SEARCH_MAX_WORDS]:
        employees = employees.filter(TextMatch(["name_phonetic"], code, whole=True))
    return employees.order_by().values("pk")[:ROSTER_NAME_CANDIDATES]
