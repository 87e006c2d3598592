"""Demo content for `seed-demo`: makers with links, stories with drawn photos.

The photos are drawn by the image door (soft shapes in a colour that fits
the story) and go through the same pipeline as any upload; makers and
stories go through the same write path as the site's own forms.
"""

import json
from datetime import timedelta
from pathlib import Path

from ..content import uploads
from ..content.images import sample_photo
from ..content.text import slugify
from ..models import Maker, utcnow
from ..writes.links import add_link
from ..writes.profiles import save_profile
from ..writes.stories import add_photo, save_story

CONTENT = Path(__file__).parent / "demo_content"


def load(name):
    """The demo content: makers.json (profiles and links) or stories.json."""
    return json.loads((CONTENT / f"{name}.json").read_text(encoding="utf-8"))


def create_maker(entry):
    """Create one demo maker with crafts and links from an entry of makers.json."""
    slug = Maker.unique_slug(slugify(entry["display_name"]))
    maker = Maker(
        email=f"{slug}@demo.example",
        display_name=entry["display_name"],
        slug=slug,
        tagline=entry["tagline"],
        commissions=entry["commissions"],
        created_at=utcnow() - timedelta(days=400),
        email_confirmed_at=utcnow() - timedelta(days=400),
    )
    maker.set_about(entry["about"])
    maker.set_place(entry["place"])
    maker.set_unusable_password()
    save_profile(maker, crafts=entry["crafts"])
    for kind, url, label in entry["links"]:
        add_link(maker, kind, url, label)
    return maker


def create_story(maker, entry):
    """Create one published demo story with its photos."""
    text = {"title": entry["title"], "body": entry["body"], "materials": entry["materials"],
            "process": entry["process"], "time_taken": entry["time_taken"]}
    story = save_story(maker, None, text, "publish",
                       published_at=utcnow() - timedelta(days=entry["days_ago"]))
    for position, photo in enumerate(entry["photos"], start=1):
        stored = uploads.save_upload_bytes(sample_photo(photo["hue"],
                                                        f"{entry['title']}{position}"))
        add_photo(story, stored, photo["alt"])
    return story


def seed(makers, stories):
    """Create the demo makers and stories not already there; returns (makers, stories) added."""
    added_makers = added_stories = 0
    by_name = {}
    for entry in makers:
        maker = Maker.get_or_none(Maker.display_name == entry["display_name"])
        if maker is None:
            maker = create_maker(entry)
            added_makers += 1
            by_name[maker.display_name] = maker
    for entry in stories:
        maker = by_name.get(entry["maker"])
        if maker is not None:  # only new demo makers get demo stories
            create_story(maker, entry)
            added_stories += 1
    return added_makers, added_stories
