from django.conf import settings
from django.core.management import call_command

from netra.reports import identity, vault
from netra.reports.models import Submission

from .helpers import REPORTER_NAME, file_report


def test_rotation_re_encrypts_identities_under_a_new_key(client, tmp_path):
    original = settings.NETRA_VAULT_KEY_FILE
    settings.NETRA_VAULT_KEY_FILE = vault.create_key_file(tmp_path / "vault.key")
    identity.reload_keys()
    try:
        file_report(client)
        before = Submission.objects.get().identity_sealed
        call_command("rotate_vault_key", stdout=open("/dev/null", "w"))
        submission = Submission.objects.get()
        assert submission.identity_sealed.split(".")[0] != before.split(".")[0]
        assert identity.open_identity(submission)["name"] == REPORTER_NAME
        lines = [line for line in settings.NETRA_VAULT_KEY_FILE.read_text().splitlines() if line]
        assert len(lines) == 2  # the new key and the hmac line; the old key is gone
    finally:
        settings.NETRA_VAULT_KEY_FILE = original
        identity.keys.cache_clear()
