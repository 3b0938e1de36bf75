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
    path("pengguna/<int:user_id>/", views.user_edit, name="user_edit"),
    path("pengguna/<int:user_id>/reset/<str:what>/", views.user_reset, name="user_reset"),
]
