"""Every form choosing a region offers it as a type-ahead (<select data-region-picker>, which
static/netra/region_picker.js enhances) whose options name the province beside each regency
or city, so that typing "jember" or "jawa timur" finds "Kabupaten Jember — Jawa Timur (35.09)".
The labels cost one query for the whole list, whatever its length."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netra.regions.labels import RegionChoiceField, label_with_province, parent_names
from netra.regions.models import Region

JEMBER = "Kabupaten Jember — Jawa Timur (35.09)"
PROVINCE = "Provinsi Jawa Timur (35)"


def pickers(page):
    """{name: [option labels]} of the region pickers on PAGE."""
    found = {}
    for attrs, body in re.findall(
        r"<select([^>]*data-region-picker[^>]*)>(.*?)</select>", page, re.S
    ):
        name = re.search(r'name="([^"]+)"', attrs).group(1)
        found[name] = re.findall(r"<option[^>]*>([^<]*)</option>", body)
    return found


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_public_report_form(client, reference):
    found = pickers(html(client, "/lapor/"))
    assert JEMBER in found["region"]
    assert "Kota Jambi — Jambi (15.71)" in found["region"]
    assert "district" in found  # filled in by the regency chosen


def test_the_account_form_offers_provinces_and_regencies_with_their_province(client_for, admin):
    found = pickers(html(client_for(admin), "/akun/pengguna/baru/"))
    assert PROVINCE in found["regions"] and JEMBER in found["regions"]


def test_the_finding_form_of_a_provincial_officer(client_for, dewi):
    found = pickers(html(client_for(dewi), "/kasus/temuan/"))
    assert found["region"][1:3] == [PROVINCE, "Kabupaten Pacitan — Jawa Timur (35.01)"]
    assert JEMBER in found["region"]


def test_the_roster_import_and_the_prevention_forms(client_for, fajar):
    client = client_for(fajar)
    assert pickers(html(client, "/pegawai/impor/"))["region"] == [JEMBER]
    assert JEMBER in pickers(html(client, "/pencegahan/surat-edaran/baru/"))["region"]
    event = pickers(html(client, "/pencegahan/kegiatan/baru/"))
    assert JEMBER in event["region"]
    assert "Ajung — Kabupaten Jember (35.09.17)" in event["district"]


def test_the_monitoring_region_field(client_for, dewi):
    found = pickers(html(client_for(dewi), "/pemantauan/"))
    assert PROVINCE in found["region"] and JEMBER in found["region"]


def test_every_page_loads_the_picker_script(client, reference):
    assert "netra/region_picker.js" in html(client, "/lapor/")


def test_the_labels_of_all_514_regencies_and_cities_cost_two_queries(reference):
    field = RegionChoiceField(
        queryset=Region.objects.filter(level__in=("regency", "city")).order_by("name")
    )
    with CaptureQueriesContext(connection) as queries:
        labels = [label for value, label in field.choices if value]
    assert len(labels) == 514 and JEMBER in labels
    assert len(queries) == 2


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("35", PROVINCE),
        ("35.09", JEMBER),
        ("35.78", "Kota Surabaya — Jawa Timur (35.78)"),
        ("35.09.17", "Ajung — Kabupaten Jember (35.09.17)"),
    ],
)
def test_the_one_label_helper(reference, code, label):
    assert label_with_province(Region.objects.get(code=code), parent_names()) == label
