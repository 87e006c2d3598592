"""Writing a maker's account and profile, and deleting it with all it holds."""

from ..content import search, uploads
from ..content.text import slugify
from ..extensions import db
from ..models import Generation, Maker, ModerationAction, Photo, Story, utcnow
from ..safety import decisions


def save_profile(maker, crafts=None):
    """Save a new or changed profile (and its crafts, when given) in one
    transaction: a new maker gets a free profile address, the profile is
    indexed for search and fingerprinted, and the spam rules look at it.
    The about text is cleaned on the model (Maker.set_about)."""
    maker.updated_at = utcnow()
    with db.atomic():
        if not maker.slug:
            maker.slug = Maker.unique_slug(slugify(maker.display_name))
        maker.save(only=None if maker.id is None else Maker.PROFILE_COLUMNS)
        if crafts is not None:
            maker.set_crafts(crafts)
        Generation.changed(maker.id)
        search.index_maker(maker)
        decisions.check_written(maker)
    return maker


def set_profile_photos(maker, names):
    """Set or clear the portrait and the cover: `names` maps "avatar" or
    "cover" to a stored image's name, or None to remove it. The files of the
    photos replaced go once the row is saved; the new files go if it is not."""
    replaced = [getattr(maker, column) for column in names if getattr(maker, column)]
    for column, name in names.items():
        setattr(maker, column, name)
    try:
        with db.atomic():
            maker.save(only=tuple(names))  # nothing a moderator may have changed
            Generation.changed(maker.id)
    except Exception:
        uploads.remove(*(name for name in names.values() if name))
        raise
    uploads.remove(*replaced)


def delete_account(maker):
    """Delete an account and everything in it, photos included: its stories,
    links, kind words, customer codes and events go with the maker's row (their
    foreign keys cascade). The moderation log keeps its rows, with the maker's
    name and titles replaced."""
    with db.atomic():
        names = [name for name in (maker.avatar, maker.cover) if name]
        names += [photo.name for photo in Photo.select(Photo.name).join(Story)
                  .where(Story.maker == maker)]
        story_ids = [row[0] for row in
                     Story.select(Story.id).where(Story.maker == maker).tuples()]
        ModerationAction.forget_maker(maker)
        search.remove_maker(maker.id, story_ids)
        maker.delete_instance(recursive=False)
        Generation.changed(maker.id)
    uploads.remove(*names)
