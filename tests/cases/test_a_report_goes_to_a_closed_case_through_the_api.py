"""The issue's "done when" over JSON: a public report to a closed case, every hand in turn."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from netra.audit.log import verify_chain
from netra.reports.models import Submission

from ..reports.helpers import report_data

SIGNED_DECREE = b"%PDF-1.4\n% keputusan\n%%EOF\n"


def post(client, path, body):
    return client.post(f"/api/v1{path}", body, content_type="application/json")


def reporter_status(client, receipt):
    return post(client, "/reports/status", {"receipt": receipt}).json()["status"]


def test_a_public_report_is_taken_to_a_closed_case_through_the_api(
    client, client_for, alice, gita, hadi
):
    receipt = client.post("/api/v1/reports", report_data()).json()["receipt"]
    submission = Submission.objects.get()
    officer = client_for(alice)
    opened = officer.post(f"/api/v1/reports/{submission.pk}/case")
    assert opened.status_code == 201
    case = opened.json()
    assert [r["name"] for r in case["respondents"]] == ["Ahmad Fauzi"]

    def step(client, target, **extra):
        nonlocal case
        response = post(
            client,
            f"/cases/{case['id']}/transitions",
            {"target": target, "version": case["version"], **extra},
        )
        assert response.status_code == 200, response.json()
        case = response.json()
        return case

    step(officer, "initial_study")
    assert reporter_status(client, receipt) == "in_review"
    step(officer, "registered")
    assert case["number"].startswith("001/Reg/LP/PB/Kab/35.09/")
    assert reporter_status(client, receipt) == "registered"
    step(officer, "clarification")
    hearing = post(
        officer,
        f"/cases/{case['id']}/hearings",
        {
            "party": "reported",
            "name": "Ahmad Fauzi",
            "scheduled_at": "2024-11-20T09:00:00+07:00",
            "place": "Kantor Bawaslu Kabupaten Jember",
        },
    ).json()["hearings"][0]
    assert (
        post(
            officer,
            f"/cases/{case['id']}/hearings/{hearing['id']}/minutes",
            {"minutes": "Terlapor mengakui mengunggah foto."},
        ).status_code
        == 200
    )
    letter = post(
        officer,
        f"/cases/{case['id']}/documents",
        {
            "kind": "invitation",
            "recipient": "Ahmad Fauzi",
            "capacity": "terlapor",
            "when": "Rabu, 20 November 2024 pukul 09.00 WIB",
            "place": "Kantor Bawaslu",
        },
    )
    assert letter.status_code == 200 and len(letter.json()["documents"][0]["sha256"]) == 64
    step(officer, "study")
    step(officer, "decided_other_law")
    step(officer, "forwarded")
    assert (
        post(officer, f"/cases/{case['id']}/documents", {"kind": "forwarding_letter"}).status_code
        == 200
    )

    bkn = client_for(gita)
    step(bkn, "bkn_verification")
    respondent = case["respondents"][0]["id"]
    proposal = post(
        bkn,
        "/sanctions/propose",
        {
            "election": "pilkada-2024",
            "subject": {"employment": "PNS"},
            "conduct": [{"kind": "partisan_photo", "date": "2024-10-05"}],
        },
    ).json()
    assert proposal["codes"] == ["DIS-07"] and proposal["level"] == "berat"
    recommended = post(
        bkn,
        f"/cases/{case['id']}/recommendation",
        {
            "version": case["version"],
            "verification": "Terbukti.",
            "choices": [
                {
                    "respondent": respondent,
                    "employment": "PNS",
                    "conduct": [{"kind": "partisan_photo", "date": "2024-10-05"}],
                    "sanction": proposal["sanction_options"][0],
                }
            ],
        },
    )
    assert recommended.status_code == 200 and recommended.json()["state"] == "recommended"
    case = recommended.json()

    ppk = client_for(hadi)
    (open_item,) = ppk.get("/api/v1/recommendations", {"open_only": "true"}).json()
    decided = ppk.post(
        f"/api/v1/recommendations/{open_item['id']}/decree",
        {
            "version": case["version"],
            "outcome": "imposed",
            "number": "800/77/35.09/2024",
            "decided_on": str(timezone.localdate()),
            "sanction": "Pemotongan tunjangan kinerja",
            "file": SimpleUploadedFile("sk.pdf", SIGNED_DECREE, "application/pdf"),
        },
    )
    assert decided.status_code == 200 and decided.json()["state"] == "followed_up"
    case = decided.json()
    step(bkn, "closed")
    assert reporter_status(client, receipt) == "closed"
    kinds = [e["kind"] for e in case["timeline"]]
    assert {"opened", "hearing", "minutes", "document", "recommendation", "decree"} <= set(kinds)
    assert verify_chain() is None


def test_a_refused_decree_names_what_is_missing_and_changes_nothing(
    client, client_for, alice, gita, hadi
):
    from netra.cases import actions
    from netra.cases.models import Case

    from ..case_walk import walk

    client.post("/api/v1/reports", report_data())
    case = actions.open_case_from_submission(alice, Submission.objects.get())
    case = walk(case, "recommended", officer=alice, bkn=gita)
    recommendation = case.recommendations.get()
    response = client_for(hadi).post(
        f"/api/v1/recommendations/{recommendation.pk}/decree",
        {
            "version": case.version,
            "outcome": "imposed",
            "number": "800/1/2024",
            "decided_on": str(timezone.localdate()),
            "sanction": "Teguran tertulis",
            "file": SimpleUploadedFile("sk.pdf", b"MZ not a pdf", "application/pdf"),
        },
    )
    assert response.status_code == 400
    assert response.json()["code"] == "decree_file_not_pdf"
    assert "PDF" in response.json()["detail"]
    assert Case.objects.get().state == "recommended"
    assert not hasattr(recommendation.__class__.objects.get(), "decree")
