"""The data model. Import models from here: `from directory.models import Maker`."""

from .base import BaseModel, load_backrefs, utcnow
from .makers import Link, Maker, MakerCraft, normalise_email
from .stories import Photo, Story

MODELS = [Maker, MakerCraft, Link, Story, Photo]

__all__ = [
    "MODELS", "BaseModel", "Link", "Maker", "MakerCraft", "Photo", "Story", "load_backrefs",
    "normalise_email", "utcnow",
]
