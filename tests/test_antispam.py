"""Keeping robots and spam out: the honeypot and fill-time checks on the signup
and report forms, the rate limits, the spam rules that hold new accounts'
stories and profiles for a moderator, and the near-duplicate fingerprints."""

import re
import time
from contextlib import contextmanager
from datetime import timedelta

import pytest
from itsdangerous import URLSafeSerializer

from directory.extensions import db
from directory.models import Maker, Moderated, Report, Review, Story, TextPrint, utcnow
from directory.safety import fingerprints, spam
from tests.conftest import PASSWORD, Auth
from tests.html import Elements

NOT_ACCEPTED = b"could not accept"
SLOW_DOWN = b"Slow down"
NEW = "/account/stories/new"
NELL = "nell-newcomer@example.com"

SPAM = {
    "title": "Grow your instagram today",
    "body": (
        "Buy followers fast at https://followers-shop.example and "
        "https://smm-panel.example/buy. Real followers, 5k followers for only $9. "
        "More at https://crypto-profits.example"
    ),
}
CLEAN = {
    "title": "Throwing a moon jar",
    "body": "Two halves, joined when leather-hard, then a slow week of drying under plastic.",
}
# 80+ words about pottery, no links and no spam words.
ORIGINAL = (
    "Every spring I dig a little clay from the riverbank behind the studio and "
    "mix it with a bought stoneware body. The wild clay is full of iron and tiny "
    "stones, so I sieve it twice, let it settle in a bucket for a week and then "
    "dry it on plaster bats until it is soft enough to wedge. The mugs I throw "
    "from it come out of the kiln speckled and warm brown, each one a little "
    "different, and people tell me they can feel the river in the handle. I fire "
    "them slowly to cone six and glaze only the inside, so the outside stays "
    "honest about where it came from."
)
OTHER_POTTERY = (
    "My porcelain bowls start as a wet slab rolled thin on canvas. I cut circles "
    "with a paper template, drape them over plaster humps and trim the foot once "
    "they are leather hard. Because porcelain remembers every crease, I handle "
    "each bowl as little as possible and dry it slowly beneath a sheet of plastic "
    "for several days. A clear celadon glaze pools in the thin places, and after "
    "the second firing the rims glow when you hold them up to a window in winter."
)


# --- helpers -----------------------------------------------------------------


@contextmanager
def database(app):
    """Read or write rows outside a request."""
    with app.app_context(), db.connection_context():
        yield


def signup_data(**fields):
    return {"display_name": "Ada Potter", "email": "ada@example.com", "password": PASSWORD,
            **fields}


def stamp(app, seconds_ago):
    """A `started` value as the form would have made it `seconds_ago`."""
    serializer = URLSafeSerializer(app.config["SECRET_KEY"], salt="form-started")
    return serializer.dumps(time.time() - seconds_ago)


def started_from(response):
    """The `started` hidden value of the form on a page."""
    inputs = [attrs for tag, attrs in Elements(response.get_data(as_text=True)).found
              if tag == "input" and attrs.get("name") == "started"]
    assert len(inputs) == 1
    return inputs[0]["value"]


def publish(client, action="publish", **fields):
    """Write a new story through the editor and press `action`."""
    return client.post(NEW, data={**fields, "action": action})


def story_id_from(response):
    assert response.status_code == 303, response.data[:500]
    match = re.fullmatch(r"/account/stories/(\d+)/edit", response.headers["Location"])
    assert match, response.headers["Location"]
    return int(match.group(1))


def edit(client, story_id, action="save", **fields):
    return client.post(f"/account/stories/{story_id}/edit", data={**fields, "action": action})


def load_story(app, story_id):
    with database(app):
        return Story.get_by_id(story_id)


def review_of(app, story_id):
    """The newest review of a story, or None."""
    with database(app):
        return (Review.select().where(Review.subject == f"story:{story_id}")
                .order_by(Review.id.desc()).first())


def count(app, model):
    with database(app):
        return model.select().count()


