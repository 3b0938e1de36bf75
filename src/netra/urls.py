from django.urls import include, path

from netra.api import api
from netra.common.views import set_language
from netra.web.employee_record import employee_record

urlpatterns = [
    path("", include("netra.web.urls")),
    path("", include("netra.reports.urls")),
    path("", include("netra.cases.urls")),
    path("", include("netra.sanctions.urls")),
    path("", include("netra.prevention.urls")),
    path("", include("netra.monitoring.urls")),
    path("", include("netra.insights.urls")),
    path("", include("netra.risk.urls")),
    path("", include("netra.privacy.urls")),
    path("akun/", include("netra.accounts.urls")),
    # An employee's whole record gathers cases, sanctions and prevention, which the roster app
    # may not import: served from the web layer at the address people:employee reverses to.
    path("pegawai/<int:employee_id>/", employee_record),
    path("pegawai/", include("netra.people.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", api.urls),
]

handler400 = "netra.web.views.bad_request"
handler404 = "netra.web.views.not_found"
handler500 = "netra.web.views.server_error"
