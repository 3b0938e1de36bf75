"""Labelling and flagging the posts of a batch takes the same few queries for 8 posts as for
64 (one UPDATE per label, one INSERT of the flags, one look-up of the known accounts), and
every post still gets its label and every partisan one its flag and known employee."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netra.monitoring import actions
from netra.monitoring.inputs import Item
from netra.monitoring.models import Flag, Source, Text

from .fake_reading import apart, read_with

KINDS = ("partisan", "related", "other", "partisan")


def posts(batch, count):
    """COUNT posts of BATCH, half of them partisan, each by an account of its own but the
    first, which is @SitiGuru's."""
    return [
        Item(
            f"{batch}-{n}",
            "Patroli",
            "",
            "@SitiGuru" if n == 0 else f"@akun{batch}{n}",
            None,
            f"{KINDS[n % 4]} post {batch} {n}",
        )
        for n in range(count)
    ]


def flagging_queries(source, items):
    """The counts of ingesting ITEMS, and its labelling, flagging and account queries."""
    with CaptureQueriesContext(connection) as captured:
        counts = actions.ingest(source, items)
    sql = [query["sql"] for query in captured.captured_queries]
    return counts, {
        "label updates": sum(s.startswith('UPDATE "monitoring_text"') for s in sql),
        "flag inserts": sum(s.startswith('INSERT INTO "monitoring_flag"') for s in sql),
        "account look-ups": sum('FROM "monitoring_authorhandle"' in s for s in sql),
    }


@pytest.fixture
def siti(alice, region, employee_factory):
    siti = employee_factory("Siti Aminah", nip="198001012005012002")
    actions.add_handle(alice, region=region("35.09"), handle="@SitiGuru", employee=siti)
    return siti


def test_it_labels_and_flags_8_posts_and_64_posts_with_the_same_queries(region, siti, monkeypatch):
    few, many = posts("a", 8), posts("b", 64)
    read_with(monkeypatch, apart(few + many))
    jember = region("35.09")
    few_counts, few_queries = flagging_queries(
        Source.objects.create(name="Patroli A", kind="api", region=jember), few
    )
    many_counts, many_queries = flagging_queries(
        Source.objects.create(name="Patroli B", kind="api", region=jember), many
    )
    assert (few_counts["new"], few_counts["flags"]) == (8, 4)
    assert (many_counts["new"], many_counts["flags"]) == (64, 32)
    assert (
        few_queries
        == many_queries
        == {
            "label updates": 3,
            "flag inserts": 1,
            "account look-ups": 1,
        }
    )
    for item in few + many:
        text = Text.objects.get(external_id=item.id)
        assert text.duplicate_of is None
        assert text.label == {"p": "partisan_support", "r": "neutrality_related"}.get(
            item.text[0], "unrelated"
        )
    flags = Flag.objects.select_related("text").order_by("id")
    assert [flag.text.external_id for flag in flags] == [
        item.id for item in few + many if item.text.startswith("partisan")
    ]
    assert all(flag.region == jember and flag.status == "open" for flag in flags)
    assert all(
        (flag.score, flag.codes, flag.evidence) == (0.9, ["DIS-02"], [[0, 8]]) for flag in flags
    )
    named = {flag.text.external_id: flag.employee for flag in flags if flag.employee}
    assert named == {"a-0": siti, "b-0": siti}
