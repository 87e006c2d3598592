"""Markdown from makers becomes HTML that cannot run script or trigger htmx."""

from urllib.parse import urlsplit

import pytest

from directory.content.sanitise import clean_html, render_markdown
from directory.content.text import without_links
from tests.html import Elements

SAFE_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre",
             "h2", "h3", "h4", "hr"}
SAFE_SCHEMES = {"", "http", "https", "mailto"}


def assert_harmless(html):
    """No dangerous element, no event handler or htmx attribute, no unsafe link."""
    lowered = html.lower()
    assert "<script" not in lowered
    assert "<iframe" not in lowered
    assert "<style" not in lowered
    assert "<svg" not in lowered
    assert "<img" not in lowered
    for tag, attrs in Elements(html).found:
        assert tag in SAFE_TAGS, tag
        for name in attrs:
            assert not name.startswith(("on", "hx-", "data-hx")), (tag, name)
        href = attrs.get("href")
        if href is not None:
            scheme = urlsplit(href.strip()).scheme.lower()
            assert scheme in SAFE_SCHEMES, href
            assert "javascript:" not in href.lower().replace("\t", "").replace(" ", "")


XSS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<svg onload="alert(1)">',
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](vbscript:msgbox(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    "<style>body { display: none }</style>",
    '<div hx-get="/account" hx-trigger="load">x</div>',
    '<button hx-post="/logout" hx-trigger="load">x</button>',
    '<a href="https://a.example" onclick="alert(1)">x</a>',
    "![x](https://evil.example/pixel.gif)",
    '[x](https://a.example "title" onmouseover=alert(1))',
    "<details open ontoggle=alert(1)>",
    "**<script>alert(1)</script>**",
    "- <img src=x onerror=alert(1)>",
]


@pytest.mark.parametrize("text", XSS)
def test_markdown_never_produces_script_or_htmx(text):
    assert_harmless(render_markdown(text))


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)></svg>",
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="data:text/html,hi">x</a>',
        '<iframe src="https://evil.example"></iframe>',
        "<style>body{}</style>",
        '<div hx-get="/account">x</div>',
        '<a href="https://a.example" onclick="alert(1)" hx-post="/logout">x</a>',
        "<!-- <script>alert(1)</script> -->",
    ],
)
def test_cleaner_strips_raw_html_even_if_the_renderer_let_it_through(html):
    """bleach is the second wall: raw HTML straight into it comes out harmless."""
    cleaned = clean_html(html)
    assert_harmless(cleaned)
    assert "hx-" not in cleaned
    assert "onclick" not in cleaned
    assert "onerror" not in cleaned


def test_link_with_event_handler_keeps_only_the_safe_parts():
    cleaned = clean_html('<a href="https://a.example" onclick="alert(1)">x</a>')
    assert cleaned == '<a href="https://a.example" rel="nofollow ugc noopener">x</a>'


def test_bold_and_italic_survive():
    html = render_markdown("**bold** and *italic*")
    assert "<strong>bold</strong>" in html
    assert "<em>italic</em>" in html


def test_link_survives_with_nofollow():
    html = render_markdown("[my shop](https://a.example)")
    assert '<a href="https://a.example" rel="nofollow ugc noopener">my shop</a>' in html


def test_lists_survive():
    html = render_markdown("- mugs\n- bowls\n\n1. throw\n2. fire\n")
    assert "<ul>" in html and "<ol>" in html
    assert "<li>mugs</li>" in html
    assert "<li>fire</li>" in html


def test_mailto_link_survives():
    html = render_markdown("[write to me](mailto:ada@example.com)")
    assert 'href="mailto:ada@example.com"' in html
    assert 'rel="nofollow ugc noopener"' in html


def test_headings_and_quotes_survive():
    html = render_markdown("## Studio\n\n> Made by hand\n")
    assert "<h2>Studio</h2>" in html
    assert "<blockquote>" in html


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("Visit https://example.com/shop today", "https://example.com/shop"),
        ("Or www.example.org", "http://www.example.org"),
    ],
)
def test_bare_urls_are_linkified_with_nofollow(text, href):
    html = render_markdown(text)
    assert f'<a href="{href}" rel="nofollow ugc noopener">' in html


def test_markdown_links_with_a_rel_of_their_own_get_ours():
    html = clean_html('<a href="https://a.example" rel="me">x</a>')
    assert 'rel="nofollow ugc noopener"' in html
    assert 'rel="me"' not in html


@pytest.mark.parametrize("text", ["", None])
def test_empty_about_renders_empty(text):
    assert render_markdown(text) == ""


@pytest.mark.parametrize(("text", "shown"), [
    ("Buy at https://spam.example/(cheap)shop.example now", "Buy at [link] now"),
    ("www.spam.example/a\"b'c<d>e and more", "[link] and more"),
    ("No address here", "No address here"),
])
def test_the_log_blanks_each_whole_web_address(text, shown):
    assert without_links(text) == shown
