from django.urls import path

from . import transfer_views, views

app_name = "cases"
urlpatterns = [
    path("kasus/", views.case_list, name="list"),
    path("kasus/temuan/", views.new_finding, name="new_finding"),
    path("kasus/<int:case_id>/", views.case_detail, name="detail"),
    path("kasus/<int:case_id>/langkah/", views.case_transition, name="transition"),
    path("kasus/<int:case_id>/perpanjang/", views.case_extend, name="extend"),
    path("kasus/<int:case_id>/dokumen/", views.case_document, name="document"),
    path("kasus/<int:case_id>/klarifikasi/", views.case_hearing, name="hearing"),
    path("kasus/klarifikasi/<int:hearing_id>/berita-acara/", views.hearing_minutes, name="minutes"),
    path("kasus/<int:case_id>/terlapor/", views.case_respondent, name="respondent"),
    path(
        "kasus/<int:case_id>/terlapor/<int:respondent_id>/",
        views.respondent_edit,
        name="respondent_edit",
    ),
    path(
        "kasus/<int:case_id>/terlapor/<int:respondent_id>/hapus/",
        views.respondent_remove,
        name="respondent_remove",
    ),
    path("kasus/<int:case_id>/penanggung-jawab/", views.case_assign, name="assign"),
    path("kasus/<int:case_id>/catatan/", views.case_note, name="note"),
    path("kasus/<int:case_id>/lampiran/", views.case_attach, name="attach"),
    path("kasus/<int:case_id>/gabung/", views.case_merge, name="merge"),
    path(
        "kasus/<int:case_id>/bukti/<int:evidence_id>/",
        views.case_evidence_file,
        name="evidence_file",
    ),
    path("kasus/lampiran/<int:attachment_id>/", views.attachment_file, name="attachment_file"),
    path("templat-surat/", views.letter_templates, name="letter_templates"),
    # An administrator's page for a transferred officer: the cases app moves the open work.
    path("akun/pengguna/<int:user_id>/mutasi/", transfer_views.account_transfer, name="transfer"),
    path("templat-surat/<str:kind>/", views.letter_template_edit, name="letter_template"),
    path("kasus/dokumen/<int:document_id>/", views.document_file, name="document_file"),
    path(
        "laporan/<int:submission_id>/buka-kasus/",
        views.open_from_submission,
        name="open_from_submission",
    ),
]
