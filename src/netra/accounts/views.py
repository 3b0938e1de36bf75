import time

import segno
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from . import actions, secondfactor
from .access import get_or_404, require
from .forms import CodeForm, LoginForm, StaffUserForm
from .models import User
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


TOO_MANY = _lazy("Too many failed attempts. Please wait 15 minutes and try again.")


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


@login_required
def user_list(request):
    require(request.user, "accounts.manage")
    users = User.objects.prefetch_related("regions").order_by("username")
    return render(request, "accounts/user_list.html", {"users": users})


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
        "is_active": account.is_active,
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
            is_active=d["is_active"],
        )
        messages.success(request, _("The account has been saved."))
        return redirect("accounts:users")
    return render(request, "accounts/user_form.html", {"form": form, "account": account})


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
