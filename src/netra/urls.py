from django.urls import include, path

from netra.api import api

urlpatterns = [
    path("", include("netra.web.urls")),
    path("", include("netra.reports.urls")),
    path("", include("netra.cases.urls")),
    path("", include("netra.sanctions.urls")),
    path("", include("netra.prevention.urls")),
    path("", include("netra.monitoring.urls")),
    path("akun/", include("netra.accounts.urls")),
    path("pegawai/", include("netra.people.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
]

handler400 = "netra.web.views.bad_request"
handler404 = "netra.web.views.not_found"
handler500 = "netra.web.views.server_error"
