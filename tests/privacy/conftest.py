import pytest


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Every privacy test needs the regions and elections but the periods' pure parser."""
    if request.module.__name__.endswith(
        "test_retention_periods_come_from_the_environment_with_a_clear_error"
    ):
        return
    request.getfixturevalue("reference")
