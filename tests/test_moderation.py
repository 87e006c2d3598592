"""Moderation: visitors' reports, the moderators' queue and actions, the public
log, and what a maker whose work was moderated is told."""

import re
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from peewee import chunked

from directory.content import search
from directory.extensions import db
from directory.models import Maker, ModerationAction, Report, Review, Story, utcnow
from directory.safety import reports
from tests.conftest import PASSWORD, hx
from tests.html import Elements

WORD = "zanzibarite"  # a word only Ada's tagline and story contain, for /search
STORY_TITLE = "Throwing a moon jar"
REASON = "Copied from another maker's shop"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
TOKEN_INPUT = re.compile(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"')
NOTICES = re.compile(r'<section class="flash flash-info notice".*?</section>', re.DOTALL)


# --- helpers -----------------------------------------------------------------


def login(client, email):
    response = client.post("/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 303, response.data
    return client


def add_story(app, maker, title=STORY_TITLE, body=f"Glazed with {WORD} ash.", published=True):
    """A story straight in the database, in the search index; its id."""
    with app.app_context(), db.connection_context():
        story = Story(maker=maker.id)
        story.set_text(title=title, body=body)
        if published:
            story.publish()
            story.published_at = utcnow() - timedelta(hours=1)
        story.save()
        search.index_story(story)
        return story.id


def index_maker(app, maker):
    with app.app_context(), db.connection_context():
        search.index_maker(Maker.get_by_id(maker.id))


def story_row(app, story_id):
    with app.app_context(), db.connection_context():
        return Story.get_by_id(story_id)


def maker_row(app, maker_id):
    with app.app_context(), db.connection_context():
        return Maker.get_by_id(maker_id)


def log_rows(app):
    """Every row of the moderation log, oldest first."""
    with app.app_context(), db.connection_context():
        return list(ModerationAction.select().order_by(ModerationAction.id))


def open_review(app, key):
    """The open review of a subject key ("story:3") and its reports, or (None, [])."""
    with app.app_context(), db.connection_context():
        review = Review.open_for(key)
        if review is None:
            return None, []
        return review, list(Report.select().where(Report.review == review))


def snapshot(app):
    """Everything moderation could change, as plain values."""
    with app.app_context(), db.connection_context():
        return (
            [(m.id, m.moderation, m.status, m.vouched_at)
             for m in Maker.select().order_by(Maker.id)],
            [(s.id, s.moderation, s.status) for s in Story.select().order_by(Story.id)],
            [(r.id, r.closed_at, r.reporters) for r in Review.select().order_by(Review.id)],
            [(r.id, r.reason, r.note) for r in Report.select().order_by(Report.id)],
            ModerationAction.select().count(),
        )


def report(client, url, reason="spam", note="", addr="10.0.0.1", **kwargs):
    """A visitor at `addr` sends the report form at url (…/report)."""
    data = {"note": note} if reason is None else {"reason": reason, "note": note}
    return client.post(url, data=data, environ_base={"REMOTE_ADDR": addr}, **kwargs)


def report_by(client, url, people, reason="spam"):
    """`people` different visitors report the item at url."""
    for n in range(1, people + 1):
        response = report(client, url, reason=reason, addr=f"10.0.0.{n}")
        assert response.status_code == 303


def action_url(kind, subject_id):
    return f"/moderation/{'stories' if kind == 'story' else 'makers'}/{subject_id}/actions"


def act(client, kind, subject_id, action, reason=REASON, **data):
    return client.post(action_url(kind, subject_id),
                       data={"action": action, "reason": reason, **data})


def links_to(client, url, path):
    """True when the page or feed at url (status 200) links to exactly `path`."""
    response = client.get(url)
    assert response.status_code == 200, url
    return re.search(re.escape(path) + r'["<]', response.get_data(as_text=True)) is not None


def story_places(maker):
    """Public pages and feeds that list a visible story of this maker."""
    return ["/", f"/search?q={WORD}", f"/makers/{maker.slug}", "/feeds/stories.atom",
            "/sitemap.xml"]


def subjects_on(response):
    """The ("story"|"maker", id) of each subject on a queue page, in order."""
    found = []
    for tag, attrs in Elements(response.get_data(as_text=True)).found:
        if tag == "article" and "review" in attrs.get("class", "").split():
            kind, _, subject_id = attrs["id"].removeprefix("subject-").partition("-")
            found.append((kind, int(subject_id)))
    return found


def more_link(response):
    """The href of the queue's "More items" link, or None."""
    hrefs = [attrs["href"] for tag, attrs in Elements(response.get_data(as_text=True)).found
             if tag == "a" and attrs.get("href", "").startswith("/moderation?after=")]
    assert len(hrefs) <= 1
    return hrefs[0] if hrefs else None


def notices_section(html):
    """The "Not shown to visitors" box of an account page, or ""."""
    found = NOTICES.search(html)
    return found.group(0) if found else ""


# --- fixtures ----------------------------------------------------------------


@pytest.fixture
def ada(app, make_maker):
    """A listed maker with a tagline and a craft, in the search index."""
    maker = make_maker("Ada Potter", crafts=["ceramics"], place="Bristol, UK",
                       tagline=f"Moon jars in {WORD} glazes")
    index_maker(app, maker)
    return maker


@pytest.fixture
def story(app, ada):
    """Ada's published story's id."""
    return add_story(app, ada)


@pytest.fixture
def moderator(make_maker):
    return make_maker("Mo Derator", role="moderator")


@pytest.fixture
def mod(client, moderator):
    """`client`, logged in as the moderator."""
    return login(client, moderator.email)


@pytest.fixture
def visitor(app):
    """An anonymous visitor's own client."""
    return app.test_client()


@dataclass
class Site:
    """Ada with one published story, a logged-in moderator and a visitor."""

    app: Flask
    ada: Maker
    story: int
    moderator: Maker
    mod: FlaskClient
    visitor: FlaskClient


@pytest.fixture
def site(app, ada, story, moderator, mod):
    return Site(app, ada, story, moderator, mod, app.test_client())


# --- who may moderate --------------------------------------------------------

# Every moderation route sends visitors to log in and refuses makers who are
# not moderators: tests/test_route_matrix.py, built from the URL map.


def test_a_suspended_moderator_is_refused(client, app, moderator):
    """The guard also checks the moderator's own account."""
    with app.app_context(), db.connection_context():
        Maker.update(status=Maker.STATUS_SUSPENDED).where(Maker.id == moderator.id).execute()
    login(client, moderator.email)
    assert client.get("/moderation").status_code == 403


def test_the_log_is_public_and_shows_no_email(site):
    """Anyone may read the log; it never shows a maker's or a moderator's email."""
    assert act(site.mod, "story", site.story, "hide").status_code == 303
    assert act(site.mod, "maker", site.ada.id, "suspend").status_code == 303
    response = site.visitor.get("/moderation/log")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert STORY_TITLE in html and "Mo Derator" in html and "Ada Potter" in html
    assert site.ada.email not in html and site.moderator.email not in html
    assert EMAIL.search(html) is None


# --- reports -----------------------------------------------------------------


def test_a_report_opens_a_review(visitor, app, story):
    response = report(visitor, f"/stories/{story}/report", reason="spam", note="Just ads")
    assert response.status_code == 303
    assert response.headers["Location"] == f"/stories/{story}"
    review, reports = open_review(app, f"story:{story}")
    assert review is not None and review.reporters == 1
    assert [(r.reason, r.note) for r in reports] == [("spam", "Just ads")]
    assert story_row(app, story).moderation == "visible"


def test_the_same_visitor_reporting_again_is_merged(visitor, app, story):
    """One address, two reports: one report, one reporter, the latest reason and note."""
    url = f"/stories/{story}/report"
    report(visitor, url, reason="spam", note="Ads", addr="10.0.0.7")
    response = report(visitor, url, reason="stolen", note="Copied photos", addr="10.0.0.7",
                      follow_redirects=True)
    assert b"Your report is updated." in response.data
    review, reports = open_review(app, f"story:{story}")
    assert review.reporters == 1
    assert [(r.reason, r.note) for r in reports] == [("stolen", "Copied photos")]


def test_reports_from_three_people_hide_a_story(visitor, app, ada, story):
    """It leaves every public page and feed, and the log gets one community row."""
    places = story_places(ada)
    assert all(links_to(visitor, url, f"/stories/{story}") for url in places)
    report_by(visitor, f"/stories/{story}/report", 2)
    response = report(visitor, f"/stories/{story}/report", addr="10.0.0.3")
    assert response.status_code == 303
    assert response.headers["Location"] == "/"  # not back to a page that is gone
    assert story_row(app, story).moderation == "hidden"
    assert visitor.get(f"/stories/{story}").status_code == 404
    for url in places:
        assert not links_to(visitor, url, f"/stories/{story}"), url
    rows = log_rows(app)
    assert [(r.action, r.moderator_name, r.moderator_id, r.subject) for r in rows] == [
        ("hide", "Community reports", None, f"story:{story}")]
    assert open_review(app, f"story:{story}")[0].reporters == 3


def test_reports_from_two_people_do_not_hide(visitor, app, story):
    report_by(visitor, f"/stories/{story}/report", 2)
    assert story_row(app, story).moderation == "visible"
    assert visitor.get(f"/stories/{story}").status_code == 200
    assert log_rows(app) == []
    assert open_review(app, f"story:{story}")[0].reporters == 2


def test_one_visitor_cannot_hide_a_story_alone(visitor, app, story):
    """Three reports from one address are one reporter."""
    for reason in ("spam", "fake", "other"):
        report(visitor, f"/stories/{story}/report", reason=reason, addr="10.0.0.9")
    assert story_row(app, story).moderation == "visible"
    assert open_review(app, f"story:{story}")[0].reporters == 1


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("url", ["/stories/999/report", "/makers/nobody-here/report"])
def test_reporting_something_that_does_not_exist_is_404(visitor, app, story, url, method):
    response = visitor.open(url, method=method, data={"reason": "spam"})
    assert response.status_code == 404
    assert snapshot(app)[3] == []


def test_reporting_a_hidden_story_is_404(visitor, app, story):
    report_by(visitor, f"/stories/{story}/report", 3)
    before = snapshot(app)
    response = report(visitor, f"/stories/{story}/report", addr="10.0.0.50")
    assert response.status_code == 404
    assert snapshot(app) == before


def test_reporting_a_draft_is_404(visitor, app, ada):
    draft = add_story(app, ada, title="Not ready", published=False)
    assert report(visitor, f"/stories/{draft}/report").status_code == 404


def test_the_report_form_page_is_shown(visitor, story):
    response = visitor.get(f"/stories/{story}/report")
    assert response.status_code == 200
    assert b"Report a story" in response.data
    assert STORY_TITLE.encode() in response.data


def test_a_report_with_htmx_gets_the_thanks_fragment(visitor, app, story):
    response = hx(visitor, "post", f"/stories/{story}/report", data={"reason": "fake"},
                  environ_base={"REMOTE_ADDR": "10.0.0.1"})
    assert response.status_code == 200
    assert b'id="report-form"' in response.data
    assert b"Thank you for telling us. A moderator will look at it." in response.data
    assert b"<form" not in response.data
    assert len(open_review(app, f"story:{story}")[1]) == 1


def test_a_report_without_htmx_redirects_with_a_message(visitor, story):
    response = report(visitor, f"/stories/{story}/report")
    assert response.status_code == 303
    page = visitor.get(response.headers["Location"])
    assert b"Thank you for telling us." in page.data


def test_a_report_without_a_reason_is_refused(visitor, app, story):
    response = report(visitor, f"/stories/{story}/report", reason=None, note="Hmm")
    assert response.status_code == 422
    assert b"Choose what is wrong." in response.data
    assert snapshot(app)[2:4] == ([], [])


def test_a_report_with_an_unknown_reason_is_refused(visitor, app, story):
    response = report(visitor, f"/stories/{story}/report", reason="boring")
    assert response.status_code == 422
    assert snapshot(app)[3] == []


@pytest.mark.parametrize("what", ["story", "profile"])
def test_makers_cannot_report_their_own_work(client, app, ada, story, what):
    login(client, ada.email)
    url = f"/stories/{story}/report" if what == "story" else f"/makers/{ada.slug}/report"
    response = client.post(url, data={"reason": "spam"})
    assert response.status_code == 422
    assert b"This is your own: you cannot report it." in response.data
    assert snapshot(app)[2:4] == ([], [])


def test_a_logged_in_maker_reports_as_one_person_from_anywhere(client, app, make_maker, story):
    """A maker's reports merge whatever address they come from."""
    bob = make_maker("Bob Turner")
    login(client, bob.email)
    for n in range(1, 4):
        report(client, f"/stories/{story}/report", addr=f"10.0.1.{n}")
    assert open_review(app, f"story:{story}")[0].reporters == 1
    assert story_row(app, story).moderation == "visible"


def test_profile_reports_merge_and_hide_at_the_threshold(visitor, app, ada, story):
    """Profiles work as stories do; a hidden profile takes its stories with it."""
    url = f"/makers/{ada.slug}/report"
    assert links_to(visitor, "/makers", f"/makers/{ada.slug}")
    report(visitor, url, reason="fake", addr="10.0.0.1")
    report(visitor, url, reason="spam", note="Shop spam", addr="10.0.0.1")
    review, reports = open_review(app, f"maker:{ada.id}")
    assert review.reporters == 1
    assert [(r.reason, r.note) for r in reports] == [("spam", "Shop spam")]
    report(visitor, url, addr="10.0.0.2")
    assert maker_row(app, ada.id).moderation == "visible"
    report(visitor, url, addr="10.0.0.3")
    assert maker_row(app, ada.id).moderation == "hidden"
    assert visitor.get(f"/makers/{ada.slug}").status_code == 404
    assert visitor.get(f"/stories/{story}").status_code == 404
    assert not links_to(visitor, "/makers", f"/makers/{ada.slug}")
    rows = log_rows(app)
    assert [(r.action, r.moderator_name, r.subject, r.subject_label) for r in rows] == [
        ("hide", "Community reports", f"maker:{ada.id}", "Ada Potter")]
    assert report(visitor, url, addr="10.0.0.4").status_code == 404


# --- actions and their reversals ---------------------------------------------


def subject_of(site, kind):
    """(id, subject key, log label, public URL) of Ada's story or profile."""
    if kind == "story":
        return site.story, f"story:{site.story}", STORY_TITLE, f"/stories/{site.story}"
    return site.ada.id, f"maker:{site.ada.id}", "Ada Potter", f"/makers/{site.ada.slug}"


def item_state(site, kind):
    subject_id = subject_of(site, kind)[0]
    row = story_row(site.app, subject_id) if kind == "story" else maker_row(site.app, subject_id)
    return row.moderation


def new_rows(app, before):
    """What each log row after the first `before` says:
    (action, subject, label, moderator id, moderator name, reason)."""
    return [(r.action, r.subject, r.subject_label, r.moderator_id, r.moderator_name, r.reason)
            for r in log_rows(app)[before:]]


def by_moderator(site, action, key, label, reason=REASON):
    """The log row a moderator's action should write."""
    return (action, key, label, site.moderator.id, "Mo Derator", reason)


STATES = {"hide": "hidden", "remove": "removed"}


@pytest.mark.parametrize("kind", ["story", "maker"])
@pytest.mark.parametrize("action", ["hide", "remove"])
def test_an_action_and_restore_each_write_one_log_row(site, kind, action):
    subject_id, key, label, public_url = subject_of(site, kind)
    response = act(site.mod, kind, subject_id, action)
    assert response.status_code == 303
    assert item_state(site, kind) == STATES[action]
    assert site.visitor.get(public_url).status_code == 404
    assert new_rows(site.app, 0) == [by_moderator(site, action, key, label)]

    response = act(site.mod, kind, subject_id, "restore", reason="Checked again: it is fine")
    assert response.status_code == 303
    assert item_state(site, kind) == "visible"
    assert site.visitor.get(public_url).status_code == 200
    assert new_rows(site.app, 1) == [
        by_moderator(site, "restore", key, label, reason="Checked again: it is fine")]


def test_an_action_closes_the_open_review(site):
    report(site.visitor, f"/stories/{site.story}/report")
    assert act(site.mod, "story", site.story, "remove").status_code == 303
    assert open_review(site.app, f"story:{site.story}") == (None, [])


def test_dismiss_closes_the_review_and_shows_a_hidden_item_again(site):
    report_by(site.visitor, f"/stories/{site.story}/report", 3)
    assert site.visitor.get(f"/stories/{site.story}").status_code == 404
    response = act(site.mod, "story", site.story, "dismiss", reason="Reports were mistaken")
    assert response.status_code == 303
    assert open_review(site.app, f"story:{site.story}") == (None, [])
    assert story_row(site.app, site.story).moderation == "visible"
    assert site.visitor.get(f"/stories/{site.story}").status_code == 200
    assert all(links_to(site.visitor, url, f"/stories/{site.story}")
               for url in story_places(site.ada))
    assert new_rows(site.app, 1) == [by_moderator(site, "dismiss", f"story:{site.story}",
                                                  STORY_TITLE, reason="Reports were mistaken")]


def test_after_a_dismiss_new_reports_open_a_new_review(site):
    report(site.visitor, f"/stories/{site.story}/report")
    act(site.mod, "story", site.story, "dismiss")
    report(site.visitor, f"/stories/{site.story}/report", reason="other", note="Again")
    review, reports = open_review(site.app, f"story:{site.story}")
    assert review.reporters == 1 and [r.note for r in reports] == ["Again"]


def suspended_places(site):
    """(url, path it links to) where Ada's profile or story is listed for visitors."""
    profile, story = f"/makers/{site.ada.slug}", f"/stories/{site.story}"
    return [
        ("/", profile), ("/", story), ("/makers", profile),
        (f"/search?q={WORD}", profile), (f"/search?q={WORD}", story),
        ("/feeds/stories.atom", story), ("/crafts/ceramics/feed.atom", story),
        ("/sitemap.xml", profile), ("/sitemap.xml", story),
    ]


def own_urls(site):
    """Ada's own public URLs, which are 404 while she is suspended."""
    return [f"/makers/{site.ada.slug}", f"/stories/{site.story}",
            f"/makers/{site.ada.slug}/feed.atom"]


def test_suspend_takes_a_maker_off_the_site_and_reinstate_brings_them_back(site):
    places, visitor = suspended_places(site), site.visitor
    assert all(links_to(visitor, url, path) for url, path in places)
    assert all(visitor.get(url).status_code == 200 for url in own_urls(site))

    assert act(site.mod, "maker", site.ada.id, "suspend").status_code == 303
    assert maker_row(site.app, site.ada.id).status == "suspended"
    assert new_rows(site.app, 0) == [
        by_moderator(site, "suspend", f"maker:{site.ada.id}", "Ada Potter")]
    for url, path in places:
        assert not links_to(visitor, url, path), (url, path)
    for url in own_urls(site):
        assert visitor.get(url).status_code == 404, url

    response = act(site.mod, "maker", site.ada.id, "reinstate", reason="Appeal accepted")
    assert response.status_code == 303
    assert maker_row(site.app, site.ada.id).status == "active"
    assert new_rows(site.app, 1) == [by_moderator(
        site, "reinstate", f"maker:{site.ada.id}", "Ada Potter", reason="Appeal accepted")]
    assert all(links_to(visitor, url, path) for url, path in places)
    assert all(visitor.get(url).status_code == 200 for url in own_urls(site))


def test_suspending_from_a_story_is_logged_against_the_account(site):
    assert act(site.mod, "story", site.story, "suspend").status_code == 303
    assert maker_row(site.app, site.ada.id).status == "suspended"
    assert story_row(site.app, site.story).moderation == "visible"  # the story is untouched
    assert new_rows(site.app, 0) == [
        by_moderator(site, "suspend", f"maker:{site.ada.id}", "Ada Potter")]
    assert log_rows(site.app)[0].story_id is None


def test_a_removed_story_is_still_shown_to_its_maker_with_the_reason(site):
    assert act(site.mod, "story", site.story, "remove").status_code == 303
    maker = login(site.app.test_client(), site.ada.email)
    response = maker.get(f"/stories/{site.story}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Removed by a moderator." in html
    assert "Copied from another maker&#39;s shop" in html
    for page in ("/account", "/account/stories"):
        response = maker.get(page)
        assert response.status_code == 200
        box = notices_section(response.get_data(as_text=True))
        assert "Not shown to visitors" in box, page
        assert STORY_TITLE in box and "removed by a moderator" in box
        assert "Copied from another maker&#39;s shop" in box


def test_a_maker_with_nothing_moderated_sees_no_notices(client, ada, story):
    login(client, ada.email)
    for page in ("/account", "/account/stories"):
        assert notices_section(client.get(page).get_data(as_text=True)) == ""


# --- bad input ---------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_action_without_a_reason_is_refused(mod, app, story, reason):
    before = snapshot(app)
    response = act(mod, "story", story, "hide", reason=reason)
    assert response.status_code == 422
    assert b"Give a short reason: it is shown in the public log." in response.data
    assert snapshot(app) == before


def test_an_unknown_action_is_400(mod, app, story):
    before = snapshot(app)
    assert act(mod, "story", story, "delete").status_code == 400
    assert mod.post(action_url("story", story), data={"reason": REASON}).status_code == 400
    assert snapshot(app) == before


@pytest.mark.parametrize(("kind", "action"), [
    ("story", "restore"), ("story", "dismiss"), ("maker", "reinstate"), ("maker", "restore"),
])
def test_an_action_that_no_longer_applies_is_409(site, kind, action):
    before = snapshot(site.app)
    response = act(site.mod, kind, subject_of(site, kind)[0], action)
    assert response.status_code == 409
    assert b"Nothing changed" in response.data
    assert snapshot(site.app) == before


def test_acting_twice_is_refused_the_second_time(mod, app, story):
    """Two moderators press "Hide" at once: one log row."""
    assert act(mod, "story", story, "hide").status_code == 303
    assert act(mod, "story", story, "hide").status_code == 409
    assert len(log_rows(app)) == 1


@pytest.mark.parametrize("kind", ["story", "maker"])
def test_an_action_on_nothing_is_404(mod, app, story, kind):
    before = snapshot(app)
    assert act(mod, kind, 999, "hide").status_code == 404
    page = action_url(kind, 999).removesuffix("/actions")
    assert mod.get(page).status_code == 404
    assert snapshot(app) == before


def test_moderators_cannot_suspend_a_moderator(mod, app, make_maker):
    other = make_maker("Val Idator", role="moderator")
    before = snapshot(app)
    response = act(mod, "maker", other.id, "suspend")
    assert response.status_code == 409
    assert maker_row(app, other.id).status == "active"
    assert snapshot(app) == before


@pytest.fixture
def csrf_checked(app_config):
    """Switch CSRF checks on, as in production (request before `app`)."""
    app_config["WTF_CSRF_ENABLED"] = True


def test_an_action_without_a_csrf_token_is_refused(csrf_checked, client, app, moderator, story):
    assert app.config["WTF_CSRF_ENABLED"] is True
    token = TOKEN_INPUT.search(client.get("/login").get_data(as_text=True)).group(1)
    response = client.post("/login", data={"email": moderator.email, "password": PASSWORD,
                                           "csrf_token": token})
    assert response.status_code == 303
    before = snapshot(app)
    response = act(client, "story", story, "hide")
    assert response.status_code == 400
    assert b"This form has expired" in response.data
    assert snapshot(app) == before
    page = client.get(f"/moderation/stories/{story}").get_data(as_text=True)
    response = act(client, "story", story, "hide", csrf_token=TOKEN_INPUT.search(page).group(1))
    assert response.status_code == 303  # the same action with the page's token works
    assert story_row(app, story).moderation == "hidden"


# --- htmx and where a plain form goes next -----------------------------------


def test_an_htmx_action_returns_the_changed_subject(mod, app, story):
    response = hx(mod, "post", action_url("story", story),
                  data={"action": "hide", "reason": REASON})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'id="subject-story-{story}"' in html
    assert f"Hidden: {STORY_TITLE}" in html
    assert 'state-hidden">hidden' in html
    assert story_row(app, story).moderation == "hidden"


def test_an_htmx_action_with_errors_returns_the_fragment(mod, app, story):
    response = hx(mod, "post", action_url("story", story), data={"action": "hide", "reason": ""})
    assert response.status_code == 422
    assert b"Give a short reason" in response.data
    assert f'id="subject-story-{story}"'.encode() in response.data


def test_a_plain_action_redirects_to_the_queue_with_a_message(mod, story):
    response = act(mod, "story", story, "remove")
    assert response.status_code == 303
    assert response.headers["Location"] == "/moderation"
    assert f"Removed: {STORY_TITLE}".encode() in mod.get("/moderation").data


def test_the_back_field_returns_to_a_page_on_this_site(mod, story):
    response = act(mod, "story", story, "hide", back=f"/moderation/stories/{story}")
    assert response.status_code == 303
    assert response.headers["Location"] == f"/moderation/stories/{story}"


@pytest.mark.parametrize("back", [
    "https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)",
])
def test_the_back_field_never_leaves_the_site(mod, story, back):
    response = act(mod, "story", story, "hide", back=back)
    assert response.status_code == 303
    location = urlsplit(response.headers["Location"])
    assert (location.scheme, location.netloc, location.path) in (
        ("", "", "/moderation"), ("http", "localhost", "/moderation"))


# --- the log -----------------------------------------------------------------


def test_log_rows_cannot_be_changed_or_deleted(mod, app, story):
    act(mod, "story", story, "hide")
    with app.app_context(), db.connection_context():
        row = ModerationAction.get()
        row.reason = "Nothing to see here"
        with pytest.raises(TypeError):
            row.save()
        with pytest.raises(TypeError):
            row.delete_instance()
    assert [r.reason for r in log_rows(app)] == [REASON]


def test_the_log_pages_back_with_before(app, visitor, ada, moderator):
    app.config["LOG_PER_PAGE"] = 2
    with app.app_context(), db.connection_context():
        for n in range(1, 6):
            ModerationAction.record("hide", ada, None, f"Reason number {n}", moderator=moderator)
    pages, url = [], "/moderation/log"
    while url:
        response = visitor.get(url)
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        pages.append([int(n) for n in re.findall(r"Reason number (\d)", html)])
        found = re.search(r'href="(/moderation/log\?before=\d+)"', html)
        url = found.group(1) if found else None
    assert pages == [[5, 4], [3, 2], [1]]  # newest first, two a page, nothing twice


def test_the_log_names_spam_without_its_links(mod, app, visitor, ada):
    spam = add_story(app, ada, title="Buy now at https://spam.example/x")
    assert act(mod, "story", spam, "remove").status_code == 303
    assert log_rows(app)[0].subject_label == "Buy now at [link]"
    html = visitor.get("/moderation/log").get_data(as_text=True)
    assert "Buy now at [link]" in html
    assert "spam.example" not in html


def test_the_log_of_a_deleted_story_still_reads_the_same(mod, app, ada, story):
    act(mod, "story", story, "remove")
    with app.app_context(), db.connection_context():
        Story.delete_by_id(story)
    row = log_rows(app)[0]
    assert (row.story_id, row.subject_label) == (None, STORY_TITLE)
    assert STORY_TITLE.encode() in mod.get("/moderation/log").data


# --- the queue ---------------------------------------------------------------


def fill_queue(app, makers, count):
    """`count` published stories over `makers`, each with an open review and one
    report, inserted in bulk in one transaction; the story ids, oldest first."""
    now = utcnow()
    with app.app_context(), db.connection_context(), db.atomic():
        first = (Story.select(Story.id).order_by(Story.id.desc()).scalar() or 0) + 1
        stories = [{"maker": makers[n % len(makers)].id, "title": f"Queued story {n}",
                    "body_md": "Words", "body_html": "<p>Words</p>", "summary": "Words",
                    "status": Story.PUBLISHED, "published_at": now, "created_at": now,
                    "updated_at": now} for n in range(count)]
        for batch in chunked(stories, 500):
            Story.insert_many(batch).execute()
        ids = [s.id for s in Story.select(Story.id).where(Story.id >= first).order_by(Story.id)]
        owners = {s.id: s.maker_id for s in Story.select(Story.id, Story.maker)
                  .where(Story.id >= first)}
        review_rows = [{"subject": f"story:{story_id}", "maker": owners[story_id],
                        "story": story_id, "opened_at": now, "reporters": 1} for story_id in ids]
        for batch in chunked(review_rows, 500):
            Review.insert_many(batch).execute()
        report_rows = [{"review": review.id, "reporter": f"addr:{review.id}", "reason": "spam",
                        "note": "", "created_at": now, "updated_at": now}
                       for review in Review.select(Review.id).where(Review.story.in_(ids))]
        for batch in chunked(report_rows, 500):
            Report.insert_many(batch).execute()
    return ids


def test_a_long_queue_is_paged_oldest_first(mod, app, make_maker):
    makers = [make_maker(f"Queue Maker {n}") for n in range(1, 5)]
    ids = fill_queue(app, makers, 10_000)
    per_page = app.config["REVIEWS_PER_PAGE"]

    first = mod.get("/moderation")
    assert first.status_code == 200
    assert b"10000 items waiting" in first.data
    page_one = subjects_on(first)
    assert page_one == [("story", story_id) for story_id in ids[:per_page]]
    next_url = more_link(first)
    assert next_url is not None and b"More items" in first.data

    second = mod.get(next_url)
    assert second.status_code == 200
    page_two = subjects_on(second)
    assert page_two == [("story", story_id) for story_id in ids[per_page:2 * per_page]]
    assert not set(page_one) & set(page_two)
    assert more_link(second) is not None

    with app.app_context(), db.connection_context():
        before_last = Review.select(Review.id).order_by(Review.id.desc()).offset(per_page).scalar()
    last = mod.get(f"/moderation?after={before_last}")
    assert subjects_on(last) == [("story", story_id) for story_id in ids[-per_page:]]
    assert more_link(last) is None


def test_more_items_with_htmx_returns_only_the_next_items(mod, app, make_maker):
    app.config["REVIEWS_PER_PAGE"] = 2
    ids = fill_queue(app, [make_maker("Queue Maker")], 3)
    first = mod.get("/moderation")
    assert b"3 items waiting" in first.data
    response = hx(mod, "get", more_link(first))
    assert response.status_code == 200
    assert subjects_on(response) == [("story", ids[2])]
    assert b"items waiting" not in response.data
    assert more_link(response) is None


def test_an_empty_queue_says_so(mod):
    response = mod.get("/moderation")
    assert response.status_code == 200
    assert b"Nothing is waiting." in response.data
    assert more_link(response) is None


def test_the_queue_shows_reports_and_their_notes(mod, visitor, story):
    report(visitor, f"/stories/{story}/report", reason="stolen", note="Photos from my shop")
    html = mod.get("/moderation").get_data(as_text=True)
    assert "1 report" in html and "Stolen work or photos" in html
    assert "Photos from my shop" in html


def report_subjects(app, makers, stories):
    """One report (through reports.report) on each profile and each story."""
    with app.test_request_context(), db.connection_context():
        for n, maker in enumerate(makers):
            reports.report(maker, None, f"addr:p{n}", "spam")
        for n, story_id in enumerate(stories):
            story = Story.get_by_id(story_id)
            reports.report(story.maker, story, f"addr:s{n}", "spam")


@pytest.mark.parametrize("kind", ["story", "profile"])
def test_a_queue_page_takes_the_same_queries_for_2_or_20_items(mod, app, make_maker,
                                                              count_queries, kind):
    makers = [make_maker(f"Busy Maker {n}", links=[("website", f"https://m{n}.example/")])
              for n in range(1, 21)]

    def queue(subjects):
        if kind == "story":
            report_subjects(app, [], [add_story(app, maker) for maker in subjects])
        else:
            report_subjects(app, subjects, [])

    queue(makers[:2])
    with count_queries() as few:
        assert len(subjects_on(mod.get("/moderation"))) == 2
    queue(makers[2:])
    with count_queries() as many:
        assert len(subjects_on(mod.get("/moderation"))) == 20
    assert len(few) > 0
    assert len(many) == len(few), many.statements[len(few):]


# --- what a suspended maker is told ------------------------------------------


@pytest.fixture
def suspended(mod, app, ada, story):
    """Ada, suspended by the moderator, with a reason."""
    response = act(mod, "maker", ada.id, "suspend", reason="Selling counterfeit goods")
    assert response.status_code == 303
    return ada


def test_a_suspended_maker_can_still_log_in_and_sees_why(app, suspended):
    client = login(app.test_client(), suspended.email)
    response = client.get("/account")
    assert response.status_code == 200
    assert b"Your account is suspended" in response.data
    assert b"Selling counterfeit goods" in response.data


def test_a_suspended_maker_cannot_save_their_profile(app, suspended):
    client = login(app.test_client(), suspended.email)
    before = snapshot(app)
    response = client.post("/account", data={"display_name": "Ada Renamed",
                                              "slug": "ada-renamed", "about": ""})
    assert response.status_code == 403
    assert maker_row(app, suspended.id).display_name == "Ada Potter"
    assert snapshot(app) == before


def test_a_suspended_maker_is_sent_from_their_stories_to_the_notice(app, suspended):
    client = login(app.test_client(), suspended.email)
    response = client.get("/account/stories")
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/account"


def test_a_suspended_maker_sees_their_story_with_a_notice(app, suspended, story):
    client = login(app.test_client(), suspended.email)
    response = client.get(f"/stories/{story}")
    assert response.status_code == 200
    assert b"Your account is suspended:" in response.data