def log_in(app, email, **environ):
    """A new client (optionally from another address) logged in as `email`."""
    other = app.test_client()
    if environ:
        other.environ_base.update(environ)
    assert Auth(other).login(email=email).status_code == 303
    return other


def public_places(slug, story_id, title):
    """(url, what shows there when the story is public)."""
    link = f'href="/stories/{story_id}"'.encode()
    return [
        ("/", link),
        ("/search?q=instagram", link),
        (f"/makers/{slug}", link),
        (f"/makers/{slug}/feed.atom", title.encode()),
        ("/feeds/stories.atom", title.encode()),
        ("/sitemap.xml", f"/stories/{story_id}</loc>".encode()),
    ]


@pytest.fixture
def visitor(app):
    """A second browser, logged out."""
    return app.test_client()


@pytest.fixture
def newcomer(make_maker, auth):
    """A maker who joined today and has not confirmed their email, logged in."""
    maker = make_maker("Nell Newcomer", new=True)
    assert auth.login(email=NELL).status_code == 303
    return maker


@pytest.fixture
def story(app, make_maker):
    """A published story by an established maker, for reports."""
    maker = make_maker("Bea Weaver")
    with database(app):
        story = Story(maker=maker)
        story.set_text(title="Warping the loom", body="Forty ends of linen.")
        story.publish()
        story.save()
        return story


@pytest.fixture
def moderator(app, make_maker):
    """A client logged in as a moderator."""
    make_maker("Mo Moderator", role="moderator")
    return log_in(app, "mo-moderator@example.com")


# --- the honeypot ------------------------------------------------------------


def test_signup_with_honeypot_filled_is_refused_calmly(client, app):
    """A robot filling `website` gets a generic message; nothing is created."""
    response = client.post("/signup", data=signup_data(website="https://spam.example"))
    assert response.status_code == 422
    assert NOT_ACCEPTED in response.data
    assert b"Ada Potter" in response.data
    assert b"ada@example.com" in response.data
    assert b"spam.example" not in response.data  # the trap is emptied again
    assert PASSWORD.encode() not in response.data
    assert count(app, Maker) == 0


def test_report_with_honeypot_filled_is_refused_calmly(client, app, story):
    response = client.post(f"/stories/{story.id}/report",
                           data={"reason": "spam", "website": "https://spam.example"})
    assert response.status_code == 422
    assert NOT_ACCEPTED in response.data
    assert count(app, Report) == 0


def test_honeypot_is_on_the_forms_and_empty(client, story):
    for url in ("/signup", f"/stories/{story.id}/report"):
        found = [attrs for tag, attrs in Elements(client.get(url).get_data(as_text=True)).found
                 if tag == "input" and attrs.get("name") == "website"]
        assert len(found) == 1
        assert not found[0].get("value")
        assert found[0]["tabindex"] == "-1"


# --- the fill-time check -----------------------------------------------------


