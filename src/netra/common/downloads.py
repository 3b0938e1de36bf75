"""Serving a stored file as a download: always as an attachment, never sniffed into HTML; and
whatever file a signed-in user downloads, kept out of every cache."""

from django.http import FileResponse


def download(stored, content_type, filename, *, no_store=False):
    """STORED (a FieldFile) as an attachment named FILENAME; NO_STORE keeps it out of caches
    even when nobody is signed in (staff downloads get it from the middleware below)."""
    response = FileResponse(
        stored.open("rb"), content_type=content_type, as_attachment=True, filename=filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    if no_store:
        response["Cache-Control"] = "no-store"
    return response


class PrivateDownloadsMiddleware:
    """`Cache-Control: no-store` on every attachment served to a signed-in user: letters,
    attachments, decrees, evidence, exports and error reports hold personal data, and a
    browser's or a proxy's cache would keep it after the user signed out. Here rather than in
    each view, so that a new download cannot forget it; public documents (a circular) stay
    cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Disposition", "").startswith("attachment"):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                response["Cache-Control"] = "no-store"
        return response
