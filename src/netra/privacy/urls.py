from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    # The public: the privacy notice and the request for one's data.
    path("privasi/", views.notice, name="notice"),
    path("privasi/permintaan/", views.request_form, name="request"),
    path("privasi/permintaan/diterima/", views.request_received, name="request_received"),
    # Staff: the requests within reach, and legal holds on cases.
    path("staf/privasi/permintaan/", views.queue, name="queue"),
    path("staf/privasi/permintaan/<int:request_id>/", views.request_detail, name="request_detail"),
    path("staf/privasi/penahanan/", views.holds, name="holds"),
    path("staf/privasi/penahanan/kasus/<int:case_id>/", views.legal_hold, name="hold"),
]
