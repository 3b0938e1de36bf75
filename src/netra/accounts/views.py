import time
from functools import wraps

import segno
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import F, Max, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netra.lib.refusals import Refused

from . import actions, enrolment, importer, secondfactor
from .access import get_or_404, require
from .forms import (
    AccountImportForm,
    CodeForm,
    EnrolmentPasswordForm,
    LoginForm,
    StaffUserForm,
)
from .models import User
from .refusals import message_for
from .throttle import client_ip

PENDING_SECONDS = 300


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def _pending_user(request):
    """The account that passed the password step in this session within the last minutes."""
    pending = request.session.get("pending_login")
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        return None
    return User.objects.filter(pk=pending["id"], is_active=True).first()


def _finish_login(request, user):
    next_url = request.session.get("pending_login", {}).get("next")
    request.session.pop("pending_login", None)
    request.session.pop("enroll_secret", None)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    # The account's own count starts afresh; the address keeps its count, which may be others'.
    actions.clear_failures([actions.user_key(user.username)])
    return next_url


TOO_MANY = gettext_lazy("Too many failed attempts. Please wait 15 minutes and try again.")


def _code_signs_in(user, code):
    """True when CODE is USER's current TOTP code or an unused recovery code (then spent)."""
    step = secondfactor.matching_step(user.totp_secret, code, user.totp_last_step)
    if step is not None:
        actions.accept_totp_step(user, step)
        return True
    return actions.use_recovery_code(user, code)


def _sign_in_with_code(request, form, keys):
    """From a crowded address: the password and the code together, or nothing. Whichever is
    wrong, the answer is the same, so a password alone tells a guesser nothing."""
    data = form.cleaned_data
    user = authenticate(request, username=data["username"], password=data["password"])
    if user is not None and user.has_second_factor and _code_signs_in(user, data["code"]):
        actions.end_attempt(keys)
        request.session["pending_login"] = {
            "id": user.pk,
            "at": time.time(),
            "next": _safe_next(request),
        }
        return redirect(_finish_login(request, user) or "web:dashboard")
    form.add_error(None, _("The username, password or code is wrong."))
    return None


def login_view(request):
    if request.user.is_authenticated:
        return redirect("web:dashboard")
    address = client_ip(request)
    form = LoginForm(request.POST or None, with_code=actions.address_is_crowded(address))
    if request.method == "POST" and form.is_valid():
        keys = actions.throttle_keys(form.cleaned_data["username"], address)
        allowed, crowded = actions.begin_attempt(keys)
        if not allowed:
            actions.end_attempt(keys)  # refused unchecked: it adds nothing to the address
            form.add_error(None, TOO_MANY)
        elif crowded and "code" not in form.fields:
            # The address crossed its limit since this form was shown.
            actions.end_attempt(keys)
            form = LoginForm(request.POST, with_code=True)
            form.is_valid()
        elif crowded:
            response = _sign_in_with_code(request, form, keys)
            if response is not None:
                return response
        else:
            user = authenticate(
                request,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password"],
            )
            if user is None:
                form.add_error(None, _("The username or password is wrong."))
            else:
                actions.end_attempt(keys)
                request.session["pending_login"] = {
                    "id": user.pk,
                    "at": time.time(),
                    "next": _safe_next(request),
                }
                if user.has_second_factor:
                    return redirect("accounts:second_factor")
                return redirect("accounts:enroll")
    return render(request, "accounts/login.html", {"form": form, "next": _safe_next(request)})


def second_factor(request):
    user = _pending_user(request)
    if user is None:
        return redirect("accounts:login")
    if not user.has_second_factor:
        return redirect("accounts:enroll")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # The password is proven: only the account's own tries limit this step, not the
        # failures others made from the same address.
        own, address = actions.throttle_keys(user.username, client_ip(request))
        allowed, _crowded = actions.begin_attempt([own])
        if not allowed:
            actions.end_attempt([own])
            form.add_error(None, TOO_MANY)
        elif _code_signs_in(user, form.cleaned_data["code"]):
            return redirect(_finish_login(request, user) or "web:dashboard")
        else:
            actions.note_failure([address])
            form.add_error("code", _("That code is not valid. Check the time on your phone."))
    return render(request, "accounts/second_factor.html", {"form": form})


