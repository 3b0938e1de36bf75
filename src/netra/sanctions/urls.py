from django.urls import path

from . import views

app_name = "sanctions"
urlpatterns = [
    path("kasus/<int:case_id>/rekomendasi/", views.recommend, name="recommend"),
    path("rekomendasi/<int:recommendation_id>/keputusan/", views.decree, name="decree"),
    path(
        "rekomendasi/<int:recommendation_id>/keputusan.pdf", views.decree_file, name="decree_file"
    ),
    path("tindak-lanjut/<int:step_id>/", views.take_step, name="take_step"),
    path("sanksi/kepatuhan/", views.compliance, name="compliance"),
    path("sanksi/konsistensi/", views.consistency, name="consistency"),
    path("sanksi/riwayat/", views.history, name="history"),
    path("sanksi/katalog/", views.catalog, name="catalog"),
    path("sanksi/katalog/<str:code>/", views.catalog_code, name="catalog_code"),
]
