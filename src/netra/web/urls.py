from django.urls import path

from . import audit_log, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("dasbor/", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("audit/", audit_log.audit_log, name="audit_log"),
    path("audit/periksa/", audit_log.audit_verify, name="audit_verify"),
    path(
        "audit/periksa/<int:verification_id>/",
        audit_log.audit_verification,
        name="audit_verification",
    ),
]
