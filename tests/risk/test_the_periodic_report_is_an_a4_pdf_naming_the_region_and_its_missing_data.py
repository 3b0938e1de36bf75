"""The periodic report of a region and period, asked for from the staff pages, is an A4 PDF
attachment in Indonesian: the region, the period, the risk with each component ("Tidak ada
data" for one without data, never 0), the funnel, the trend, the map, overdue steps and the
PPK follow-up; demo IKP values say they are fictional."""

import pytest

from netra.regions.models import Election

from ..pdf_streams import page_sizes
from .digest_data import at, case_fact, pdf_text, risk

pytestmark = pytest.mark.usefixtures("real_pdf")

URL = "/staf/risiko/35.09/laporan/?dari=2024-10-01&sampai=2024-10-31"


def test_the_report_is_a_pdf_of_the_region_with_no_data_where_there_is_none(client_for, alice):
    election = Election.objects.get(code="pilkada-2024")
    facts = {
        "ikp": {"weight": 30, "score": 70.0, "category": "tinggi", "fictional": True, "points": 40},
        "reports": {"weight": 20, "count": 3, "employees": 9000, "rate": 3.33, "points": 17.5},
    }
    risk(election, "35.09", 57.5, {"ikp": 70, "reports": 35}, facts=facts)
    case_fact(election, "35.09", at(2024, 10, 3), registered_at=at(2024, 10, 4))
    case_fact(election, "35.09", at(2024, 10, 20))

    response = client_for(alice).get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="laporan-risiko-35.09-20241001-20241031.pdf"'
    )
    pdf = response.content
    assert pdf.startswith(b"%PDF-")
    assert set(page_sizes(pdf)) == {(595, 842)}  # A4
    text = pdf_text(pdf)
    assert "Kabupaten Jember" in text
    assert "1 Oktober 2024" in text and "31 Oktober 2024" in text
    assert "57,5" in text
    assert "Tidak ada data" in text  # flags, overdue, ppk and prevention have none
    assert "fiktif" in text
    assert "Corong penegakan" in text and "Skor risiko dan komponennya" in text
