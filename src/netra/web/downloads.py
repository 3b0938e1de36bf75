"""Serving a stored file as a download: always as an attachment, never sniffed into HTML."""

from django.http import FileResponse


def download(stored, content_type, filename, *, no_store=False):
    """STORED (a FieldFile) as an attachment named FILENAME; NO_STORE keeps it out of caches."""
    response = FileResponse(stored.open("rb"), content_type=content_type, as_attachment=True,
                            filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    if no_store:
        response["Cache-Control"] = "no-store"
    return response
