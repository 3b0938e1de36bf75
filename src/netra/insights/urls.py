"""The insights pages: public statistics, the notice board, open data (public) and the staff
figures."""

from django.urls import path  # noqa: F401  (the routes are added with their views)

app_name = "insights"
urlpatterns = []
