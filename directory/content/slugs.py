"""Profile addresses (/makers/<slug>) that a maker may not take."""

RESERVED = frozenset(
    """
    about account accounts admin administrator api app assets auth crafts
    delete edit export feed feeds healthz help login logout makers me
    moderation moderator new places privacy robots search settings signup
    sitemap static stories support terms www
    """.split()
)


def is_reserved(slug):
    """True for words the site uses, or may use, for its own pages."""
    return slug in RESERVED
