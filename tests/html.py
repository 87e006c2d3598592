"""Reading HTML in tests: the elements a page really contains."""

from html.parser import HTMLParser


class Elements(HTMLParser):
    """Every start tag of a piece of HTML, with its attributes, in `found`."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag
