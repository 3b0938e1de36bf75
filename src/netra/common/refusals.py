"""The one place a refused change becomes an answer: a message on the page (or an error on its
form), or an API 400 with the refusal's code (409 for a conflict). Views and API handlers of
every app go through `attempt`, with the message catalog of their app."""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from ninja import Status

from netra.lib.refusals import Conflict, Refused


def form_errors(form):
    """FORM's errors as one sentence, for a page message or an API answer."""
    return " ".join(str(e) for errs in form.errors.values() for e in errs)


def say(request, text, form=None, field=None):
    """TEXT as an error on FORM (when given; on its FIELD, if named) or as a page message."""
    if form is not None:
        form.add_error(field, text)
    else:
        messages.error(request, text)


#: The API's own answers that are no app's refusal, by the code a program reads; the text is in
#: the caller's language (Accept-Language or the language cookie, else Bahasa Indonesia).
API_ANSWERS = {
    "not_found": _("Not found, or outside your reach."),
    "not_signed_in": _("Sign in first."),
    "invalid_input": _("The input does not match the API's schema; see errors."),
    "unreadable_body": _("The request body could not be read as JSON."),
    "csrf_failed": _("The change was sent without the CSRF token of this session."),
    "bad_request": _("The request could not be understood."),
    "throttled": _("Too many attempts from this address; try again later."),
    "refused": _("The request was refused."),
    "unknown_region": _("There is no region with the code %(code)s."),
    "unknown_election": _("There is no election with the code %(code)s."),
    "unknown_level": _("The level is province or regency."),
    "unknown_receipt": _("No report has this receipt code."),
    "too_large": _("The request is too large."),
    "incomplete_body": _("The request did not arrive whole; nothing was saved."),
    "invalid_submission": _("The report has errors; see errors."),
}


def api_answer(answer, /, **values):
    """The body of the API's own ANSWER (a code of API_ANSWERS): its text in the caller's
    language, with VALUES put in, and its code."""
    text = str(API_ANSWERS[answer])
    return {"detail": text % values if values else text, "code": answer}


def api_status(status, answer, /, **values):
    """STATUS with the API's own ANSWER (api_answer)."""
    return Status(status, api_answer(answer, **values))


def refusal_status(code, text, status=400):
    """The API's answer to a refused change."""
    return Status(status, {"detail": str(text), "code": code})


def attempt(
    request,
    call,
    message_for,
    *,
    then=None,
    api=False,
    form=None,
    field=None,
    refused=None,
    conflict=None,
):
    """Run CALL() and answer.

    MESSAGE_FOR(refusal) gives a refusal's text in the user's language (a Conflict passes
    through it too, with code "conflict").
    - it went through: THEN() when given, else CALL's result;
    - a Refused: for the API (API=True) a 400 with its code and text; for a page the text
      (on FORM when given, on its FIELD if named, else as a page message), then REFUSED() if
      given, else THEN();
    - a Conflict: for the API a 409; for a page CONFLICT() (the page that says to reload), or
      like a refusal when no CONFLICT is given.
    """
    try:
        result = call()
    except Refused as error:
        if api:
            return refusal_status(error.code, message_for(error))
        say(request, message_for(error), form, field)
        return refused() if refused is not None else then() if then is not None else None
    except Conflict as error:
        if api:
            return refusal_status(error.code, message_for(error), 409)
        if conflict is not None:
            return conflict()
        say(request, message_for(error), form, field)
        return refused() if refused is not None else then() if then is not None else None
    return then() if then is not None else result
