"""The early-warning pages (staff only): the regions to watch and each region's risk, the
periodic report, the IKP import and the risk weights."""

from django.urls import path, re_path

from . import data_views, report_views, views

app_name = "risk"
urlpatterns = [
    # The routes of each page module follow, one block per module.
    # Administrators: the vulnerability index and the weights (data_views).
    path("staf/ikp/", data_views.ikp, name="ikp"),
    path("staf/ikp/<int:release_id>/", data_views.ikp_release, name="ikp_release"),
    path("staf/risiko/bobot/", data_views.risk_weights, name="weights"),
    # Staff who follow case handling: the regions to watch and one region's risk (views).
    # Only a region code ("35", "35.09"), so that no other page under staf/risiko/ falls here.
    path("staf/risiko/", views.watch, name="watch"),
    re_path(r"^staf/risiko/(?P<code>\d{2}(?:\.\d{2})?)/$", views.region, name="region"),
    # One region's periodic report as a PDF (report_views).
    re_path(
        r"^staf/risiko/(?P<code>\d{2}(?:\.\d{2})?)/laporan/$",
        report_views.periodic_report,
        name="report",
    ),
]