class TestFillTime:
    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "MIN_FILL_SECONDS": 3}

    def test_signup_sent_at_once_is_refused(self, client, app):
        started = started_from(client.get("/signup"))
        response = client.post("/signup", data=signup_data(started=started))
        assert response.status_code == 422
        assert NOT_ACCEPTED in response.data
        assert b"ada@example.com" in response.data
        assert count(app, Maker) == 0

    def test_refused_form_gets_a_fresh_start_time(self, client, app):
        """After a refusal the form shows a new, valid start time of now."""
        response = client.post("/signup", data=signup_data(started="forged"))
        assert response.status_code == 422
        serializer = URLSafeSerializer(app.config["SECRET_KEY"], salt="form-started")
        assert abs(serializer.loads(started_from(response)) - time.time()) < 2

    def test_signup_after_five_seconds_creates_the_account(self, client, app):
        response = client.post("/signup", data=signup_data(started=stamp(app, 5)))
        assert response.status_code == 303
        assert count(app, Maker) == 1

    @pytest.mark.parametrize(
        "started",
        [
            None,
            "",
            "not-a-stamp",
            URLSafeSerializer("another-secret", salt="form-started").dumps(time.time() - 60),
            URLSafeSerializer("test-secret", salt="other-salt").dumps(time.time() - 60),
        ],
    )
    def test_signup_with_missing_or_forged_start_is_refused(self, client, app, started):
        data = signup_data()
        if started is not None:
            data["started"] = started
        response = client.post("/signup", data=data)
        assert response.status_code == 422
        assert NOT_ACCEPTED in response.data
        assert count(app, Maker) == 0

    def test_report_sent_at_once_is_refused(self, client, app, story):
        started = started_from(client.get(f"/stories/{story.id}/report"))
        response = client.post(f"/stories/{story.id}/report",
                               data={"reason": "spam", "started": started})
        assert response.status_code == 422
        assert NOT_ACCEPTED in response.data
        assert count(app, Report) == 0

    def test_report_form_opened_on_the_story_page_carries_a_start_time(self, client, app,
                                                                        story):
        # The story page fetches its report form (with htmx) when it is opened.
        page = client.get(f"/stories/{story.id}").get_data(as_text=True)
        assert f'hx-get="/stories/{story.id}/report"' in page
        started = started_from(client.get(f"/stories/{story.id}/report",
                                          headers={"HX-Request": "true"}))
        response = client.post(f"/stories/{story.id}/report",
                               data={"reason": "spam", "started": started})
        assert response.status_code == 422
        assert count(app, Report) == 0

    def test_report_after_five_seconds_is_taken(self, client, app, story):
        response = client.post(f"/stories/{story.id}/report",
                               data={"reason": "spam", "started": stamp(app, 5)})
        assert response.status_code == 303
        assert count(app, Report) == 1

    def test_forged_report_start_is_refused(self, client, app, story):
        forged = URLSafeSerializer("another-secret", salt="form-started").dumps(time.time() - 60)
        response = client.post(f"/stories/{story.id}/report",
                               data={"reason": "spam", "started": forged})
        assert response.status_code == 422
        assert count(app, Report) == 0


# --- rate limits -------------------------------------------------------------


