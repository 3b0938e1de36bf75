"""The letter form and the hearing form both rendered id="id_place" on the case page (and the
hearing and person forms both id="id_name"), so a label pointed at the wrong field."""

import re
from collections import Counter


def test_every_id_on_the_case_page_is_unique(client_for, alice, reported_case, walk_case):
    case = walk_case(reported_case, "registered")
    page = client_for(alice).get(f"/kasus/{case.pk}/").content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert 'id="letter_place"' in page and 'id="hearing_place"' in page
    assert [i for i, n in ids.items() if n > 1] == []


def test_the_sanctions_panel_decree_page_has_unique_ids_too(
    client_for, hadi, gita, reported_case, walk_case
):
    from ..sanctions_helpers import recommend

    case = recommend(gita, walk_case(reported_case, "bkn_verification", bkn=gita))
    assert case.state == "recommended"
    page = client_for(hadi).get(f"/kasus/{case.pk}/").content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert [i for i, n in ids.items() if n > 1] == []


def test_every_label_on_the_decree_form_points_at_a_field(
    client_for, hadi, gita, reported_case, walk_case
):
    """The decree's outcome radio group had a label whose for= named no element."""
    from ..sanctions_helpers import recommend

    case = recommend(gita, walk_case(reported_case, "bkn_verification", bkn=gita))
    page = client_for(hadi).get(f"/kasus/{case.pk}/").content.decode()
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    dangling = [f for f in re.findall(r'<label for="([^"]*)"', page) if f not in ids]
    assert dangling == []
    assert re.search(r"<fieldset[^>]*><legend>Tindak lanjut", page)