@never_cache
def enroll(request):
    """First sign-in: set up the authenticator app before anything else."""
    user = _pending_user(request)
    if user is None:
        return redirect("accounts:login")
    if user.has_second_factor:
        return redirect("accounts:second_factor")
    secret = request.session.get("enroll_secret") or secondfactor.new_secret()
    request.session["enroll_secret"] = secret
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        step = secondfactor.matching_step(secret, form.cleaned_data["code"])
        if step is None:
            form.add_error("code", _("That code is not valid. Check the time on your phone."))
        else:
            codes = actions.confirm_second_factor(user, secret, step)
            _finish_login(request, user)
            return render(request, "accounts/recovery_codes.html", {"codes": codes})
    uri = secondfactor.provisioning_uri(secret, user.username)
    qr_svg = segno.make(uri, error="m").svg_inline(scale=5, dark="#111", light="#fff")
    grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    return render(
        request, "accounts/enroll.html", {"form": form, "qr_svg": qr_svg, "secret": grouped}
    )


@login_required
def password_change(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.change_own_password(request.user, form.cleaned_data["new_password1"])
        update_session_auth_hash(request, request.user)
        messages.success(request, _("Your password has been changed."))
        return redirect("web:dashboard")
    return render(request, "accounts/password_change.html", {"form": form})


@require_POST
def logout_view(request):
    logout(request)
    return redirect("web:home")


USERS_PER_PAGE = 50
#: The accounts page's views (?tampil=): everyone, those without a working authenticator
#: (reset by an administrator, or never set up), the deactivated.
USER_VIEWS = {
    "": gettext_lazy("All accounts"),
    "tanpa-autentikator": gettext_lazy("Without an authenticator"),
    "nonaktif": gettext_lazy("Deactivated"),
}


@login_required
def user_list(request):
    require(request.user, "accounts.manage")
    shown = request.GET.get("tampil", "")
    shown = shown if shown in USER_VIEWS else ""
    query = " ".join(request.GET.get("q", "").split())[:100]
    users = User.objects.prefetch_related("regions").annotate(
        link_until=Max(
            "enrolment_links__expires_at",
            filter=Q(enrolment_links__used_at=None, enrolment_links__expires_at__gt=timezone.now()),
        )
    )
    if shown == "tanpa-autentikator":
        users = users.filter(totp_confirmed_at=None, is_active=True).order_by(
            F("second_factor_reset_at").desc(nulls_last=True), "username"
        )
    elif shown == "nonaktif":
        users = users.filter(is_active=False).order_by(
            F("deactivated_at").desc(nulls_last=True), "username"
        )
    else:
        users = users.order_by("-is_active", "username")
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
        )
    page = Paginator(users, USERS_PER_PAGE).get_page(request.GET.get("halaman"))
    counts = {
        "tanpa-autentikator": User.objects.filter(totp_confirmed_at=None, is_active=True).count(),
        "nonaktif": User.objects.filter(is_active=False).count(),
    }
    views = [
        {"key": key, "label": label, "count": counts.get(key), "active": key == shown}
        for key, label in USER_VIEWS.items()
    ]
    return render(
        request,
        "accounts/user_list.html",
        {"page": page, "users": page.object_list, "views": views, "shown": shown, "q": query},
    )


@login_required
def user_import(request):
    """Accounts from a CSV or XLSX file: every row checked, the whole file refused on any
    error, the accounts created in one transaction, each sent its enrolment link."""
    require(request.user, "accounts.manage")
    form, errors, error_count, file_error = AccountImportForm(), [], 0, None
    if request.method == "POST":
        # Bound the cost before the body is read: a body far above the import's limit is
        # refused from its stated length.
        length = request.META.get("CONTENT_LENGTH") or "0"
        limit = importer.limit_bytes()
        if not length.isdigit() or int(length) > limit + 64 * 1024:
            size = int(length) if length.isdigit() else 0
            file_error = importer.AccountFileError(
                "too_large", size_mb=round(size / 2**20, 1), limit_mb=max(round(limit / 2**20), 1)
            ).message
            return render(
                request,
                "accounts/import.html",
                {"form": form, "file_error": file_error, "link_hours": enrolment.link_hours()},
            )
        form = AccountImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                checked = importer.check_file(upload.read())
            except importer.AccountFileError as error:
                file_error = error.message
            else:
                if checked.errors:
                    errors, error_count = checked.errors, checked.error_count
                else:
                    try:
                        created = actions.create_imported_accounts(request.user, checked.rows)
                    except IntegrityError:
                        # Another administrator took one of these usernames a moment ago.
                        file_error = _(
                            "Some of these accounts were created by someone else at the same "
                            "time. Upload the file again: it is checked afresh."
                        )
                if file_error is None and not errors:
                    messages.success(
                        request,
                        _(
                            "%(count)s accounts created. Each has been sent an enrolment link "
                            "by e-mail to choose a password and set up the authenticator."
                        )
                        % {"count": len(created)},
                    )
                    return redirect(f"{reverse('accounts:users')}?tampil=tanpa-autentikator")
    return render(
        request,
        "accounts/import.html",
        {
            "form": form,
            "file_error": file_error,
            "errors": errors,
            "error_count": error_count,
            "more_errors": max(error_count - len(errors), 0),
            "max_rows": importer.MAX_ROWS,
            "link_hours": enrolment.link_hours(),
            "limit_mb": max(round(importer.limit_bytes() / 2**20), 1),
            "roles": importer.roles_listed(),
        },
    )


