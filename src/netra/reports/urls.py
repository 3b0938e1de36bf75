from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("lapor/", views.report_form, name="form"),
    path("lapor/tanda-terima/", views.receipt, name="receipt"),
    path("lapor/tanda-terima/unduh/", views.receipt_note, name="receipt_note"),
    path("lapor/akhiri-sesi/", views.end_session, name="end_session"),
    path("lapor/status/", views.status, name="status"),
    path("lapor/kecamatan/", views.district_options, name="districts"),
    path("lapor/pegawai/", views.employee_suggestions, name="suggestions"),
    path("laporan/", views.queue, name="queue"),
    path("laporan/<int:submission_id>/", views.detail, name="detail"),
    path("laporan/<int:submission_id>/identitas/", views.reveal_identity, name="reveal_identity"),
    path("laporan/<int:submission_id>/tanya/", views.ask, name="ask"),
    path("laporan/<int:submission_id>/duplikat/", views.decide_duplicate, name="duplicate"),
    path("laporan/<int:submission_id>/kajian/", views.study, name="study"),
    path("laporan/<int:submission_id>/serahkan/", views.hand_over, name="hand_over"),
    path("laporan/<int:submission_id>/ambil/", views.take, name="take"),
    path("laporan/bukti/<int:evidence_id>/", views.evidence_file, name="evidence"),
]
