from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("staf/privasi/penahanan/", views.holds, name="holds"),
    path("staf/privasi/penahanan/kasus/<int:case_id>/", views.legal_hold, name="hold"),
]
