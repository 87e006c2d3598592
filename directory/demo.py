"""Demo content for `seed-demo`: makers with links, stories with drawn photos.

The photos are drawn here (soft shapes in a colour that fits the story) and
go through the same image pipeline as any upload.
"""

import colorsys
import json
import random
from datetime import timedelta
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from . import media, reviews, search
from .models import Link, Maker, Photo, Story, utcnow
from .sanitise import render_markdown
from .text import slugify

PHOTO_SIZE = (960, 720)
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
        about_md=entry["about"],
        about_html=render_markdown(entry["about"]),
        commissions=entry["commissions"],
        created_at=utcnow() - timedelta(days=400),
        email_confirmed_at=utcnow() - timedelta(days=400),
    )
    maker.set_place(entry["place"])
    maker.set_unusable_password()
    maker.save()
    maker.set_crafts(entry["crafts"])
    for position, (kind, url, label) in enumerate(entry["links"], start=1):
        Link.create(maker=maker, kind=kind, url=url, label=label, position=position)
    search.index_maker(maker)
    reviews.content_saved(maker)
    return maker


def create_story(maker, entry):
    """Create one published demo story with its photos."""
    story = Story(maker=maker)
    story.set_text(entry["title"], entry["body"], entry["materials"], entry["process"],
                   entry["time_taken"])
    story.publish()
    story.published_at = story.updated_at = utcnow() - timedelta(days=entry["days_ago"])
    story.save()
    search.index_story(story)
    reviews.content_saved(maker, story)
    for position, photo in enumerate(entry["photos"], start=1):
        stored = media.save_upload_bytes(draw_photo(photo["hue"], f"{entry['title']}{position}"))
        Photo.create(story=story, name=stored.name, alt=photo["alt"], position=position,
                     width=stored.width, height=stored.height)
    return story


def rgb(hue, saturation, value):
    """An (r, g, b) colour from a hue in degrees and saturation/value in 0..1."""
    r, g, b = colorsys.hsv_to_rgb(hue / 360, saturation, value)
    return int(r * 255), int(g * 255), int(b * 255)


def draw_photo(hue, seed):
    """JPEG bytes of a soft, abstract "studio photo" in the given hue."""
    rng = random.Random(seed)  # noqa: S311 (pictures, not secrets)
    width, height = PHOTO_SIZE
    image = Image.new("RGB", PHOTO_SIZE, rgb(hue, 0.18, 0.93))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height * 0.62, width, height), fill=rgb(hue + 20, 0.25, 0.72))
    for _ in range(rng.randint(3, 6)):
        x = rng.uniform(0.1, 0.9) * width
        y = rng.uniform(0.45, 0.75) * height
        w = rng.uniform(0.12, 0.28) * width
        h = w * rng.uniform(0.5, 0.9)
        shade = rgb(hue + rng.uniform(-15, 15), rng.uniform(0.35, 0.7), rng.uniform(0.45, 0.85))
        draw.ellipse((x - w / 2, y - h / 2, x + w / 2, y + h / 2), fill=shade)
        draw.ellipse((x - w / 2.6, y - h / 2.2, x + w / 2.6, y - h / 6),
                     fill=rgb(hue, 0.2, 0.95))
    image = image.filter(ImageFilter.BoxBlur(2))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


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
