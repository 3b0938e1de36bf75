"""No form and no API schema admits a text longer than the column it is saved into.

Every text field of every Django form in the project and every string of every API operation's
input is listed below with where it goes; a field that is not listed (a new one) fails the
test until someone says where it is saved. A limit above its column used to answer 500 on
PostgreSQL (`value too long for type character varying(...)`): a link of 2,001-2,048
characters, an account e-mail of 255-320.
"""

import importlib
import pkgutil
import re
from dataclasses import dataclass
from enum import Enum
from types import NoneType, SimpleNamespace, UnionType
from typing import Annotated, Union, get_args, get_origin

import annotated_types
import pytest
from django import forms
from django.apps import apps
from pydantic import BaseModel

import netra


@dataclass(frozen=True)
class Column:
    """Saved into this column (app.Model.field); PLUS characters are prefixed on the way."""

    label: str
    plus: int = 0


@dataclass(frozen=True)
class NotStored:
    why: str


@dataclass(frozen=True)
class Normalised:
    """Saved into COLUMN after the form's own clean shortens and checks it; PROBE is a value
    at the field's limit that the form must refuse."""

    label: str
    probe: str


@dataclass(frozen=True)
class ThroughForm:
    """An API string handed to a Django form's field of the same name, which sets the limit."""

    form_field: str


LOOKED_UP = NotStored("looked up or compared, never saved")
SEALED = Column("reports.Submission.identity_sealed")  # the vault's ciphertext, a text column
IN_THE_LETTER = NotStored("printed into the letter's PDF only")
EVENT_TEXT = Column("cases.CaseEvent.text")

