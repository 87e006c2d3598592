"""The data, its query helpers, and who may see it (each model's `visible_to`).

Import models from here: `from directory.models import Maker`.
May import: content, extensions. Never the web layer, a blueprint or safety.
"""

from .base import BaseModel, Moderated, load_backrefs, utcnow
from .events import Event
from .generations import Generation
from .kind_words import CodeBatch, CustomerCode, KindWord
from .link_checks import LinkCheck
from .makers import Link, Maker, MakerCraft, normalise_email
from .moderation import (
    ModerationAction,
    Report,
    Review,
    SpamLabel,
    TextBand,
    TextPrint,
    subject_item,
    subject_key,
)
from .stories import Photo, Story
from .submissions import Submission

MODELS = [Maker, MakerCraft, Link, Story, Photo, Review, Report, ModerationAction, TextPrint,
          TextBand, Submission, LinkCheck, CodeBatch, CustomerCode, KindWord, Event, Generation,
          SpamLabel]

__all__ = [
    "MODELS", "BaseModel", "CodeBatch", "CustomerCode", "Event", "Generation", "KindWord",
    "Link", "LinkCheck", "Maker", "MakerCraft", "ModerationAction",
    "Moderated", "Photo", "Report", "Review", "SpamLabel", "Story", "Submission", "TextBand",
    "TextPrint", "load_backrefs", "normalise_email", "subject_item", "subject_key", "utcnow",
]
