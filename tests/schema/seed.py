"""Prepare the data directory the fuzzed server runs on (run as a program, before the server):
migrations, reference data, the small demo (cases in every state, flags, recommendations, so
that generated ids find real objects), an administrator, and a signed-in session per persona.

Prints one JSON object: {persona: session key}. Sessions are written straight into the session
store, as Django's test client does for force_login: signing in needs a second factor.
"""

import json
import sys

#: The personas the API is fuzzed as (usernames of the demo, plus `root`): one per role.
PERSONAS = {
    "admin": "root",
    "bawaslu_ri": "eko",
    "bawaslu_province": "dewi",
    "bawaslu_regency": "alice",
    "panwascam": "wulan",
    "bkpsdm": "fajar",
    "bkn": "gita",
    "ppk": "hadi",
    "auditor": "indah",
}


def main():
    from netra.cli import migrate_and_load, prepare_data_dir, setup_django

    prepare_data_dir()
    setup_django()
    migrate_and_load()

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from netra.accounts.models import User
    from netra.common import pdf
    from netra.demo import load_demo

    # The demo's letters need no real rendering to be fuzzed (WeasyPrint: a second each).
    pdf.render = lambda html: b"%PDF-1.7\n%%EOF\n"
    load_demo(employees=300, cases_per_state=2)
    User.objects.create_user("root", password="kata-sandi-uji-panjang", role="admin")
    User.objects.update(must_change_password=False, totp_confirmed_at=timezone.now())
    sessions = {}
    for persona, username in PERSONAS.items():
        user = User.objects.get(username=username)
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions[persona] = store.session_key
    print(json.dumps(sessions))


if __name__ == "__main__":
    sys.exit(main())
