from django.utils import timezone

from netra.prevention import actions

PDF = b"%PDF-1.4\n%%EOF\n"


def test_the_public_region_page_lists_circulars_and_past_events(client, fajar, outreach, region):
    actions.add_circular(
        fajar,
        region=region("35.09"),
        number="800/6516/41/2023",
        issued_on=timezone.localdate(),
        issuer="Bupati Jember",
        subject="Netralitas ASN pada Pilkada 2024",
        pdf=PDF,
    )
    page = client.get("/wilayah/35.09/").content.decode()
    assert "800/6516/41/2023" in page and "Sosialisasi Netralitas ASN Dinas Pendidikan" in page
    assert "Menjaga netralitas ASN" in page
    assert client.get("/wilayah/99.99/").status_code == 404


def test_the_guide_answers_in_indonesian_with_the_catalog_codes(client, reference):
    page = client.get("/boleh-atau-tidak/").content.decode()
    assert "Bolehkah saya menyukai (like) unggahan kampanye" in page
    assert "Tidak boleh." in page and "DIS-06" in page and "ETIK-04" in page
    english = client.get("/boleh-atau-tidak/", HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 200


def test_bkpsdm_records_bawaslu_reads_and_other_regions_get_404(
    client_for, fajar, alice, charlie, make_user, outreach
):
    assert client_for(fajar).get("/pencegahan/kegiatan/baru/").status_code == 200
    assert client_for(alice).get(f"/pencegahan/kegiatan/{outreach.pk}/").status_code == 200
    assert client_for(alice).get("/pencegahan/kegiatan/baru/").status_code == 404
    assert (
        client_for(alice).post(f"/pencegahan/kegiatan/{outreach.pk}/kehadiran/").status_code == 404
    )
    jambi_bkpsdm = make_user("tono", "bkpsdm", ["15.71"])
    assert client_for(jambi_bkpsdm).get(f"/pencegahan/kegiatan/{outreach.pk}/").status_code == 404
    assert client_for(charlie).get("/pencegahan/", {"wilayah": "35.09"}).status_code == 404


def test_an_event_form_refuses_a_district_or_agency_of_another_region(client_for, fajar, region):
    from netra.regions.models import Region

    elsewhere = Region.objects.filter(level="district", parent__code="15.71").first()
    response = client_for(fajar).post(
        "/pencegahan/kegiatan/baru/",
        {
            "region": region("35.09").pk,
            "title": "Apel",
            "kind": "rally",
            "mode": "in_person",
            "district": elsewhere.pk,
            "starts_at": "2024-10-01T08:00",
            "organiser": "BKPSDM",
            "audience": ["asn"],
            "min_minutes": 30,
        },
    )
    assert response.status_code == 200 and "district" in response.context["form"].errors
    from netra.prevention.models import Event

    assert not Event.objects.exists()


def test_the_timeline_places_events_among_the_election_stages(client_for, fajar, outreach):
    items = client_for(fajar).get("/pencegahan/").context["timeline"]["items"]
    labels = [i["stage"].code if "stage" in i else "event" for i in items]
    # Pilkada 2024: candidates determined 22 Sep, campaign from 25 Sep; the event is 5 Oct.
    assert labels.index("event") > labels.index("campaign")
    assert labels.index("event") < labels.index("voting")
