"""Writing a story and its photos, and deleting them."""

from ..content import search, uploads
from ..extensions import db
from ..models import Generation, Photo, Story, Submission
from ..safety import decisions


class AlreadySaved(Exception):
    """This new-story form was saved before (a double-click, a resent form)."""


def save_story(maker, story, text, action="save", *, photo=None, photo_alt="", once=None,
               published_at=None):
    """Write a story in one transaction: its text cleaned (Story.set_text),
    published or unpublished as `action` says, indexed, fingerprinted and
    looked at by the spam rules, with a new photo's row (`photo`, a stored
    image) if there is one.

    `once` is (key, url_of): a new story's form key, recorded with the
    address url_of(story) gives, so the same form never makes two stories
    (AlreadySaved when the key was used)."""
    with db.atomic():
        if once and Submission.url_for(once[0]):
            raise AlreadySaved(once[0])
        new = story is None
        story = story or Story(maker=maker)
        story.set_text(**text)
        if action == "publish":
            story.publish()
        elif action == "unpublish":
            story.unpublish()
        if published_at is not None:
            story.published_at = story.updated_at = published_at
        story.save(only=None if new else Story.EDITOR_COLUMNS)
        Generation.changed(story.maker_id)
        search.index_story(story)
        decisions.check_written(maker, story)
        if once:
            Submission.create(key=once[0], url=once[1](story))
        if photo is not None:
            add_photo(story, photo, photo_alt)
    return story


def add_photo(story, stored, alt):
    """A row for a stored image, after the story's other photos."""
    with db.atomic():
        Generation.changed(story.maker_id)
        return Photo.create(
            story=story, name=stored.name, alt=alt, position=Photo.next_position(story),
            width=stored.width, height=stored.height, author=stored.author,
            copyright=stored.copyright,
        )


def describe_photo(photo, alt):
    """Change a photo's description (its alt text)."""
    photo.alt = alt
    with db.atomic():
        photo.save(only=("alt",))
        Generation.changed(photo.story.maker_id)


def move_photo(photo, step):
    """Move a photo one place earlier (-1) or later (+1); the first is the cover."""
    with db.atomic():
        Generation.changed(photo.story.maker_id)
        return photo.move(step)


def delete_photo(photo):
    """Remove a photo's row, then its files."""
    with db.atomic():
        Generation.changed(photo.story.maker_id)
        photo.delete_instance()
    uploads.remove(photo.name)


def delete_story(story):
    """Delete a story and its photos for good, and take it out of the index."""
    with db.atomic():
        names = [photo.name for photo in Photo.select(Photo.name).where(Photo.story == story)]
        Photo.delete().where(Photo.story == story).execute()
        search.remove_story(story.id)
        story.delete_instance()
        Generation.changed(story.maker_id)
    uploads.remove(*names)
