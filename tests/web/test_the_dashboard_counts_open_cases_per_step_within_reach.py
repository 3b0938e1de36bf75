"""The dashboard counts the open cases of each step in the user's reach, each count linking
to the case list filtered by that step; another region's cases are never counted."""

from django.urls import reverse

from .dashboard_cases import make_case


def test_each_step_is_counted_and_links_to_the_list_of_that_step(client_for, alice, charlie):
    for state in ["received", "study", "study", "clarification", "closed"]:
        make_case(state)
    make_case("study", code="15.71")  # Kota Jambi: charlie's, never alice's

    response = client_for(alice).get(reverse("web:dashboard"))
    steps = {s["state"]: s["count"] for s in response.context["steps"]}
    assert steps == {"received": 1, "study": 2, "clarification": 1}
    assert response.context["open_cases"] == 4
    page = response.content.decode()
    for state in steps:
        assert f'href="/kasus/?state={state}"' in page
    assert 'href="/kasus/?state=closed"' not in page  # closed is not open work

    assert client_for(charlie).get(reverse("web:dashboard")).context["steps"] == [
        {"state": "study", "label": "Kajian", "count": 1}
    ]


def test_steps_are_listed_in_the_order_of_the_workflow(client_for, alice):
    for state in ["study", "received", "registered"]:
        make_case(state)
    steps = client_for(alice).get(reverse("web:dashboard")).context["steps"]
    assert [s["state"] for s in steps] == ["received", "registered", "study"]


def test_the_steps_cost_one_query_however_many_cases_and_steps(
    client_for, alice, django_assert_max_num_queries
):
    for state in ["received", "initial_study", "registered", "clarification", "study"]:
        make_case(state)
    officer = client_for(alice)
    officer.get(reverse("web:dashboard"))  # session and reach cached like any later visit
    # session, user, regions (reach and list), elections and stages, reports waiting,
    # steps, deadline counts and deadline rows: the same number for 5 cases and for 25
    with django_assert_max_num_queries(14):
        officer.get(reverse("web:dashboard"))
    for state in ["received", "initial_study", "registered", "clarification", "study"] * 4:
        make_case(state)
    with django_assert_max_num_queries(14):
        officer.get(reverse("web:dashboard"))