class TestRateLimits:
    @pytest.fixture
    def app_config(self, app_config):
        return {
            **app_config,
            "RATELIMIT_ENABLED": True,
            "SIGNUP_LIMIT": "2 per hour",
            "LOGIN_LIMIT": "3 per minute",
            "REPORT_LIMIT": "2 per hour",
            "POSTING_LIMIT": "2 per hour",
        }

    def signup(self, app, n, **environ):
        """Sign up from a fresh browser (a signed-up browser is logged in)."""
        browser = app.test_client()
        return browser.post("/signup", data=signup_data(email=f"m{n}@example.com"),
                            environ_base=environ)

    def test_third_signup_from_one_address_is_refused(self, app):
        assert self.signup(app, 1).status_code == 303
        assert self.signup(app, 2).status_code == 303
        response = self.signup(app, 3)
        assert response.status_code == 429
        assert SLOW_DOWN in response.data
        assert count(app, Maker) == 2

    def test_signup_limit_leaves_other_addresses_and_get_alone(self, app, client):
        for n in (1, 2, 3):
            self.signup(app, n)
        for _ in range(5):
            assert client.get("/signup").status_code == 200
        assert self.signup(app, 4, REMOTE_ADDR="10.0.0.2").status_code == 303
        assert count(app, Maker) == 3

    def test_fourth_login_within_a_minute_is_refused(self, client, make_maker, auth):
        make_maker()
        for _ in range(3):
            assert auth.login(password="wrong password").status_code == 422
        response = auth.login()
        assert response.status_code == 429
        assert SLOW_DOWN in response.data
        assert client.get("/account").status_code == 302  # not logged in
        assert client.get("/login").status_code == 200

    def test_third_report_from_one_address_is_refused(self, app, client, make_maker):
        maker = make_maker("Bea Weaver")
        with database(app):
            ids = []
            for n in range(3):
                story = Story(maker=maker)
                story.set_text(title=f"Story {n}", body="Linen.")
                story.publish()
                story.save()
                ids.append(story.id)
        for story_id in ids[:2]:
            response = client.post(f"/stories/{story_id}/report", data={"reason": "spam"})
            assert response.status_code == 303
        response = client.post(f"/stories/{ids[2]}/report", data={"reason": "spam"})
        assert response.status_code == 429
        assert SLOW_DOWN in response.data
        assert count(app, Report) == 2
        assert client.get(f"/stories/{ids[2]}/report").status_code == 200
        other = client.post(f"/stories/{ids[2]}/report", data={"reason": "spam"},
                            environ_base={"REMOTE_ADDR": "10.0.0.2"})
        assert other.status_code == 303
        assert count(app, Report) == 3

    def test_third_story_post_is_refused(self, app, client, owner):
        for n in (1, 2):
            assert publish(client, "draft", title=f"Draft {n}").status_code == 303
        response = publish(client, "draft", title="Draft 3")
        assert response.status_code == 429
        assert SLOW_DOWN in response.data
        assert count(app, Story) == 2
        assert client.get(NEW).status_code == 200

    def test_story_edits_are_limited_too(self, app, client, owner):
        story_id = story_id_from(publish(client, "draft", title="Draft"))
        for n in (1, 2):
            assert edit(client, story_id, title=f"Draft {n}").status_code == 303
        assert edit(client, story_id, title="Draft 3").status_code == 429
        assert load_story(app, story_id).title == "Draft 2"

    def test_posting_is_counted_per_maker_not_per_address(self, app, client, make_maker,
                                                          owner):
        for n in (1, 2):
            publish(client, "draft", title=f"Draft {n}")
        elsewhere = log_in(app, "ada-potter@example.com", REMOTE_ADDR="10.0.0.2")
        assert publish(elsewhere, "draft", title="From the cafe").status_code == 429
        make_maker("Bea Weaver")
        same_address = log_in(app, "bea-weaver@example.com")
        assert publish(same_address, "draft", title="Bea's draft").status_code == 303
        assert count(app, Story) == 3

    def test_logged_out_post_to_the_editor_asks_to_log_in(self, client):
        """The per-maker key must not break for a visitor who is not logged in."""
        response = client.post(NEW, data={"title": "x", "action": "draft"})
        assert response.status_code == 302
        assert "/login" in response.headers["Location"]


# --- the spam rules through the editor ---------------------------------------


def test_new_account_spam_story_is_held_with_reasons(app, client, newcomer):
    story_id = story_id_from(publish(client, **SPAM))
    story = load_story(app, story_id)
    assert story.is_published
    assert story.moderation == Moderated.HELD
    review = review_of(app, story_id)
    assert review.closed_at is None
    assert review.held_score >= 3
    assert "links to 3 other site(s)" in review.held_reasons
    assert "followers-shop.example" in review.held_reasons


def test_publishing_a_held_story_says_a_moderator_will_look(client, newcomer):
    response = publish(client, **SPAM)
    page = client.get(response.headers["Location"])
    assert b"It will appear once a moderator has looked at it" in page.data
    assert b"Story published." not in page.data


def test_held_story_is_not_shown_to_visitors(app, client, visitor, newcomer):
    story_id = story_id_from(publish(client, **SPAM))
    assert visitor.get(f"/stories/{story_id}").status_code == 404
    for url, needle in public_places(newcomer.slug, story_id, SPAM["title"]):
        response = visitor.get(url)
        assert response.status_code == 200, url
        assert needle not in response.data, url


def test_held_story_is_shown_to_its_maker_with_a_notice(client, newcomer):
    story_id = story_id_from(publish(client, **SPAM))
    page = client.get(f"/stories/{story_id}")
    assert page.status_code == 200
    assert b"Waiting for review" in page.data
    stories = client.get("/account/stories")
    assert b"Not shown to visitors" in stories.data
    notices = stories.data.split(b"Not shown to visitors", 1)[1]
    assert SPAM["title"].encode() in notices.split(b"</section>", 1)[0]
    assert b"waiting for review" in notices


