"""When the recommendation letter cannot be made, BKN's recommendation is not half-recorded:
the case stays under verification, with no recommendation, letter or audit entry, and BKN
reads why (issue 11, finding 12)."""

from pathlib import Path

import pytest

from netra.audit.models import AuditEntry
from netra.cases import documents
from netra.cases.models import CaseDocument
from netra.sanctions import actions
from netra.sanctions.models import Recommendation, RecommendationCode

from ..letter_rendering import failing_renderer  # noqa: F401 - a fixture
from ..sanctions_helpers import recommend
from .test_bkn_recommendation_form import form_data

# Letters are checked as WeasyPrint renders them (tests/conftest.py stubs PDFs elsewhere).
pytestmark = pytest.mark.usefixtures("real_pdf")


def test_a_recommendation_whose_letter_fails_saves_nothing(
    under_verification,
    client_for,
    gita,
    media_root,
    failing_renderer,  # noqa: F811
):
    case = under_verification
    audited = AuditEntry.objects.count()
    response = client_for(gita).post(
        f"/kasus/{case.pk}/rekomendasi/",
        form_data(
            case,
            issue="1",
            **{"sanction_{r}": "Penurunan jabatan setingkat lebih rendah selama 12 bulan"},
        ),
    )
    assert response.status_code == 200
    assert "Surat tidak dapat dibuat; tidak ada yang disimpan." in response.content.decode()
    case.refresh_from_db()
    assert case.state == "bkn_verification" and case.version == under_verification.version
    assert not Recommendation.objects.exists() and not RecommendationCode.objects.exists()
    assert not CaseDocument.objects.exists()
    assert AuditEntry.objects.count() == audited
    assert not list(Path(media_root).rglob("*.pdf"))


def test_the_letter_rendered_beforehand_is_the_letter_of_what_was_recorded(
    under_verification, gita, monkeypatch
):
    """Rendered from the rows before they were saved, the letter is the one the saved
    recommendation gives (compared as HTML: the PDF's font subsets carry a timestamp)."""
    rendered = []
    render = documents.pdf_lib.render
    monkeypatch.setattr(
        documents.pdf_lib, "render", lambda html: rendered.append(html) or render(html)
    )
    case = recommend(gita, under_verification)
    assert rendered == [documents.letter_html(case, "recommendation_letter", actions.BKN_LETTER)]
    assert Recommendation.objects.get().sanction in rendered[0] and "DIS-07" in rendered[0]
    assert CaseDocument.objects.get(kind="recommendation_letter")
