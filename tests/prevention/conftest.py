import pytest
from django.utils import timezone


@pytest.fixture
def jember_staff(employee_factory):
    """Four teachers and two health officers in Jember, one teacher with an e-mail."""
    people = {
        "soeharto": employee_factory("Moch. Soeharto", nip="196805121994031005"),
        "siti": employee_factory("Siti Aminah", nip="198001012005012002"),
        "wahyudi": employee_factory(
            "Wahjudi Djojo", nip="197503032000031004", employment_type="pppk"
        ),
        "rina": employee_factory("Rina Kartika", nip="199001012015032005"),
        "budi": employee_factory(
            "Budi Santoso", nip="199004042015031005", agency="Dinas Kesehatan"
        ),
        "dewi": employee_factory(
            "Dewi Lestari", nip="199105052016032006", agency="Dinas Kesehatan"
        ),
    }
    people["rina"].email = "rina.kartika@jemberkab.go.id"
    people["rina"].save()
    return people


@pytest.fixture
def outreach(fajar, region, jember_staff):
    from netra.people.models import Agency
    from netra.prevention import actions

    return actions.add_event(
        fajar,
        region=region("35.09"),
        title="Sosialisasi Netralitas ASN Dinas Pendidikan",
        kind="outreach",
        mode="online",
        place="Zoom",
        organiser="BKPSDM Kabupaten Jember",
        partners=["bawaslu"],
        audience=["asn"],
        min_minutes=30,
        starts_at=timezone.make_aware(timezone.datetime(2024, 10, 5, 9, 0)),
        target_agencies=list(Agency.objects.filter(name="Dinas Pendidikan")),
    )