def test_established_maker_publishes_the_same_story_normally(app, client, visitor, owner):
    story_id = story_id_from(publish(client, **SPAM))
    assert load_story(app, story_id).moderation == Moderated.VISIBLE
    assert review_of(app, story_id) is None
    assert visitor.get(f"/stories/{story_id}").status_code == 200
    for url, needle in public_places(owner.slug, story_id, SPAM["title"]):
        assert needle in visitor.get(url).data, url
    page = client.get(f"/account/stories/{story_id}/edit")
    assert b"Story published." in page.data


def test_new_maker_linking_to_their_own_shop_is_not_held(app, client, make_maker, auth):
    make_maker("Ada Potter", new=True, links=[("website", "https://ada-pots.example")])
    auth.login()
    story_id = story_id_from(publish(
        client, title="New mugs",
        body="The speckled mugs are in the shop: https://ada-pots.example/mugs and "
             "[the jugs](https://shop.ada-pots.example/jugs), with more next month.",
    ))
    assert load_story(app, story_id).moderation == Moderated.VISIBLE
    assert review_of(app, story_id) is None


def test_new_maker_copying_another_makers_story_is_held(app, client, make_maker, newcomer):
    original = make_maker("Ollie Original", new=True)
    author = log_in(app, "ollie-original@example.com")
    original_id = story_id_from(publish(author, title="River clay mugs", body=ORIGINAL))
    assert load_story(app, original_id).moderation == Moderated.VISIBLE
    copied = ORIGINAL.replace("riverbank", "stream").replace("cone six", "cone seven")
    copy_id = story_id_from(publish(client, title="My river clay mugs", body=copied))
    assert load_story(app, copy_id).moderation == Moderated.HELD
    assert "already on the site" in review_of(app, copy_id).held_reasons
    # The original author edits their own story later: they are not the copier.
    edit(author, original_id, title="River clay mugs", body=ORIGINAL + " Thank you for reading.")
    assert load_story(app, original_id).moderation == Moderated.VISIBLE
    assert review_of(app, original_id) is None
    with database(app):
        assert TextPrint.select().where(TextPrint.maker == original.id).count() == 1


def test_editing_a_held_story_into_a_clean_one_releases_it(app, client, visitor, newcomer):
    story_id = story_id_from(publish(client, **SPAM))
    assert edit(client, story_id, **CLEAN).status_code == 303
    assert load_story(app, story_id).moderation == Moderated.VISIBLE
    assert review_of(app, story_id).closed_at is not None
    assert visitor.get(f"/stories/{story_id}").status_code == 200


def test_editing_a_held_story_keeping_the_spam_keeps_it_held(app, client, newcomer):
    story_id = story_id_from(publish(client, **SPAM))
    edit(client, story_id, title=SPAM["title"], body=SPAM["body"] + " Order now.")
    assert load_story(app, story_id).moderation == Moderated.HELD
    assert review_of(app, story_id).closed_at is None
    with database(app):
        assert Review.select().where(Review.subject == f"story:{story_id}").count() == 1


def test_held_story_stays_held_when_the_account_comes_of_age(app, client, newcomer):
    """A held story waits for a moderator: the maker saving it again a week
    later (no longer a new account) must not publish it unreviewed."""
    story_id = story_id_from(publish(client, **SPAM))
    with database(app):
        long_ago = utcnow() - timedelta(days=30)
        Maker.update(created_at=long_ago, email_confirmed_at=long_ago).where(
            Maker.id == newcomer.id).execute()
    assert edit(client, story_id, **SPAM).status_code == 303
    assert load_story(app, story_id).moderation == Moderated.HELD
    assert review_of(app, story_id).closed_at is None


