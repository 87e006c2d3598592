"""Derived data computed again from the content: after a schema upgrade, or to repair."""

from ..content import search
from ..models import Maker, Story
from ..safety import fingerprints


def rebuild_derived_data():
    """The search index and the text fingerprints, from every profile and story."""
    search.rebuild(Maker.with_crafts(Maker.select()), Story.select())
    fingerprints.rebuild()
