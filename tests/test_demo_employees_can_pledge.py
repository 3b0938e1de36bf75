"""The demo roster gives most employees with a NIP an e-mail address, so the e-pledge can be
tried (before: no demo employee had one and every request was refused)."""

from django.core import mail

from netra.demo import load_demo
from netra.people.models import Employee
from netra.prevention import actions


def test_demo_employees_have_email_addresses_and_can_ask_for_a_pledge_code(reference):
    load_demo(employees=300, cases_per_state=1)
    with_email = Employee.objects.exclude(email="").exclude(nip=None)
    assert with_email.count() > Employee.objects.count() // 3
    assert all(e.endswith(".test") for e in with_email.values_list("email", flat=True))
    employee = with_email.order_by("pk").first()
    mail.outbox.clear()
    actions.request_pledge_code(employee.nip, client_key="demo-test")
    assert [m.to for m in mail.outbox] == [[employee.email]]
