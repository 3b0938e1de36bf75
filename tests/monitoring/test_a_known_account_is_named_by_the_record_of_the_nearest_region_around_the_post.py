"""A flagged post names the employee its account was recorded for in the post's region or in
a region around it, the nearest record winning; a record of another province names nobody."""

from netra.monitoring import actions
from netra.monitoring.inputs import Item
from netra.monitoring.models import Flag, Source

from .fake_reading import apart, read_with


def test_the_regencys_record_wins_over_the_provinces_and_the_province_names_the_rest(
    alice, dewi, region, employee_factory, monkeypatch
):
    ani = employee_factory("Ani Rahayu", nip="198103032006042001")
    budi = employee_factory("Budi Santoso", nip="197904042003121002")
    siti = employee_factory("Siti Aminah", nip="198001012005012002")
    actions.add_handle(dewi, region=region("35"), handle="guru", employee=ani)
    actions.add_handle(alice, region=region("35.09"), handle="guru", employee=siti)
    actions.add_handle(dewi, region=region("35"), handle="pakbudi", employee=budi)
    jember = [
        Item("j1", "", "", "@Guru", None, "partisan post one"),
        Item("j2", "", "", "@pakbudi", None, "partisan post two"),
        Item("j3", "", "", "@pakbudi", None, "partisan post three"),
        Item("j4", "", "", "", None, "partisan post four"),
    ]
    jambi = [Item("k1", "", "", "@guru", None, "partisan post five")]
    read_with(monkeypatch, apart(jember + jambi))
    actions.ingest(
        Source.objects.create(name="Patroli", kind="api", region=region("35.09")), jember
    )
    actions.ingest(Source.objects.create(name="Patroli", kind="api", region=region("15.71")), jambi)
    named = dict(Flag.objects.values_list("text__external_id", "employee"))
    assert named == {"j1": siti.pk, "j2": budi.pk, "j3": budi.pk, "j4": None, "k1": None}
