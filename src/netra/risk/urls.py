"""The early-warning pages (staff only): the regions to watch and each region's risk, the
periodic report, the IKP import and the risk weights."""

from django.urls import path  # noqa: F401  (the routes below are added by each part)

app_name = "risk"
urlpatterns = [
    # The routes of each page module follow, one block per module.
]
