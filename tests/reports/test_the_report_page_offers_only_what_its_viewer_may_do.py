"""Found by the crawler: an empty question to the reporter came back with no message, and the
auditor and the administrator were offered the question and identity forms that answer them
404."""

from netra.reports.models import Message, Submission


def test_an_empty_question_is_refused_with_a_message_by_the_field(client_for, alice, reported_case):
    submission = Submission.objects.get()
    response = client_for(alice).post(f"/laporan/{submission.pk}/tanya/", {"question": "  "})
    assert response.status_code == 200
    assert "Tulis dulu pertanyaan untuk pelapor." in response.content.decode()
    assert not Message.objects.exists()


def test_a_too_long_question_comes_back_with_its_text(client_for, alice, reported_case):
    submission = Submission.objects.get()
    text = "Kapan? " * 800
    response = client_for(alice).post(f"/laporan/{submission.pk}/tanya/", {"question": text})
    page = response.content.decode()
    assert "paling banyak 5000 karakter" in page and "Kapan? Kapan?" in page
    assert not Message.objects.exists()


def test_a_reader_is_not_offered_the_forms_that_act_on_the_report(
    client_for, make_user, reported_case
):
    auditor = make_user("indra", "auditor", ["35.09"])
    submission = Submission.objects.get()
    page = client_for(auditor).get(f"/laporan/{submission.pk}/").content.decode()
    assert "/tanya/" not in page and "/identitas/" not in page
    assert client_for(auditor).post(f"/laporan/{submission.pk}/tanya/").status_code == 404


def test_the_officer_is_still_offered_both(client_for, alice, reported_case):
    submission = Submission.objects.get()
    page = client_for(alice).get(f"/laporan/{submission.pk}/").content.decode()
    assert "/tanya/" in page and "/identitas/" in page
