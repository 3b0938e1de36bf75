"""The prevention refusal catalog: the user's-language message of every code a prevention
change is refused with (prevention/actions.py: circulars, attendance files, pledges), and the
names of the row errors an attendance file is refused with."""

from django.utils.translation import gettext_lazy as _

REFUSALS = {
    "not_pdf": _("The file is not a PDF."),
    "rows": _("Some rows of %(file)s cannot be read; nothing was imported."),
    "file_empty": _("%(file)s is empty."),
    "file_encoding": _("%(file)s is neither UTF-8 nor UTF-16. Save it again as “CSV UTF-8”."),
    "file_old_excel": _("%(file)s is an old Excel file (.xls). Save it as .xlsx or CSV."),
    "file_not_a_table": _("%(file)s is not a table (CSV or XLSX)."),
    "file_unreadable_xlsx": _("%(file)s cannot be opened as an Excel workbook."),
    "file_too_many_rows": _("%(file)s has more rows than one event can hold."),
    "file_unknown_layout": _(
        "%(file)s is not a known attendance layout. Its first row reads: "
        "“%(header)s”. Expected a Zoom, Teams or Google Meet export, or a "
        "sheet with the columns Nama and NIP or Unit kerja."
    ),
    "not_in_region": _("That employee is not on the region's roster."),
    "already_imported": _("%(file)s has already been imported for this event."),
    "collective_incomplete": _("Choose the agencies and list the signatories."),
    "too_many": _("Too many codes were asked for. Try again in an hour."),
    "nip_unknown": _(
        "This NIP is not on any regional roster in Netra. Ask your personnel "
        "agency (BKPSDM) to check the roster."
    ),
    "no_email": _(
        "The roster has no e-mail address for this NIP. Ask your personnel agency "
        "(BKPSDM) to add it."
    ),
    "code_unknown": _("This pledge request is not known. Start again."),
    "code_used": _("This code has already been used."),
    "code_expired": _("This code has expired. Ask for a new one."),
    "code_wrong": _("The code is not right. %(left)s attempts left."),
}
ROW_CODES = {
    "bad_time": _("not a time"),
    "bad_duration": _("not a duration"),
    "bad_nip": _("a NIP has 18 digits"),
    "no_name": _("no name"),
    "mixed_dates": _("dates written day-first and month-first in one file"),
    "bad_action": _("not Joined or Left"),
}


def refusal_text(refused):
    """REFUSED's message, with the file it names and its parameters filled in."""
    return str(REFUSALS[refused.code] % {"file": refused.filename, **refused.params})