def _private_link_page(view):
    """VIEW's pages never cached, and their address (a one-time token in it) never sent on
    as a Referer to the stylesheets, scripts and links they load: only the site's origin
    (no-referrer would make the browser post the form with "Origin: null", which the CSRF
    check refuses)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "strict-origin"
        return response

    return never_cache(wrapped)


@_private_link_page
def enrol(request, token):
    """The page an enrolment link opens: choose a password, then set up the authenticator.
    A used, expired or unknown link says so and what to do."""
    link, problem = actions.enrolment_link(token)
    if problem:
        status = 404 if problem == "unknown" else 410
        return render(
            request,
            "accounts/enrol.html",
            {"problem": message_for(Refused(problem))},
            status=status,
        )
    user = link.user
    form = EnrolmentPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = actions.use_enrolment_link(token, form.cleaned_data["new_password1"])
        except Refused as refused:
            return render(
                request, "accounts/enrol.html", {"problem": message_for(refused)}, status=410
            )
        if request.user.is_authenticated:
            logout(request)
        request.session.cycle_key()
        request.session["pending_login"] = {"id": user.pk, "at": time.time(), "next": None}
        return redirect("accounts:enroll")
    return render(
        request,
        "accounts/enrol.html",
        {"form": form, "account": user, "expires_at": link.expires_at},
    )


@login_required
@require_POST
def user_reactivate(request, user_id):
    require(request.user, "accounts.manage")
    account = get_or_404(User.objects.all(), request.user, region_field="regions", pk=user_id)
    try:
        actions.reactivate(request.user, account)
    except Refused as refused:
        messages.error(request, message_for(refused))
    else:
        messages.success(
            request,
            _(
                "The account is active again; an enrolment link to choose a new password is on "
                "its way by e-mail."
            )
            if account.email
            else _(
                "The account is active again. It has no e-mail address: add one and send "
                "it an enrolment link."
            ),
        )
    return redirect("accounts:user_edit", user_id=account.pk)


@login_required
@require_POST
def user_send_link(request, user_id):
    require(request.user, "accounts.manage")
    account = get_or_404(User.objects.all(), request.user, region_field="regions", pk=user_id)
    try:
        actions.resend_enrolment_link(request.user, account)
    except Refused as refused:
        messages.error(request, message_for(refused))
    else:
        messages.success(request, _("A new enrolment link is on its way by e-mail."))
    return redirect("accounts:user_edit", user_id=account.pk)


@never_cache
@login_required
def user_new(request):
    require(request.user, "accounts.manage")
    form = StaffUserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        user, password = actions.create_staff_user(
            request.user,
            username=d["username"],
            full_name=d["full_name"],
            email=d["email"],
            role=d["role"],
            regions=list(d["regions"]),
            office=d["office"],
        )
        return render(
            request, "accounts/one_time_password.html", {"account": user, "password": password}
        )
    return render(request, "accounts/user_form.html", {"form": form})


@login_required
def user_edit(request, user_id):
    require(request.user, "accounts.manage")
    account = get_or_404(User.objects.all(), request.user, region_field="regions", pk=user_id)
    initial = {
        "username": account.username,
        "full_name": account.get_full_name(),
        "email": account.email,
        "office": account.office,
        "role": account.role,
        "regions": account.regions.all(),
    }
    form = StaffUserForm(request.POST or None, instance=account, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        actions.update_staff_user(
            request.user,
            account,
            full_name=d["full_name"],
            email=d["email"],
            role=d["role"],
            regions=list(d["regions"]),
            office=d["office"],
        )
        messages.success(request, _("The account has been saved."))
        return redirect("accounts:users")
    return render(request, "accounts/user_form.html", {"form": form, "account": account})


@never_cache
@login_required
@require_POST
def user_reset(request, user_id, what):
    require(request.user, "accounts.manage")
    if what not in ("password", "second-factor"):
        raise Http404
    account = get_or_404(User.objects.all(), request.user, region_field="regions", pk=user_id)
    if what == "password":
        password = actions.reset_password(request.user, account)
        return render(
            request, "accounts/one_time_password.html", {"account": account, "password": password}
        )
    actions.reset_second_factor(request.user, account)
    messages.success(
        request, _("The authenticator has been reset; it is set up again at the next sign-in.")
    )
    return redirect("accounts:users")
