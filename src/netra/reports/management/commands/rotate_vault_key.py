from django.conf import settings
from django.core.management.base import BaseCommand

from netra.reports import identity, vault
from netra.reports.actions import reseal_all_identities


class Command(BaseCommand):
    help = (
        "Put a new key at the head of the vault key file, re-encrypt every reporter "
        "identity with it, then remove the old keys. Stop the app and worker processes "
        "first, or restart them afterwards, so that none keeps the old keys in memory."
    )

    def handle(self, *args, **options):
        path = settings.NETRA_VAULT_KEY_FILE
        vault.add_new_active_key(path)
        identity.reload_keys()
        count = reseal_all_identities()
        # Only after every identity is sealed with the new key may the old ones go.
        vault.drop_keys_except_active(path)
        identity.reload_keys()
        self.stdout.write(f"{count} identities re-encrypted with key {identity.keys().active_id}.")
