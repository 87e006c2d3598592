"""The data model. Import models from here: `from directory.models import Maker`."""

from .base import BaseModel, load_backrefs, utcnow
from .makers import Link, Maker, MakerCraft, normalise_email

MODELS = [Maker, MakerCraft, Link]

__all__ = [
    "MODELS", "BaseModel", "Link", "Maker", "MakerCraft", "load_backrefs", "normalise_email",
    "utcnow",
]
