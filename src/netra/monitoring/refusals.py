"""The monitoring refusal catalog: the user's-language message of every code a monitoring
change is refused with (monitoring/actions.py), a file is refused with (monitoring/inputs.py)
or a feed fails with (monitoring/fetch.py, stored on the source by the worker). The pages and
the API both take their messages from here."""

from django.utils.translation import gettext_lazy as _

REFUSALS = {
    "decided": _("Someone has already decided on this."),
    "reason_required": _("Write the reason and choose what the post is."),
    "no_region": _("The post has no region and your account has none to give it."),
    "handle_required": _("Write the account name."),
    "encoding": _("The file is not UTF-8."),
    "empty": _("The file is empty."),
    "bad_json": _("Line %(line)s is not a JSON object."),
    "bad_csv": _("The file is not a readable CSV file."),
    "missing_field": _("Line %(line)s has no %(detail)s."),
    "bad_time": _("Line %(line)s has a time that cannot be read: %(detail)s."),
    "name_required": _("Give the source a name."),
    "choose_region": _("Choose the region the texts belong to."),
    "source_exists": _("This region already has a source of this name."),
    "bad_url": _("Give an http(s) address, without a user name or password."),
    "unresolvable": _("The feed's host name cannot be found."),
    "private_address": _(
        "The address leads into a private or internal network, which Netra "
        "never reads. Give the feed's public address."
    ),
    "too_many_redirects": _("The feed redirects too many times."),
    "too_large": _("The feed is larger than 5 MB."),
    "timeout": _("The feed took too long to answer."),
    "http_status": _("The feed answered with HTTP status %(detail)s."),
    "unreachable": _("The feed's server cannot be reached."),
    "tls": _("The feed's secure connection (TLS) could not be verified."),
    "bad_feed": _("Not a readable RSS or Atom feed."),
}


def message_for(error):
    """ERROR's message (a Refused, or an InputError naming its line)."""
    return str(
        REFUSALS[error.code]
        % {"line": getattr(error, "line", ""), "detail": getattr(error, "detail", "")}
    )


def error_message(stored):
    """A source's last error (CODE or CODE:DETAIL, as the worker stores it) for people."""
    code, _sep, detail = stored.partition(":")
    if code not in REFUSALS:
        return stored
    return str(REFUSALS[code] % {"line": "", "detail": detail})
