from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netra.accounts.access import can
from netra.worker.health import worker_status

# (label, url name, capability or None for every staff user); modules to come join this list.
STAFF_NAVIGATION = [
    (_("Dashboard"), "web:dashboard", None),
    (_("Reports"), "reports:queue", "reports.view"),
    (_("Cases"), "cases:list", "cases.view"),
    (_("Follow-up"), "sanctions:compliance", "cases.view"),
    (_("Prevention"), "prevention:home", "prevention.view"),
    (_("Monitoring"), "monitoring:queue", "monitoring.view"),
    (_("Employee roster"), "people:roster", "roster.view"),
    (_("Roster import"), "people:import", "roster.import"),
    (_("Accounts"), "accounts:users", "accounts.manage"),
    (_("Letter templates"), "cases:letter_templates", "letters.edit"),
    (_("Statistics"), "insights:staff", "insights.staff"),
    (_("Regions to watch"), "risk:watch", "insights.staff"),
    (_("Vulnerability index"), "risk:ikp", "risk.manage"),
    (_("Data requests"), "privacy:queue", "privacy.requests"),
    (_("Legal holds"), "privacy:holds", "privacy.hold"),
    (_("Audit log"), "web:audit_log", "audit.view"),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.must_change_password:
        return {"staff_nav": []}
    items = [
        {"label": label, "url": reverse(name), "active": request.path == reverse(name)}
        for label, name, capability in STAFF_NAVIGATION
        if capability is None or can(user, capability)
    ]
    context = {"staff_nav": items}
    if can(user, "accounts.manage"):
        context["worker_silent"] = worker_status() != "ok"
    return context