SAVED_INTO = {
    # ---- Django forms ---------------------------------------------------------------------
    "accounts.forms.CodeForm.code": LOOKED_UP,
    "accounts.forms.LoginForm.username": Column("accounts.AttemptCount.key", plus=len("user:")),
    "accounts.forms.LoginForm.password": LOOKED_UP,
    # A password chosen through an enrolment link is hashed (Django's own form, its own checks).
    "accounts.forms.EnrolmentPasswordForm.new_password1": NotStored("hashed, never saved as typed"),
    "accounts.forms.EnrolmentPasswordForm.new_password2": LOOKED_UP,
    "cases.transfer_views.TransferForm.reason": Column("accounts.User.deactivation_reason"),
    "accounts.forms.StaffUserForm.username": Column("accounts.User.username"),
    "accounts.forms.StaffUserForm.full_name": Column("accounts.User.first_name"),
    "accounts.forms.StaffUserForm.email": Column("accounts.User.email"),
    "accounts.forms.StaffUserForm.office": Column("accounts.User.office"),
    "cases.forms.CaseFilter.q": LOOKED_UP,
    "web.audit_log.AuditFilter.pelaku": LOOKED_UP,
    "web.audit_log.AuditFilter.objek": LOOKED_UP,
    "cases.forms.CaseFilter.petugas": LOOKED_UP,
    "cases.forms.CaseFilter.region": LOOKED_UP,
    "common.listing.ListFilter.q": LOOKED_UP,
    "reports.forms.QueueFilter.petugas": LOOKED_UP,
    "reports.forms.QueueFilter.q": LOOKED_UP,
    "reports.forms.QueueFilter.region": LOOKED_UP,
    "reports.forms.WorkFilter.petugas": LOOKED_UP,
    "reports.forms.WorkFilter.q": LOOKED_UP,
    "reports.forms.WorkFilter.region": LOOKED_UP,
    "cases.forms.DocumentForm.recipient": IN_THE_LETTER,
    "cases.forms.DocumentForm.when": IN_THE_LETTER,
    "cases.forms.DocumentForm.place": IN_THE_LETTER,
    "cases.forms.FindingForm.summary": Column("cases.Case.summary"),
    "cases.forms.HearingForm.name": Column("cases.Hearing.name"),
    "cases.forms.HearingForm.place": Column("cases.Hearing.place"),
    "cases.forms.LetterTemplateForm.body": Column("cases.LetterTemplate.body"),
    "cases.forms.RespondentForm.nip": Normalised("cases.Respondent.nip", "1" * 24),
    "cases.forms.RespondentForm.name": Column("cases.Respondent.name"),
    "cases.forms.RespondentForm.agency": Column("cases.Respondent.agency"),
    "cases.forms.RespondentForm.position": Column("cases.Respondent.position"),
    "cases.forms.RespondentEditForm.name": Column("cases.Respondent.name"),
    "cases.forms.RespondentEditForm.agency": Column("cases.Respondent.agency"),
    "cases.forms.RespondentEditForm.position": Column("cases.Respondent.position"),
    "prevention.forms.CircularForm.number": Column("prevention.Circular.number"),
    "prevention.forms.CircularForm.issuer": Column("prevention.Circular.issuer"),
    "prevention.forms.CircularForm.subject": Column("prevention.Circular.subject"),
    "prevention.forms.EventForm.title": Column("prevention.Event.title"),
    "prevention.forms.EventForm.place": Column("prevention.Event.place"),
    "prevention.forms.EventForm.organiser": Column("prevention.Event.organiser"),
    "prevention.forms.PledgeCodeForm.code": LOOKED_UP,
    "prevention.forms.PledgeRequestForm.nip": Column(
        "accounts.AttemptCount.key", plus=len("pledge-code:nip:")
    ),
    "reports.forms.ReceiptForm.receipt": LOOKED_UP,
    "reports.forms.ReplyForm.body": Column("reports.Message.body"),
    "reports.forms.SubmissionForm.description": Column("reports.Submission.description"),
    "reports.forms.SubmissionForm.place": Column("reports.Submission.place"),
    "reports.forms.SubmissionForm.person_name": Column("reports.ReportedPerson.name"),
    "reports.forms.SubmissionForm.person_nip": Normalised("reports.ReportedPerson.nip", "1" * 30),
    "reports.forms.SubmissionForm.person_agency": Column("reports.ReportedPerson.agency"),
    "reports.forms.SubmissionForm.person_position": Column("reports.ReportedPerson.position"),
    "reports.forms.SubmissionForm.links": Normalised(
        "reports.EvidenceLink.url", "https://contoh.id/" + "a" * 2000
    ),
    "reports.forms.SubmissionForm.reporter_name": SEALED,
    "reports.forms.SubmissionForm.reporter_address": SEALED,
    "reports.forms.SubmissionForm.reporter_nik": SEALED,
    "reports.forms.SubmissionForm.reporter_phone": SEALED,
    "reports.forms.SubmissionForm.reporter_email": SEALED,
    "reports.forms.SubmissionForm.website": NotStored("a trap for bots: must stay empty"),
    "sanctions.forms.CatalogCodeForm.title_id": Column("sanctions.CatalogVersion.data"),
    "sanctions.forms.CatalogCodeForm.title_en": Column("sanctions.CatalogVersion.data"),
    "sanctions.forms.CatalogCodeForm.legal_basis": Column("sanctions.CatalogVersion.data"),
    "sanctions.forms.CatalogCodeForm.note": Column("sanctions.CatalogVersion.note"),
    "sanctions.forms.DecreeForm.number": Column("sanctions.Decree.number"),
    "sanctions.forms.DecreeForm.sanction": Column("sanctions.Decree.sanction"),
    "sanctions.forms.DecreeForm.reason": Column("sanctions.Decree.reason"),
    "sanctions.forms.RecommendationForm.verification": Column(
        "sanctions.Recommendation.verification"
    ),
    "sanctions.forms.RecommendationForm.note": Column("sanctions.Recommendation.note"),
    "sanctions.forms.RecommendationForm.sanction_*": Column("sanctions.Recommendation.sanction"),
    "sanctions.forms.RecommendationForm.other_*": Column("sanctions.Recommendation.sanction"),
    "sanctions.forms.RecommendationForm.reason_*": Column(
        "sanctions.Recommendation.deviation_reason"
    ),
    "risk.forms.IkpImportForm.source": Column("risk.IkpRelease.source"),
    "risk.forms.IkpCorrectionForm.value": NotStored("read as a number or a category"),
    "risk.forms.IkpCorrectionForm.reason": NotStored("kept in the audit entry's data (JSON)"),
    "risk.forms.WeightsForm.note": Column("risk.RiskWeights.note"),
    "privacy.forms.HoldForm.reason": Column("privacy.LegalHold.reason"),
    "privacy.forms.RequestForm.receipt": LOOKED_UP,
    "privacy.forms.RequestForm.name": Column("privacy.DataRequest.requester_sealed"),
    "privacy.forms.RequestForm.contact": Column("privacy.DataRequest.requester_sealed"),
    "privacy.forms.RequestForm.text": Column("privacy.DataRequest.text"),
    "privacy.forms.RequestForm.website": NotStored("a trap for bots: must stay empty"),
    "privacy.forms.HandleForm.note": Column("privacy.DataRequest.outcome"),
    # ---- API operations (schema fields, and form fields of multipart operations) ----------
    "api.ReceiptIn.receipt": LOOKED_UP,
    "api.find_employees.q": LOOKED_UP,
    "api.get_region.code": LOOKED_UP,
    "api.list_regions.parent": LOOKED_UP,
    "cases.api.list_cases.state": LOOKED_UP,
    "insights.api.statistics.election": LOOKED_UP,
    "insights.api.statistics.level": LOOKED_UP,
    "risk.api.risk.election": LOOKED_UP,
    "risk.api.risk.level": LOOKED_UP,
    "cases.schemas.FindingIn.election": LOOKED_UP,
    "cases.schemas.FindingIn.region": LOOKED_UP,
    "cases.schemas.FindingIn.summary": Column("cases.Case.summary"),
    "cases.schemas.TransitionIn.target": LOOKED_UP,
    "cases.schemas.TransitionIn.reason": EVENT_TEXT,
    "cases.schemas.TransitionIn.reopen_to": LOOKED_UP,
    "cases.schemas.ExtensionIn.reason": EVENT_TEXT,
    "cases.schemas.RespondentIn.nip": ThroughForm("cases.forms.RespondentForm.nip"),
    "cases.schemas.RespondentIn.name": ThroughForm("cases.forms.RespondentForm.name"),
    "cases.schemas.RespondentIn.agency": ThroughForm("cases.forms.RespondentForm.agency"),
    "cases.schemas.RespondentIn.position": ThroughForm("cases.forms.RespondentForm.position"),
    "cases.schemas.AssignIn.officer": LOOKED_UP,
    "cases.schemas.NoteIn.text": EVENT_TEXT,
    "cases.api.add_attachment.title": Column("cases.Attachment.title"),
    "cases.schemas.MergeIn.reason": EVENT_TEXT,
    "cases.schemas.HearingIn.name": Column("cases.Hearing.name"),
    "cases.schemas.HearingIn.place": Column("cases.Hearing.place"),
    "cases.schemas.MinutesIn.minutes": Column("cases.Hearing.minutes"),
    "cases.schemas.LetterIn.recipient": ThroughForm("cases.forms.DocumentForm.recipient"),
    "cases.schemas.LetterIn.capacity": IN_THE_LETTER,  # one of DocumentForm's choices
    "cases.schemas.LetterIn.when": ThroughForm("cases.forms.DocumentForm.when"),
    "cases.schemas.LetterIn.place": ThroughForm("cases.forms.DocumentForm.place"),
    "sanctions.schemas.ProposeIn.election": LOOKED_UP,
    "sanctions.schemas.ConductIn.kind": Column("sanctions.Recommendation.conduct"),
    "sanctions.schemas.ConductIn.date": Column("sanctions.Recommendation.conduct"),
    "sanctions.schemas.RecommendationIn.verification": Column(
        "sanctions.Recommendation.verification"
    ),
    "sanctions.schemas.RecommendationIn.note": Column("sanctions.Recommendation.note"),
    "sanctions.schemas.ChoiceIn.employment": Column("sanctions.Recommendation.employment"),
    "sanctions.schemas.ChoiceIn.sanction": Column("sanctions.Recommendation.sanction"),
    "sanctions.schemas.ChoiceIn.deviation_reason": Column(
        "sanctions.Recommendation.deviation_reason"
    ),
    "sanctions.api.record_decree.number": Column("sanctions.Decree.number"),
    "sanctions.api.record_decree.sanction": Column("sanctions.Decree.sanction"),
    "sanctions.api.record_decree.reason": Column("sanctions.Decree.reason"),
    "monitoring.api.PushIn.source": Column("monitoring.Source.name"),
    "monitoring.api.PushIn.region": LOOKED_UP,
    "monitoring.api.TextIn.id": Column("monitoring.Text.external_id"),
    "monitoring.api.TextIn.url": Column("monitoring.Text.url"),
    "monitoring.api.TextIn.author": Column("monitoring.Text.author"),
    "monitoring.api.TextIn.text": Column("monitoring.Text.text"),
    "monitoring.api.DismissIn.reason": Column("monitoring.Flag.reason"),
    "monitoring.api.DismissIn.label": Column("monitoring.Flag.training_label"),
    "monitoring.api.FlagFindingIn.election": LOOKED_UP,
}

