from django.urls import path

from . import views

app_name = "prevention"
urlpatterns = [
    path("pencegahan/", views.home, name="home"),
    path("pencegahan/surat-edaran/baru/", views.new_circular, name="new_circular"),
    path("pencegahan/kegiatan/baru/", views.new_event, name="new_event"),
    path("pencegahan/kegiatan/<int:event_id>/", views.event_detail, name="event"),
    path("pencegahan/kegiatan/<int:event_id>/kehadiran/", views.event_upload, name="upload"),
    path("pencegahan/kegiatan/<int:event_id>/tinjau/", views.event_review, name="review"),
    path(
        "pencegahan/kegiatan/<int:event_id>/ikrar-bersama/",
        views.collective_pledge,
        name="collective_pledge",
    ),
    path("pencegahan/ikrar-bertanda-tangan/", views.signed_pledges, name="signed_pledges"),
    path("pencegahan/cakupan.<str:fmt>", views.coverage_export, name="export"),
    path("wilayah/<str:code>/", views.public_region, name="public_region"),
    path(
        "wilayah/surat-edaran/<int:circular_id>.pdf", views.public_circular, name="public_circular"
    ),
    path("boleh-atau-tidak/", views.guide, name="guide"),
    path("ikrar/", views.pledge_start, name="pledge"),
    path("ikrar/kode/<str:token>/", views.pledge_confirm, name="pledge_confirm"),
]
