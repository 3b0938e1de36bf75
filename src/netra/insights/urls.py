"""The insights pages: public statistics, the notice board, open data (public) and the staff
figures."""

from django.urls import path, re_path

from . import exports, staff, views

app_name = "insights"
urlpatterns = [
    path("statistik/", views.statistics, name="statistics"),
    path("statistik/papan-pengumuman/", views.notice_board, name="notice_board"),
    path("statistik/kamus-data/", views.dictionary, name="dictionary"),
    path("statistik/unduh/<str:fmt>/", exports.download, name="open_data"),
    # Only a region code ("35", "35.09"), so that the other pages under statistik/ never fall
    # to this one, whatever order their routes are in.
    re_path(r"^statistik/(?P<code>\d{2}(?:\.\d{2})?)/$", views.region, name="region"),
    path("staf/statistik/", staff.staff_statistics, name="staff"),
]
