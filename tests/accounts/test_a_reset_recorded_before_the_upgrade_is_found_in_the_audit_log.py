import importlib

from django.apps import apps

from netra.audit.log import record

MIGRATION = importlib.import_module(
    "netra.accounts.migrations.0005_enrolment_links_deactivation_and_second_factor_resets"
)


def test_the_upgrade_dates_an_earlier_reset_from_its_audit_entry(admin, make_user):
    reset = make_user("rina", "auditor", ["35"], totp=False)
    never = make_user("nina", "auditor", ["35"], totp=False)
    entry = record(admin, "account.second_factor_reset", reset)
    MIGRATION.resets_from_the_audit_log(apps, None)
    reset.refresh_from_db()
    never.refresh_from_db()
    assert reset.second_factor_reset_at == entry.at
    assert never.second_factor_reset_at is None
