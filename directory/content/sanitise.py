"""Markdown in, safe HTML out. Every call to bleach lives in this module.

Markdown is rendered by markdown-it-py's "js-default" preset (raw HTML is
escaped, unsafe URL schemes refused), then cleaned by bleach with an
allow-list, so no script, event handler or htmx attribute survives even if
the renderer let one through. Links get rel="nofollow ugc noopener".
"""

import html as html_lib
from functools import partial

import bleach
from bleach.linkifier import LinkifyFilter
from markdown_it import MarkdownIt

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre",
     "h2", "h3", "h4", "hr"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"

_markdown = MarkdownIt("js-default")


def _set_rel(attrs, new=False):
    """bleach linkify callback: every link is the user's, not ours."""
    attrs[(None, "rel")] = LINK_REL
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_set_rel], parse_email=False)],
)


def clean_html(html):
    """Strip everything outside the allow-list from HTML."""
    return _cleaner.clean(html)


def render_markdown(text):
    """Markdown text -> sanitised HTML, ready to store beside the source."""
    return clean_html(_markdown.render(text or ""))


def plain_text(html):
    """The text of some HTML with every tag removed (for summaries and feeds).

    The result is plain text, not HTML: templates escape it when they print it.
    """
    return html_lib.unescape(bleach.clean(html or "", tags=set(), strip=True))
