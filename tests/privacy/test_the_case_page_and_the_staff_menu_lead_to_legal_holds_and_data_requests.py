"""Legal holds and data requests are reached from where staff work: the case page links its
hold, and the staff menu names both, for those who may use them and nobody else (a link to a
404 would be a dead end)."""

from .helpers import ended_case


def test_bawaslu_sees_the_hold_link_on_the_case_and_both_pages_in_the_menu(
    client, alice, client_for
):
    case = ended_case(client, alice)
    page = client_for(alice).get(f"/kasus/{case.pk}/").content.decode()
    assert f'href="/staf/privasi/penahanan/kasus/{case.pk}/"' in page
    assert 'href="/staf/privasi/penahanan/"' in page
    assert 'href="/staf/privasi/permintaan/"' in page


def test_bkn_reaching_a_forwarded_case_is_offered_neither(
    reported_case, walk_case, gita, client_for
):
    case = walk_case(reported_case, "forwarded")
    response = client_for(gita).get(f"/kasus/{case.pk}/")
    assert response.status_code == 200
    assert "/staf/privasi/" not in response.content.decode()
