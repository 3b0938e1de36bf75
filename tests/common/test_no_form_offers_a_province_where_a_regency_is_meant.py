"""No form offers a province where a regency or city is meant. Where a province is offered it
is meant: a provincial office's own finding (a governor's election, provincial staff), a
provincial government's roster (it has its own staff), a provincial circular or event, a
provincial officer's account."""

import re

from netra.regions.models import Region


def options(client, url, name):
    page = client.get(url).content.decode()
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select, (url, name)
    return [v for v in re.findall(r'<option value="([^"]*)"', select.group(1)) if v]


def levels(values, by="code"):
    regions = Region.objects.filter(**{f"{by}__in": values})
    assert regions.count() == len(values)
    return set(regions.values_list("level", flat=True))


def test_the_public_report_asks_for_a_regency_or_city_only(client, reference):
    values = options(client, "/lapor/", "region")
    assert len(values) == 514
    assert levels(values) == {"regency", "city"}


def test_a_regency_officer_finds_in_her_regency_only(client_for, alice):
    values = options(client_for(alice), "/kasus/temuan/", "region")
    assert levels(values, by="pk") == {"regency"}


def test_a_provincial_officer_may_record_a_finding_of_the_province_itself(client_for, dewi):
    values = options(client_for(dewi), "/kasus/temuan/", "region")
    assert levels(values, by="pk") == {"province", "regency", "city"}
    assert not Region.objects.filter(pk__in=values).exclude(code__startswith="35").exists()


def test_a_regencys_roster_and_prevention_name_the_regency(client_for, fajar):
    client = client_for(fajar)
    assert levels(options(client, "/pegawai/impor/", "region"), by="pk") == {"regency"}
    event = "/pencegahan/kegiatan/baru/"
    assert levels(options(client, event, "region"), by="pk") == {"regency"}
    assert levels(options(client, event, "district"), by="pk") == {"district"}


def test_a_provincial_government_imports_its_own_staff(client_for, make_user):
    bkd = client_for(make_user("bkd_jatim", "bkpsdm", ["35"]))
    assert "province" in levels(options(bkd, "/pegawai/impor/", "region"), by="pk")
