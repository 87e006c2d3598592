"""Access matrices built from the app's own url_map.

test_access.py and test_moderation.py test chosen routes in depth from lists
typed by hand. Here every rule of the app goes through the same checks, so a
route added later is covered without anyone remembering to add it:

- an anonymous visitor asking for anything under /account, or for any
  moderation page, is sent to log in and changes nothing;
- a maker who is not a moderator gets 403 from every moderation rule, and a
  moderator can open every moderation page;
- every endpoint is either public or in one of those login-only groups, so a
  new route must be put in a group on purpose;
- every form post without a CSRF token is refused with 400 and changes nothing.
"""

import re
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from directory import create_app
from directory.auth import tokens
from directory.extensions import db
from directory.models import MODELS, Event, KindWord, Link, Maker, Photo, Story, utcnow
from directory.writes.kind_words import make_batch
from tests.conftest import PASSWORD, password_hash, running_app

IGNORED_METHODS = {"HEAD", "OPTIONS"}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
TOKEN_INPUT = re.compile(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"')

# Public endpoints, by blueprint or one by one. A rule under /account or a
# moderation rule is login-only even when its blueprint is listed here (as
# auth.resend_confirmation at /account/confirm is).
PUBLIC_BLUEPRINTS = ("public.", "feeds.", "reports.", "auth.", "kind_words.")
PUBLIC_ENDPOINTS = {"media.photo", "moderation_log.log", "static"}

# Whom a token link is for, by the endpoint that takes it.
TOKEN_PURPOSES = {
    "auth.confirm_email": tokens.CONFIRM_EMAIL,
    "auth.reset_password": tokens.RESET_PASSWORD,
}


def app_rules():
    """Every rule of the app, read from a throwaway app that never opens its database."""
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({
            "TESTING": True,
            "SECRET_KEY": "route-matrix",
            "DATABASE_URL": f"sqlite:///{Path(folder) / 'rules.sqlite3'}",
            "UPLOAD_FOLDER": str(Path(folder) / "uploads"),
            "OUTBOX_FOLDER": str(Path(folder) / "outbox"),
        })
        return sorted(app.url_map.iter_rules(), key=lambda rule: (rule.rule, rule.endpoint))


def under_account(rule):
    """A maker's own page: /account or anything below it, whatever the blueprint."""
    return rule.rule == "/account" or rule.rule.startswith("/account/")


def is_moderation(rule):
    """A moderators' page (the public log is another blueprint, moderation_log)."""
    return rule.endpoint.startswith("moderation.")


def is_login_only(rule):
    """The rules tests below check are closed to anonymous visitors."""
    return under_account(rule) or is_moderation(rule)


def is_public(rule):
    """An endpoint anyone may use, by the PUBLIC_BLUEPRINTS and PUBLIC_ENDPOINTS rules."""
    return not is_login_only(rule) and (rule.endpoint.startswith(PUBLIC_BLUEPRINTS)
                                        or rule.endpoint in PUBLIC_ENDPOINTS)


def requests_to(rules, methods=None):
    """A pytest param (method, rule) for each method of each rule, HEAD and OPTIONS aside."""
    return [pytest.param(method, rule, id=f"{method} {rule.rule}")
            for rule in rules
            for method in sorted(rule.methods - IGNORED_METHODS)
            if methods is None or method in methods]


def csrf_cases(rules):
    """A pytest param (who, method, rule) for each unsafe method of each rule: a
    moderator for moderation rules (so the guard lets the request through to
    the CSRF check), a maker for their own pages, and both a visitor and a
    maker for public forms."""
    cases = []
    for rule in rules:
        if is_moderation(rule):
            people = ["moderator"]
        elif is_login_only(rule):
            people = ["maker"]
        else:
            people = ["visitor", "maker"]
        for method in sorted(rule.methods - SAFE_METHODS):
            cases.extend(pytest.param(who, method, rule, id=f"{who}-{method} {rule.rule}")
                         for who in people)
    return cases


RULES = app_rules()
LOGIN_ONLY_RULES = [rule for rule in RULES if is_login_only(rule)]
MODERATION_RULES = [rule for rule in RULES if is_moderation(rule)]
PUBLIC_RULES = [rule for rule in RULES if is_public(rule)]


# --- the rows URL arguments point at -----------------------------------------


@dataclass
class World:
    """Ada (a maker with two links and a published story with two photos), Cy
    (a new maker who has not confirmed his email) and a moderator, in one app.
    URL arguments point at Ada's first link and photo, so a move moves them."""

    ada: Maker
    cy: Maker
    moderator: Maker
    values: dict  # URL argument name -> value
    tokens: dict  # endpoint -> token

    def path(self, rule):
        """The rule's path with each argument filled in from real rows."""
        values = {}
        for name in rule.arguments:
            if name == "token":
                assert rule.endpoint in self.tokens, f"no token for {rule.endpoint}: add it"
                values[name] = self.tokens[rule.endpoint]
            else:
                assert name in self.values, f"no value for <{name}> of {rule.rule}: add it"
                values[name] = self.values[name]
        return rule.build(values, append_unknown=False)[1]

    def form(self, rule):
        """Plausible answers to the site's forms, with Ada's real credentials, so a
        refused post is not one that would have failed anyway for being empty."""
        return {
            "email": self.ada.email, "password": PASSWORD, "confirm": PASSWORD,
            "current": PASSWORD, "display_name": "Forged Name", "slug": "forged-name",
            "tagline": "Forged", "about": "Forged", "place": "Leeds, UK",
            "kind": "website", "url": "https://forged.example/", "label": "Forged",
            "edit-kind": "website", "edit-url": "https://forged.example/", "edit-label": "Forged",
            "direction": "down", "title": "Forged story", "body": "Forged body.",
            "alt": "Forged", "reason": "spam", "note": "Forged",
            "author": "Forger", "text": "Forged kind word.", "code": "", "size": "3",
            "choice": "share", "mail": "on", "starts_on": "2030-01-01", "town": "Leeds",
            "time_zone": "Europe/London",
            # A moderator decides; a maker saves a story.
            "action": "remove" if is_moderation(rule) else "publish",
        }


def add_maker(name, **fields):
    """A maker straight in the database, with the test password."""
    slug = Maker.unique_slug(name.lower().replace(" ", "-"))
    maker = Maker(display_name=name, email=f"{slug}@example.com", slug=slug,
                  password_hash=password_hash(PASSWORD), **fields)
    maker.save()
    return maker


def populate(app):
    """Create the World's rows in the app's database."""
    month_ago = utcnow() - timedelta(days=30)
    with app.app_context(), db.connection_context():
        ada = add_maker("Ada Potter", created_at=month_ago, email_confirmed_at=month_ago)
        ada.set_crafts(["ceramics"])
        cy = add_maker("Cy Newcomer")
        moderator = add_maker("Mo Derator", role=Maker.ROLE_MODERATOR,
                              created_at=month_ago, email_confirmed_at=month_ago)
        link = Link.create(maker=ada, kind="website", url="https://ada.example/", position=1)
        Link.create(maker=ada, kind="marketplace", url="https://shop.example/ada", position=2)
        story = Story(maker=ada)
        story.set_text(title="Throwing a moon jar", body="Glazed with ash.")
        story.publish()
        story.save()
        photo, _ = (Photo.create(story=story, name=f"moonjar{n}", alt="A moon jar",
                                 position=n, width=800, height=600) for n in (1, 2))
        ada.set_place("Leeds, UK")
        ada.save()
        batch = make_batch(ada.id, 3, "Leeds Makers' Market", 365)
        KindWord.create(maker=ada, author="Jo", text="A lovely jug.", approval=KindWord.WAITING)
        kind_word = KindWord.create(maker=ada, author="Sam", text="Beautiful glaze.",
                                    from_customer=True, met_at="Leeds Makers' Market",
                                    approval=KindWord.APPROVED)
        soon = utcnow() + timedelta(days=10)
        event = Event.create(maker=ada, title="Leeds Makers' Market", kind="market",
                             starts_on=soon.date(), ends_on=soon.date(),
                             time_zone="Europe/London", venue="Corn Exchange", town="Leeds",
                             starts_utc=soon, ends_utc=soon + timedelta(days=1))
        values = {
            "link_id": link.id, "story_id": story.id, "photo_id": photo.id,
            "maker_id": ada.id, "slug": ada.slug, "craft": "ceramics",
            "filename": f"{photo.name}-display.jpg",
            "batch_id": batch.id, "number": 1, "kind_word_id": kind_word.id,
            "event_id": event.id, "place": ada.place_key,
        }
        signed = {endpoint: tokens.make(cy if purpose == tokens.CONFIRM_EMAIL else ada, purpose)
                  for endpoint, purpose in TOKEN_PURPOSES.items()}
        return World(ada=ada, cy=cy, moderator=moderator, values=values, tokens=signed)


def snapshot(app):
    """Every row of every table, and the stored uploads and sent mail."""
    with app.app_context(), db.connection_context():
        rows = {model.__name__: sorted(model.select().tuples(), key=repr) for model in MODELS}
    files = {
        key: sorted(str(path) for path in Path(app.config[key]).rglob("*"))
        for key in ("UPLOAD_FOLDER", "OUTBOX_FOLDER")
    }
    return rows, files


def log_in(client, email):
    """Log in through the form of an app that does not check CSRF tokens."""
    response = client.post("/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 303, response.data


def assert_sent_to_login(response, path):
    """A redirect to /login that comes back to `path` afterwards."""
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert location.path == "/login"
    assert parse_qs(location.query)["next"] == [path]


@pytest.fixture
def world(app):
    """The World's rows in the `app` fixture's database."""
    return populate(app)


# --- the matrices are really built from the url_map ---------------------------


def test_the_url_map_gives_every_matrix_rules():
    """An empty matrix would make pytest skip its test, silently passing."""
    assert any(under_account(rule) for rule in LOGIN_ONLY_RULES)
    assert MODERATION_RULES
    assert any("GET" in rule.methods for rule in MODERATION_RULES)
    assert PUBLIC_RULES
    assert csrf_cases(RULES)


# --- every endpoint is in a group --------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.endpoint)
def test_every_endpoint_is_public_or_login_only(rule):
    """A new route must be put in a group on purpose: under /account, in the
    moderation blueprint, or in PUBLIC_BLUEPRINTS / PUBLIC_ENDPOINTS."""
    assert is_login_only(rule) or is_public(rule), (
        f"{rule.endpoint} ({rule.rule}) is in no access group")


@pytest.mark.parametrize(("method", "rule"), requests_to(PUBLIC_RULES, {"GET"}))
def test_public_pages_do_not_ask_visitors_to_log_in(client, world, method, rule):
    response = client.open(world.path(rule), method=method)
    assert response.status_code not in (401, 403)
    if response.status_code in (301, 302, 303, 307, 308):
        assert urlsplit(response.headers["Location"]).path != "/login"


# --- login-only pages --------------------------------------------------------


@pytest.mark.parametrize(("method", "rule"), requests_to(LOGIN_ONLY_RULES))
def test_anonymous_visitors_are_sent_to_log_in(app, client, world, method, rule):
    """Every rule under /account and every moderation rule, whatever the method."""
    path = world.path(rule)
    before = snapshot(app)
    response = client.open(path, method=method,
                           data=world.form(rule) if method not in SAFE_METHODS else None)
    assert_sent_to_login(response, path)
    assert snapshot(app) == before


@pytest.mark.parametrize(("method", "rule"), requests_to(MODERATION_RULES))
def test_makers_who_are_not_moderators_get_403(app, client, world, method, rule):
    """Ada, whose own story and profile the moderation rules point at, is refused."""
    log_in(client, world.ada.email)
    before = snapshot(app)
    response = client.open(world.path(rule), method=method,
                           data=world.form(rule) if method not in SAFE_METHODS else None)
    assert response.status_code == 403
    assert snapshot(app) == before


@pytest.mark.parametrize(("method", "rule"), requests_to(MODERATION_RULES, {"GET"}))
def test_moderators_see_every_moderation_page(client, world, method, rule):
    log_in(client, world.moderator.email)
    response = client.open(world.path(rule), method=method)
    assert response.status_code == 200
    assert b"<html" in response.data


# --- CSRF --------------------------------------------------------------------


@pytest.fixture
def csrf_app(app_config):
    """An app that checks CSRF tokens, as in production."""
    with running_app({**app_config, "WTF_CSRF_ENABLED": True}) as app:
        yield app


def csrf_log_in(client, email):
    """Log in through the login form, with the token from its hidden input."""
    page = client.get("/login")
    assert page.status_code == 200
    token = TOKEN_INPUT.search(page.get_data(as_text=True)).group(1)
    response = client.post("/login", data={"email": email, "password": PASSWORD,
                                           "csrf_token": token})
    assert response.status_code == 303
    assert client.get("/account").status_code == 200


@pytest.mark.parametrize(("who", "method", "rule"), csrf_cases(RULES))
def test_posts_without_a_token_are_refused(csrf_app, who, method, rule):
    """Also /logout: a forged post must not log anyone out."""
    assert csrf_app.config["WTF_CSRF_ENABLED"] is True
    world = populate(csrf_app)
    client = csrf_app.test_client()
    if who != "visitor":
        csrf_log_in(client, (world.moderator if who == "moderator" else world.ada).email)
    before = snapshot(csrf_app)
    response = client.open(world.path(rule), method=method, data=world.form(rule))
    assert response.status_code == 400
    assert b"This form has expired" in response.data
    assert snapshot(csrf_app) == before
    # Still logged in (or still not), whatever the form was for.
    assert client.get("/account").status_code == (302 if who == "visitor" else 200)
