"""A flag made into a finding renders its snapshot PDF before the transaction opens, so that
no audited write elsewhere waits for it (issue 11, finding 12)."""

import pytest

from netra.cases.models import Case
from netra.monitoring import actions
from netra.monitoring.inputs import Item
from netra.monitoring.models import Flag, Source

from ..letter_rendering import while_rendering  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_snapshot_of_a_finding_renders_outside_any_transaction(
    client_for,
    alice,
    region,
    while_rendering,  # noqa: F811
):
    source = Source.objects.create(name="Patroli", kind="file", region=region("35.09"))
    actions.ingest(
        source,
        [
            Item(
                "1",
                "Patroli",
                "https://x.test/1",
                "@guru",
                None,
                "Foto bareng Pak Bambang pose dua jari, coblos nomor 2!",
            )
        ],
    )
    flag = Flag.objects.get()

    response = client_for(alice).post(
        f"/pemantauan/tanda/{flag.pk}/temuan/", {"election": "pilkada-2024"}
    )

    assert response.status_code == 302
    assert while_rendering == [{"in_transaction": False, "write_elsewhere": {"ok": True}}]
    assert Case.objects.get().attachments.get().content_type == "application/pdf"
