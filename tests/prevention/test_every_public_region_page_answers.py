"""Every public page of the 38 provinces and 514 regencies and cities answers 200: a province's
page used to crash (a queryset of rows unpacked where ids were expected)."""

from netra.regions.models import Region


def test_every_province_and_regency_page_answers_200(client, reference):
    regions = list(Region.objects.exclude(level=Region.Level.DISTRICT).values_list("code", "level"))
    assert sum(level == Region.Level.PROVINCE for _, level in regions) == 38
    assert len(regions) == 38 + 514
    failed = [code for code, _ in regions if client.get(f"/wilayah/{code}/").status_code != 200]
    assert failed == []
