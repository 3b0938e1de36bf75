"""A reporter gives the receipt code of their report. The public answer is the same whether
the code belongs to a report or not (only the number differs), so the form is no way to test
codes; staff see whether it matched, and a matching request goes to the report's office."""

import re

from netra.privacy.models import DataRequest
from netra.reports.models import Submission

from ..reports.helpers import file_report, receipt_from
from .requests_helpers import request_data


def answer(client, code):
    response = client.post(
        "/privasi/permintaan/",
        request_data(relation="reporter", receipt=code, region="15.71"),
    )
    page = client.get(response.url).content.decode()
    page = re.sub(r"PDP-\d{4}-\d{6}", "NUMBER", page)
    # The session's own token and the minute of the deadline are no answer about the code.
    page = re.sub(r'("X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+', r"\1", page)
    page = re.sub(r"\d{1,2}:\d{2}", "TIME", page)
    return response.status_code, page


def test_a_real_and_a_made_up_code_get_the_same_answer(client):
    code = receipt_from(client, file_report(client))
    real = answer(client, code)
    made_up = answer(client, "1234 5678 9012 3456 7890")
    assert real[0] == made_up[0] == 302
    assert real[1] == made_up[1]

    matched, unmatched = DataRequest.objects.order_by("pk")
    report = Submission.objects.get()
    assert matched.submission == report and matched.region == report.region
    assert unmatched.submission is None and unmatched.region.code == "15.71"
    assert matched.receipt_given and unmatched.receipt_given


def test_staff_see_whether_the_code_matched(client, alice, client_for, make_user):
    code = receipt_from(client, file_report(client))
    answer(client, code)
    matched = DataRequest.objects.get()
    page = client_for(alice).get(f"/staf/privasi/permintaan/{matched.pk}/").content.decode()
    assert f'href="/laporan/{matched.submission_id}/"' in page
