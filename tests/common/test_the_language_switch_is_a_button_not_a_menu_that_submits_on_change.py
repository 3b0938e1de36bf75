"""The language menu submitted itself on change: an arrow key on it reloaded the page in the
other language. The switch is now a button the user presses, and no inline handler."""

import pytest

from .language_form import language_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language, other", [("id", "en"), ("en", "id")])
def test_the_switch_is_one_button_naming_the_other_language(client, reference, language, other):
    client.cookies["django_language"] = language
    html = client.get("/lapor/").content.decode()
    form = language_form(html)
    assert form.selects == []
    assert [(b.get("type"), b.get("name"), b.get("value")) for b in form.buttons] == [
        ("submit", "language", other)
    ]
    assert "onchange" not in html
