"""What moderators look at: a profile, a story or a kind word, with everything around it.

Loading a page of the queue takes a fixed number of queries, however many
reports, makers and stories it holds.
"""

from dataclasses import dataclass, field

from flask import abort
from peewee import fn

from ..forms import ActionForm
from ..models import (
    KindWord,
    Link,
    Maker,
    ModerationAction,
    Report,
    Review,
    Story,
    load_backrefs,
    subject_item,
    subject_key,
)
from ..safety.decisions import MODERATOR_ACTIONS, available_actions


@dataclass
class Subject:
    """A profile (story and kind_word None), a story or a kind word, its open
    review and its reports."""

    maker: Maker
    story: Story | None = None
    kind_word: KindWord | None = None
    review: Review | None = None
    reports: list = field(default_factory=list)
    history: dict = field(default_factory=dict)  # {action: times} on the maker's content
    story_count: int = 0
    last_action: ModerationAction | None = None
    form: ActionForm | None = None
    outcome: str = ""

    @property
    def item(self):
        return subject_item(self.maker, self.story, self.kind_word)

    @property
    def key(self):
        return subject_key(self.maker, self.story, self.kind_word)

    @property
    def kind(self):
        if self.kind_word is not None:
            return "kind word"
        return "story" if self.story is not None else "profile"

    @property
    def actions(self):
        return [(name, MODERATOR_ACTIONS[name].button)
                for name in available_actions(self.maker, self.story, self.review,
                                              self.kind_word)]

    @property
    def dom_id(self):
        return "subject-" + self.key.replace(":", "-")


def story_subject(story_id):
    story = Story.get_or_none(Story.id == story_id)
    if story is None:
        abort(404)
    return load([Subject(maker=story.maker, story=story)])[0]


def kind_word_subject(kind_word_id):
    kind_word = KindWord.get_or_none(KindWord.id == kind_word_id)
    if kind_word is None:
        abort(404)
    return load([Subject(maker=kind_word.maker, kind_word=kind_word)])[0]


def maker_subject(maker_id):
    maker = Maker.get_or_none(Maker.id == maker_id)
    if maker is None:
        abort(404)
    return load([Subject(maker=maker)])[0]


def from_reviews(page):
    """Subjects for a page of open reviews, loaded in a fixed number of queries."""
    maker_ids = {review.maker_id for review in page}
    story_ids = {review.story_id for review in page if review.story_id}
    makers = {maker.id: maker for maker in Maker.select().where(Maker.id.in_(maker_ids))}
    stories = {story.id: story
               for story in Story.with_photos(Story.select().where(Story.id.in_(story_ids)))}
    kind_word_ids = {review.kind_word_id for review in page if review.kind_word_id}
    kind_words = {kind_word.id: kind_word for kind_word in
                  KindWord.select().where(KindWord.id.in_(kind_word_ids))}
    subjects = [
        Subject(maker=makers[review.maker_id], story=stories.get(review.story_id),
                kind_word=kind_words.get(review.kind_word_id), review=review)
        for review in page
    ]
    return load(subjects, reviews_known=True)


def load(subjects, reviews_known=False):
    """Fill in reviews, reports, the makers' history and the last log rows."""
    keys = [subject.key for subject in subjects]
    if not reviews_known:
        open_reviews = {review.subject: review for review in Review.select().where(
            Review.subject.in_(keys) & Review.closed_at.is_null())}
        for subject in subjects:
            subject.review = open_reviews.get(subject.key)
    review_ids = [subject.review.id for subject in subjects if subject.review]
    by_review = {}
    for report in Report.select().where(Report.review.in_(review_ids)).order_by(Report.id):
        by_review.setdefault(report.review_id, []).append(report)
    makers = list({subject.maker.id: subject.maker for subject in subjects}.values())
    load_backrefs(makers, Link.maker)  # a profile shows its listed links
    maker_ids = [maker.id for maker in makers]
    history, story_counts = maker_history(maker_ids)
    last = ModerationAction.latest_for(keys)
    for subject in subjects:
        subject.reports = by_review.get(subject.review.id, []) if subject.review else []
        subject.history = history.get(subject.maker.id, {})
        subject.story_count = story_counts.get(subject.maker.id, 0)
        subject.last_action = last.get(subject.key)
        subject.form = subject.form or ActionForm(formdata=None)
    return subjects


def maker_history(maker_ids):
    """({maker: {action: times}}, {maker: published stories}) in two queries."""
    history = {}
    rows = (ModerationAction.select(ModerationAction.maker, ModerationAction.action,
                                    fn.COUNT(ModerationAction.id).alias("n"))
            .where(ModerationAction.maker.in_(maker_ids))
            .group_by(ModerationAction.maker, ModerationAction.action).tuples())
    for maker_id, action, count in rows:
        history.setdefault(maker_id, {})[action] = count
    counts = dict(Story.select(Story.maker, fn.COUNT(Story.id))
                  .where(Story.maker.in_(maker_ids) & (Story.status == Story.PUBLISHED))
                  .group_by(Story.maker).tuples())
    return history, counts
