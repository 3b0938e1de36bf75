"""A monitoring file dated in the year 1 or 9999 names its line instead of failing the worker
with an OverflowError; a feed entry with such a date is kept without its date."""

import json

import pytest

from netra.monitoring import actions
from netra.monitoring.inputs import InputError, read_feed, read_file
from netra.monitoring.models import Source, Text


@pytest.mark.parametrize(
    "published",
    ["0001-01-01T00:00:00", "0001-01-01T00:00:00+07:00", "9999-12-31T23:59:59-05:00", "1899-05-01"],
)
def test_a_file_line_dated_outside_2000_to_2100_is_refused_with_its_line(published):
    data = (
        json.dumps({"id": "1", "text": "Apel netralitas ASN"})
        + "\n"
        + json.dumps({"id": "2", "text": "Ayo coblos nomor 2", "published": published})
    ).encode()
    with pytest.raises(InputError) as refused:
        read_file(data)
    assert refused.value.code == "bad_time" and refused.value.line == 2


def test_a_feed_entry_dated_in_the_year_9999_is_kept_without_its_date(region):
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>B</title>
<item><title>Apel netralitas</title><guid>g1</guid>
<pubDate>Fri, 31 Dec 9999 23:00:00 -0500</pubDate></item></channel></rss>"""
    (item,) = read_feed(rss)
    assert item.published is None
    source = Source.objects.create(name="Berita", kind="feed", region=region("35.09"))
    actions.ingest(source, [item])
    assert Text.objects.get().published_at is None
