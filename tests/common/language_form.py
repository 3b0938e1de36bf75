"""The fields of the page's language switch, as the browser would send them."""

from html.parser import HTMLParser


class _LanguageForm(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside = False
        self.action = None
        self.fields = {}
        self.buttons = []
        self.selects = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "lang" in (attrs.get("class") or "").split():
            self.inside, self.action = True, attrs["action"]
        elif self.inside and tag == "input" and attrs.get("type") == "hidden":
            self.fields[attrs["name"]] = attrs.get("value") or ""
        elif self.inside and tag == "button":
            self.buttons.append(attrs)
        elif self.inside and tag == "select":
            self.selects.append(attrs)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def language_form(html):
    parser = _LanguageForm()
    parser.feed(html)
    assert parser.action, "the page has no language switch"
    return parser
