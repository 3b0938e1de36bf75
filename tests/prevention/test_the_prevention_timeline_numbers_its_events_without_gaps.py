"""The prevention timeline is an ordered list whose election stages were list items too: the
events' numbers skipped one for every stage between them (1, 4, 9...). The events are now
numbered 1, 2, 3 and the stages carry no number."""

import re
from datetime import timedelta

from netra.prevention import actions


def test_the_events_are_numbered_one_two_three_with_stages_between(
    client_for, fajar, outreach, region
):
    for days in (30, 60):  # after the campaign starts, and after voting day: stages between
        actions.add_event(
            fajar,
            region=region("35.09"),
            title=f"Sosialisasi lanjutan {days}",
            kind="outreach",
            mode="online",
            place="Zoom",
            organiser="BKPSDM Kabupaten Jember",
            partners=["bawaslu"],
            audience=["asn"],
            min_minutes=30,
            starts_at=outreach.starts_at + timedelta(days=days),
            target_agencies=list(outreach.target_agencies.all()),
        )
    html = client_for(fajar).get("/pencegahan/").content.decode()
    timeline = re.search(r'<ol class="timeline" id="prevention-timeline">(.*?)</ol>', html, re.S)
    items = re.findall(r"<li([^>]*)>", timeline.group(1))
    stages = [i for i in items if 'class="stage"' in i]
    events = [i for i in items if 'class="stage"' not in i]
    assert len(events) == 3 and stages
    assert [re.search(r'value="(\d+)"', e).group(1) for e in events] == ["1", "2", "3"]
    assert items.index(events[2]) - items.index(events[1]) > 1  # voting day lies between
