"""A NUL character, which PostgreSQL text columns refuse, is dropped from imported files and
feeds, so that a worker ingesting them never fails on it; odd dates are refused or ignored."""

import json

import pytest

from netra.monitoring import actions
from netra.monitoring.inputs import InputError, read_feed, read_file
from netra.monitoring.models import Source, Text

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>B</title>
<item><title>Apel netralitas</title><guid>g&#0;1</guid><author>hu&#0;mas</author>
<description>ASN &amp;#0; netral</description><pubDate>Wed, 16 Oct 2024 10:00:00 +0700</pubDate>
</item></channel></rss>""".encode()


def test_a_file_with_nul_characters_is_ingested_without_them(region):
    data = json.dumps(
        {"id": "1\u0000", "author": "@gu\u0000ru", "text": "Ayo\u0000 coblos nomor 2"}
    ).encode()
    (item,) = read_file(data)
    assert (item.id, item.author, item.text) == ("1", "@guru", "Ayo coblos nomor 2")
    source = Source.objects.create(name="Patroli", kind="file", region=region("35.09"))
    actions.ingest(source, [item])
    assert Text.objects.get().text == "Ayo coblos nomor 2"


def test_a_feed_with_nul_characters_is_read_without_them():
    items = read_feed(RSS)
    assert len(items) == 1 and items[0].text.startswith("Apel netralitas")
    assert all(
        "\x00" not in value
        for item in items
        for value in (item.id, item.text, item.author, item.url)
    )


@pytest.mark.parametrize("published", [12.5, ["2024"], "kemarin sore"])
def test_a_file_with_a_time_that_is_not_one_names_its_line(published):
    data = json.dumps({"id": "1", "text": "x", "published": published}).encode()
    with pytest.raises(InputError) as refused:
        read_file(data)
    assert (refused.value.code, refused.value.line) == ("bad_time", 1)
