from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.roster, name="roster"),
    path("<int:employee_id>/", views.employee_detail, name="employee"),
    path("impor/", views.roster_import, name="import"),
    path("impor/<int:job_id>/", views.import_job, name="import_job"),
    path("impor/<int:job_id>/kesalahan.csv", views.import_job_errors, name="import_job_errors"),
]
