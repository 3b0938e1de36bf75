import pytest


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Every report test needs the regions and elections; the pure-core tests need nothing."""
    if request.module.__name__.split(".")[-1] in (
        "test_identity_vault",
        "test_receipt_codes",
        "test_evidence_is_sniffed_and_cleaned",
    ):
        return
    request.getfixturevalue("reference")
