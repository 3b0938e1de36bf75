from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("masuk/", views.login_view, name="login"),
    path("masuk/kode/", views.second_factor, name="second_factor"),
    path("masuk/autentikator/", views.enroll, name="enroll"),
    path("keluar/", views.logout_view, name="logout"),
    path("kata-sandi/", views.password_change, name="password_change"),
    path("pengguna/", views.user_list, name="users"),
    path("pengguna/baru/", views.user_new, name="user_new"),
    path("pengguna/impor/", views.user_import, name="user_import"),
    path("daftar/<str:token>/", views.enrol, name="enrol"),
    path("pengguna/<int:user_id>/aktifkan/", views.user_reactivate, name="user_reactivate"),
    path("pengguna/<int:user_id>/tautan/", views.user_send_link, name="user_send_link"),
    path("pengguna/<int:user_id>/", views.user_edit, name="user_edit"),
    path("pengguna/<int:user_id>/reset/<str:what>/", views.user_reset, name="user_reset"),
]
