from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("pemantauan/", views.queue, name="queue"),
    path("pemantauan/tanda/<int:flag_id>/abaikan/", views.dismiss, name="dismiss"),
    path("pemantauan/tanda/<int:flag_id>/temuan/", views.finding, name="finding"),
    path("pemantauan/impor/", views.upload, name="upload"),
    path("pemantauan/sumber/", views.add_feed, name="add_feed"),
    path("pemantauan/akun/", views.add_handle, name="add_handle"),
    path("pemantauan/berita/", views.suggestions, name="suggestions"),
    path(
        "pemantauan/berita/<int:suggestion_id>/", views.decide_suggestion, name="decide_suggestion"
    ),
    path("pemantauan/gazetir/<str:code>/", views.gazetteer, name="gazetteer"),
]
