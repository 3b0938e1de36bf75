"""What holds while a PDF renders (issue 11, finding 12): a PDF takes about a second, and a
transaction open meanwhile, once it has written an audit entry, holds the single audit head
row that every audited write needs."""

import threading

import pytest
from django.db import connection, transaction


def audited_write_elsewhere():
    """An audited write from another connection, as another request would make it; what
    happened to it: {"ok": True} or the error's name. On PostgreSQL it waits 2 s at most for a
    lock; on SQLite a write lock held elsewhere fails it at once or after the busy timeout."""
    from netra.audit.log import record

    outcome = {}

    def write():
        try:
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute("SET LOCAL lock_timeout = '2s'")
                record(None, "test.write_while_a_pdf_renders")
            outcome["ok"] = True
        except Exception as error:  # the test reports what it was
            outcome["error"] = type(error).__name__
        finally:
            connection.close()

    thread = threading.Thread(target=write)
    thread.start()
    thread.join(60)
    return outcome


@pytest.fixture
def while_rendering(monkeypatch, real_pdf):
    """For each PDF rendered: whether a transaction was open, and how an audited write from
    elsewhere fared meanwhile."""
    import weasyprint

    seen = []
    write_pdf = weasyprint.HTML.write_pdf

    def spy(self, *args, **kwargs):
        seen.append(
            {
                "in_transaction": connection.in_atomic_block,
                "write_elsewhere": audited_write_elsewhere(),
            }
        )
        return write_pdf(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", spy)
    return seen


@pytest.fixture
def failing_renderer(monkeypatch, real_pdf):
    """WeasyPrint failing on the next PDF (a font library crash, say)."""
    import weasyprint

    def fail(self, *args, **kwargs):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", fail)
