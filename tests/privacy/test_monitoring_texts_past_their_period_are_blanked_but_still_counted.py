"""A monitoring text past NETRA_RETENTION_TEXTS_DAYS loses its words, author and address; the
row, its flag and its label stay, so that every count stays."""

from netra.monitoring.models import Flag, Source, Text
from netra.privacy import actions

from .helpers import days_later


def test_old_texts_are_blanked_and_their_rows_and_flags_stay(region, settings):
    source = Source.objects.create(name="Impor", kind="file", region=region("35.09"))
    post = Text.objects.create(
        source=source,
        external_id="p1",
        kind="post",
        text="Ayo dukung paslon 2!",
        author="budi_asn",
        url="https://sosmed.test/p/1",
        label="partisan",
    )
    Flag.objects.create(text=post, region=region("35.09"), score=0.9, evidence=[[0, 4]])
    days = settings.NETRA_RETENTION.texts

    assert actions.blank_expired_texts(days_later(days - 1)) == 0
    assert actions.blank_expired_texts(days_later(days + 1)) == 1
    post.refresh_from_db()
    assert (post.text, post.author, post.url, post.label) == ("", "", "", "partisan")
    flag = Flag.objects.get()
    assert flag.score == 0.9 and flag.evidence == []
    assert Text.objects.filter(region=None).count() + Text.objects.exclude(region=None).count() == 1
