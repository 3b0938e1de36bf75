"""The case page offers the officers a case may be assigned to from one query
(access.users_reaching), not two per Bawaslu officer in the country; it offers the same
officers as checking each officer's reach one by one does."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from netra.accounts.access import region_in_scope, users_reaching
from netra.accounts.models import User
from netra.cases import workflow as wf
from netra.regions.models import Region


def offered(page):
    select = re.search(r'<select id="officer" name="officer">(.*?)</select>', page, re.DOTALL)
    return set(map(int, re.findall(r'<option value="(\d+)"', select.group(1))))


def test_the_case_page_offers_the_officers_who_reach_the_case(
    client_for, alice, bob, charlie, dewi, fajar, make_user, reported_case
):
    national = make_user("rini", "bawaslu_ri")
    admin = make_user("admin", "admin")
    gone = make_user("gone", "bawaslu_regency", ["35.09"])
    gone.is_active = False
    gone.save()
    page = client_for(alice).get(f"/kasus/{reported_case.pk}/").content.decode()
    assert offered(page) == {alice.pk, bob.pk, dewi.pk, national.pk}
    assert not offered(page) & {charlie.pk, fajar.pk, admin.pk, gone.pk}


def test_the_officer_list_costs_the_same_queries_for_thirty_officers(
    client_for, alice, make_user, reported_case, django_assert_max_num_queries
):
    officer = client_for(alice)
    url = f"/kasus/{reported_case.pk}/"
    officer.get(url)  # sessions, caches and the like warmed up
    with CaptureQueriesContext(connection) as few:
        page = officer.get(url).content.decode()
    assert offered(page) == {alice.pk}
    roles = ["bawaslu_regency", "bawaslu_province", "bawaslu_ri"]
    codes = [["35.09"], ["35"], [], ["15.71"], ["35.09", "35"]]
    for n in range(30):
        make_user(f"officer{n:02}", roles[n % 3], codes[n % 5])
    with django_assert_max_num_queries(len(few)):
        page = officer.get(url).content.decode()
    assert len(offered(page)) > 15


def test_users_reaching_finds_what_checking_each_officer_finds(
    alice, bob, charlie, dewi, fajar, make_user
):
    make_user("rini", "bawaslu_ri", ["15"])
    make_user("siti", "bawaslu_province", ["15"])
    make_user("tono", "bawaslu_regency", ["35.09", "15.71"])
    make_user("nobody", "bawaslu_regency")
    gone = make_user("gone", "bawaslu_province", ["35"])
    gone.is_active = False
    gone.save()
    candidates = User.objects.filter(role__in=wf.BAWASLU, is_active=True).prefetch_related(
        "regions"
    )
    jember = Region.objects.get(code="35.09")
    samples = [
        jember,
        jember.parent,
        Region.objects.get(code="15.71"),
        Region.objects.filter(code__startswith="35.09.").first(),
        Region.objects.get(code="11"),
    ]
    for region in samples:
        one_by_one = {o.pk for o in candidates if region_in_scope(o, region)}
        assert (
            set(users_reaching(region, roles=wf.BAWASLU).values_list("pk", flat=True)) == one_by_one
        ), region
    assert {u.username for u in users_reaching(jember, roles=wf.BAWASLU)} == {
        "alice",
        "bob",
        "dewi",
        "rini",
        "tono",
    }