def test_unpublishing_and_republishing_a_held_story_checks_it_again(app, client, newcomer):
    story_id = story_id_from(publish(client, **SPAM))
    edit(client, story_id, "unpublish", **SPAM)
    edit(client, story_id, "publish", **SPAM)
    assert load_story(app, story_id).moderation == Moderated.HELD
    assert review_of(app, story_id).closed_at is None


def test_held_profile_stays_held_when_the_account_comes_of_age(app, client, visitor,
                                                               newcomer):
    """The same for a profile: saving it unchanged later must not publish it."""
    data = {"display_name": "Nell Newcomer", "slug": newcomer.slug, "tagline": "See my links",
            "about": "https://one.example https://two.example https://three.example "
                     "https://four.example", "place": ""}
    client.post("/account", data=data)
    with database(app):
        assert Maker.get_by_id(newcomer.id).moderation == Moderated.HELD
        long_ago = utcnow() - timedelta(days=30)
        Maker.update(created_at=long_ago, email_confirmed_at=long_ago).where(
            Maker.id == newcomer.id).execute()
    client.post("/account", data=data)
    with database(app):
        assert Maker.get_by_id(newcomer.id).moderation == Moderated.HELD
    assert visitor.get(f"/makers/{newcomer.slug}").status_code == 404


def test_new_account_profile_of_mostly_links_is_held(app, client, visitor, newcomer):
    response = client.post("/account", data={
        "display_name": "Nell Newcomer", "slug": newcomer.slug, "tagline": "See my links",
        "about": "https://one.example https://two.example https://three.example "
                 "https://four.example",
        "place": "",
    })
    assert response.status_code == 303
    with database(app):
        assert Maker.get_by_id(newcomer.id).moderation == Moderated.HELD
        review = Review.get(Review.subject == f"maker:{newcomer.id}")
    assert review.held_score >= 3
    assert "other site(s)" in review.held_reasons
    assert visitor.get(f"/makers/{newcomer.slug}").status_code == 404
    assert b"once a moderator has looked" in client.get("/account").data


def test_drafts_are_never_held(app, client, newcomer):
    story_id = story_id_from(publish(client, "draft", **SPAM))
    edit(client, story_id, "save", title=SPAM["title"], body=SPAM["body"] + " Buy likes.")
    assert load_story(app, story_id).moderation == Moderated.VISIBLE
    assert review_of(app, story_id) is None


# --- a moderator approves -----------------------------------------------------


def test_dismissing_a_held_story_publishes_it_and_vouches_the_maker(
        app, client, visitor, moderator, newcomer):
    story_id = story_id_from(publish(client, **SPAM))
    response = moderator.post(f"/moderation/stories/{story_id}/actions",
                              data={"action": "dismiss", "reason": "A real potter, fine."})
    assert response.status_code == 303
    assert load_story(app, story_id).moderation == Moderated.VISIBLE
    assert review_of(app, story_id).closed_at is not None
    assert visitor.get(f"/stories/{story_id}").status_code == 200
    with database(app):
        assert Maker.get_by_id(newcomer.id).vouched_at is not None
    next_id = story_id_from(publish(client, title="Buy likes too", body=SPAM["body"]))
    assert load_story(app, next_id).moderation == Moderated.VISIBLE
    assert review_of(app, next_id) is None


# --- links in stories --------------------------------------------------------


@pytest.mark.parametrize("new", [False, True])
def test_story_links_carry_nofollow(app, client, make_maker, auth, new):
    make_maker("Ada Potter", new=new)
    auth.login()
    story_id = story_id_from(publish(
        client, title="Firing day", body="Fired in [the shared kiln](https://kiln.example/)."))
    assert load_story(app, story_id).moderation == Moderated.VISIBLE
    page = app.test_client().get(f"/stories/{story_id}")
    anchors = [attrs for tag, attrs in Elements(page.get_data(as_text=True)).found
               if tag == "a" and attrs.get("href") == "https://kiln.example/"]
    assert anchors
    assert all(attrs.get("rel") == "nofollow ugc noopener" for attrs in anchors)


