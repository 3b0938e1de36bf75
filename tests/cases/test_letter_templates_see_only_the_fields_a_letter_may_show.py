"""A letter template is written by an administrator and reaches whatever its context reaches.
It gets plain values of the fields a letter may show, never a model instance or a queryset
(issue 11, finding 2): `{{ case.region.staff.values }}` printed password hashes and TOTP
secrets."""

import re

import pytest
from django.conf import settings

from netra.cases import actions, documents, letters
from netra.cases.models import LetterTemplate

# Letters are checked as WeasyPrint renders them (tests/conftest.py stubs PDFs elsewhere).
pytestmark = pytest.mark.usefixtures("real_pdf")

PROBES = [
    "case.region.staff.values",
    "case.region.staff.all",
    "case.respondents.all",
    "case.respondents.all.0.employee.region.staff.values",
    "case.submission.persons.all",
    "case.submission.description",
    "case.submission",
    "case.assigned_to.email",
    "case.assigned_to.regions.all",
    "case.election.regions.all",
    "case.region.parent.staff.values",
    "case.recommendations.all.0.issued_by.email",
    "persons.0.employee.nik",
    "persons.0.case.region.staff.values",
    "events.0.actor.email",
    "events.0.actor.regions.all",
    "events.0.case.submission.description",
    "settings.SECRET_KEY",
    "SECRET_KEY",
    "request.user.email",
    "user.email",
    "perms",
]


@pytest.fixture
def case(reported_case, alice, bob):
    actions.add_note(alice, reported_case, "Catatan internal uji.")
    actions.assign(alice, reported_case, bob, version=reported_case.version)
    reported_case.refresh_from_db()
    return reported_case


def saved_body(admin, kind, body):
    """The body as an administrator saves it, through the same checks."""
    letters.check_body(body)
    LetterTemplate.objects.update_or_create(kind=kind, defaults={"body": body, "updated_by": admin})


def test_no_traversal_from_a_letter_reaches_a_credential_or_another_record(case, admin, alice, bob):
    body = "".join(f"<p>[[{probe}={{{{ {probe} }}}}]]</p>" for probe in PROBES)
    saved_body(admin, "case_summary", body)
    html = documents.letter_html(case, "case_summary", {})
    for probe in PROBES:
        assert f"[[{probe}=]]" in html, probe
    for user in (alice, bob, admin):
        user.refresh_from_db()
        assert user.password not in html and user.totp_secret not in html
    assert settings.SECRET_KEY not in html
    assert "pelapor@contoh.id" not in html and "Kenanga" not in html  # the reporter's


def test_the_whole_context_printed_holds_only_plain_values(case, admin):
    """Even printed whole, the context shows values, not objects with a way onwards (a model
    prints as "<Respondent: ...>", a queryset as "<QuerySet [...]>")."""
    saved_body(
        admin,
        "case_summary",
        "[[{{ case }}|{{ case.items }}|{{ persons }}|"
        "{{ events }}|{{ case.region }}|{{ case.election }}|"
        "{{ details }}]]",
    )
    html = documents.letter_html(case, "case_summary", {"recipient": "Ahmad"})
    printed = re.search(r"\[\[(.*)\]\]", html, re.S).group(1)
    assert "Ahmad Fauzi" in printed and "Jember" in printed  # the values are there
    assert "&lt;" not in printed and "object at 0x" not in printed


def test_the_shipped_letters_still_show_their_fields(case, reported_case, gita):
    """Every default letter keeps what it printed from the objects it used to get."""
    case.refresh_from_db()
    number = case.number or f"#{case.pk}"
    invitation = documents.letter_html(
        case,
        "invitation",
        {
            "recipient": "Ahmad Fauzi",
            "capacity": "terlapor",
            "when": "Senin, 25 November 2024",
            "place": "Kantor Bawaslu Jember",
            "officer": "Alice",
        },
    )
    assert "Ahmad Fauzi" in invitation and "Kantor Bawaslu Jember" in invitation
    assert "Pilkada" in invitation or case.election.name_id in invitation
    assert "KABUPATEN JEMBER" in invitation and "Alice" in invitation
    forwarding = documents.letter_html(case, "forwarding_letter", {})
    assert "Ahmad Fauzi, NIP 198501012010011001" in forwarding
    assert "Dinas Pendidikan" in forwarding and "Kepala Bidang" in forwarding
    summary = documents.letter_html(case, "case_summary", {})
    assert f"RINGKASAN BERKAS KASUS {number}" in summary
    assert "Laporan masyarakat" in summary or str(case.get_source_display()) in summary
    assert "Catatan internal uji." in summary and "Alice" in summary
    assert str(case.state_label) in summary
    notice = documents.letter_html(case, "registration_notice", {})
    assert "PEMBERITAHUAN STATUS LAPORAN" in notice and "telah diregistrasi" in notice