#: Forms whose fields are made when they are built; built here with one stand-in respondent.
BUILT = {
    "sanctions.forms.RecommendationForm": lambda cls: cls(
        respondents=[SimpleNamespace(pk=1, subject_type="pns", name="Ahmad")]
    )
}


def _short(module):
    return module.removeprefix("netra.")


def _all_modules():
    for info in pkgutil.walk_packages(netra.__path__, "netra."):
        if ".migrations" not in info.name and ".management" not in info.name:
            importlib.import_module(info.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def form_text_fields():
    """{"module.Form.field": (form class, max_length)} for every text field of every form."""
    _all_modules()
    found = {}
    for cls in set(_subclasses(forms.BaseForm)):
        if not cls.__module__.startswith("netra."):
            continue
        key = f"{_short(cls.__module__)}.{cls.__name__}"
        fields = BUILT[key](cls).fields if key in BUILT else cls.base_fields
        for name, field in fields.items():
            if isinstance(field, forms.CharField):
                found[f"{key}.{re.sub(r'_[0-9]+$', '_*', name)}"] = (cls, field.max_length)
    return found


def _is_text(annotation):
    if get_origin(annotation) is Annotated:  # a code with its pattern or enum (regions/schemas)
        return _is_text(get_args(annotation)[0])
    if get_origin(annotation) in (Union, UnionType):
        return any(_is_text(a) for a in get_args(annotation) if a is not NoneType)
    return annotation is str or (
        isinstance(annotation, type)
        and issubclass(annotation, str)
        and not issubclass(annotation, Enum)
    )


def _schemas_in(annotation):
    """The schemas inside an annotation such as `list[TextIn]` or `ChoiceIn | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for inner in get_args(annotation):
        yield from _schemas_in(inner)


def _max_length(field):
    lengths = [m.max_length for m in field.metadata if isinstance(m, annotated_types.MaxLen)]
    return min(lengths) if lengths else None


def api_text_fields():
    """{"module.Schema.field" or "module.operation.field": max_length} of every API input."""
    from netra.api import api

    found, seen = {}, set()

    def walk(schema, owner):
        if schema in seen:
            return
        seen.add(schema)
        for name, field in schema.model_fields.items():
            if _is_text(field.annotation):
                key = owner(schema) if owner else f"{_short(schema.__module__)}.{schema.__name__}"
                found[f"{key}.{name}"] = _max_length(field)
            for inner in _schemas_in(field.annotation):
                walk(inner, None)

    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                view = operation.view_func
                for params in operation.models:
                    # Body parameters are a schema; form fields belong to the operation.
                    source = getattr(params, "__ninja_param_source__", "")
                    owner = (
                        None
                        if source == "body"
                        else lambda _s, v=view: f"{_short(v.__module__)}.{v.__name__}"
                    )
                    for name, field in params.model_fields.items():
                        if owner is not None and _is_text(field.annotation):
                            found[f"{owner(params)}.{name}"] = _max_length(field)
                        for inner in _schemas_in(field.annotation):
                            walk(inner, None)
    return found


def column_length(label):
    app_label, model, field = label.split(".")
    return apps.get_model(app_label, model)._meta.get_field(field).max_length


def test_every_text_field_of_every_form_and_api_input_says_where_it_is_saved():
    enumerated = set(form_text_fields()) | set(api_text_fields())
    assert len(enumerated) > 100
    assert sorted(enumerated - set(SAVED_INTO)) == [], "new fields: add them to SAVED_INTO"
    assert sorted(set(SAVED_INTO) - enumerated) == [], "fields that no longer exist"


def limit_of(key, form_fields, api_fields):
    return form_fields[key][1] if key in form_fields else api_fields[key]


def test_no_form_admits_more_than_its_column_holds():
    form_fields, api_fields = form_text_fields(), api_text_fields()
    too_long = []
    for key, target in SAVED_INTO.items():
        limit = limit_of(key, form_fields, api_fields)
        if isinstance(target, ThroughForm):
            # The form refuses what is longer than its own field.
            limit, target = form_fields[target.form_field][1], SAVED_INTO[target.form_field]
        if not isinstance(target, Column):
            continue
        column = column_length(target.label)
        if column is not None and (limit is None or limit + target.plus > column):
            too_long.append(f"{key}: admits {limit}, {target.label} holds {column}")
    assert too_long == []


def test_an_api_string_handed_to_a_form_meets_that_forms_limit():
    # RespondentIn and LetterIn pass their strings to RespondentForm and DocumentForm.
    from netra.cases.api import LetterIn, RespondentIn

    for schema, form in (
        (RespondentIn, "cases.forms.RespondentForm"),
        (LetterIn, "cases.forms.DocumentForm"),
    ):
        for name, field in schema.model_fields.items():
            if not _is_text(field.annotation):
                continue
            target = SAVED_INTO[f"cases.schemas.{schema.__name__}.{name}"]
            assert target == IN_THE_LETTER or target == ThroughForm(f"{form}.{name}")


@pytest.mark.parametrize("key", [k for k, v in SAVED_INTO.items() if isinstance(v, Normalised)])
def test_a_field_its_form_shortens_refuses_a_value_too_long_for_the_column(
    key, alice, reported_case
):
    import inspect

    form_cls, _limit = form_text_fields()[key]
    name, probe = key.rsplit(".", 1)[1], SAVED_INTO[key].probe
    assert len(probe) > column_length(SAVED_INTO[key].label)
    # Forms that check access are built for a Jember officer on a Jember case.
    wanted = inspect.signature(form_cls.__init__).parameters
    context = {k: v for k, v in {"user": alice, "case": reported_case}.items() if k in wanted}
    form = form_cls(data={name: probe}, **context)
    form.is_valid()
    assert name in form.errors