# --- the rules, one by one ---------------------------------------------------


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.Ada-Pots.example/mugs", "ada-pots.example"),
        ("http://ada-pots.example", "ada-pots.example"),
        ("www.ada-pots.example/jugs", "ada-pots.example"),
        ("shop.ada-pots.example/x", "shop.ada-pots.example"),
        ("HTTPS://WWW.EXAMPLE.COM:8080/", "example.com"),
    ],
)
def test_host_of(url, host):
    assert spam.host_of(url) == host


@pytest.mark.parametrize(
    ("host", "own"),
    [
        ("ada-pots.example", True),
        ("shop.ada-pots.example", True),
        ("a.b.ada-pots.example", True),
        ("notada-pots.example", False),
        ("ada-pots.example.evil", False),
        ("etsy.example", False),
    ],
)
def test_is_own(host, own):
    assert spam.is_own(host, {"ada-pots.example"}) is own


def test_www_is_ignored_for_own_sites():
    own = {spam.host_of("https://www.ada-pots.example")}
    assert spam.is_own(spam.host_of("https://ada-pots.example/mugs"), own)


def test_links_to_own_site_cost_nothing():
    verdict = spam.Verdict()
    spam.check_links(verdict, "See https://ada-pots.example/mugs", {"ada-pots.example"})
    assert verdict.score == 0
    spam.check_links(verdict, "See https://etsy.example/ada", {"ada-pots.example"})
    assert verdict.score == 1
    assert verdict.reasons == ["links to 1 other site(s): etsy.example (+1)"]


def test_keyword_anchors_are_counted():
    verdict = spam.Verdict()
    spam.check_keyword_anchors(
        verdict, "[cheap car insurance quotes](https://x.example/cheap-car-insurance)")
    assert verdict.score == 1
    assert "1 link(s) whose words repeat their address" in verdict.reasons[0]


def test_plain_link_labels_are_not_keyword_anchors():
    verdict = spam.Verdict()
    spam.check_keyword_anchors(
        verdict, "[my shop page](https://ada.example/shop) and "
                 "[autumn mugs](https://ada.example/collections/autumn-mugs)")
    assert verdict.score == 0


@pytest.mark.parametrize("text", ["Get 5k real followers today", "12,000 active followers",
                                  "500 likes on every post"])
def test_follower_numbers_are_spam_vocabulary(text):
    verdict = spam.Verdict()
    spam.check_vocabulary(verdict, text)
    assert any("numbers of followers or likes" in reason for reason in verdict.reasons)


def test_followers_without_numbers_are_fine():
    verdict = spam.Verdict()
    spam.check_vocabulary(verdict, "Thank you to everyone who follows the studio.")
    assert verdict.score == 0


def test_verdict_holds_at_the_threshold():
    verdict = spam.Verdict()
    verdict.add(2.5, "a")
    assert not verdict.held
    verdict.add(0.5, "b")
    assert verdict.held
    verdict.add(0, "nothing")
    assert verdict.reasons == ["a (+2.5)", "b (+0.5)"]


def test_lightly_edited_copy_is_similar():
    edited = ORIGINAL.replace("riverbank", "stream").replace("warm brown", "deep brown")
    one, other = fingerprints.signature(ORIGINAL), fingerprints.signature(edited)
    assert fingerprints.similarity(one, other) >= 0.5


def test_different_texts_about_pottery_are_not_similar():
    one, other = fingerprints.signature(ORIGINAL), fingerprints.signature(OTHER_POTTERY)
    assert fingerprints.similarity(one, other) < 0.3


def test_case_accents_and_links_do_not_hide_a_copy():
    disguised = ORIGINAL.upper().replace("E", "É") + " https://elsewhere.example/page"
    assert fingerprints.signature(disguised) == fingerprints.signature(ORIGINAL)


def test_short_text_has_no_signature():
    assert fingerprints.signature("A small bowl, thrown this morning.") is None
    assert fingerprints.signature("") is None
