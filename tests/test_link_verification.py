"""Verified links: a maker proves a shop or a social page is theirs, with a
rel="me" link back or the link's code; visitors see the proof; a recheck keeps
the badge through a bad afternoon and drops it when the proof is gone."""

import json
import re
from datetime import timedelta
from html import unescape

import pytest

from directory import create_app
from directory.content.fetch import Page
from directory.database.migrations import init_db
from directory.extensions import db
from directory.models import Link, LinkCheck, Maker, utcnow
from directory.safety.verification import Outcome, examine, link_code, normalise_code
from directory.web.navigation import public_url
from directory.writes.links import record_check
from tests.conftest import PASSWORD, hx, password_hash, running_app
from tests.pages_server import pages_server

PROFILE = "http://localhost/makers/ada-potter"
CODE = "K7QXM-2PD9Z"


def page(html="", headers=(), url="https://shop.example/ada"):
    return Page(url=url, status=200, headers=[("Content-Type", "text/html"), *headers],
                body=html.encode())


# --- what counts as proof -------------------------------------------------------------


@pytest.mark.parametrize("html,headers", [
    (f'<a href="{PROFILE}" rel="me">My profile</a>', ()),
    (f'<link rel="me" href="{PROFILE}">', ()),
    (f'<a rel="ME nofollow" href="{PROFILE}">me</a>', ()),
    (f'<a rel="nofollow me noopener" href="{PROFILE}/">me</a>', ()),
    ('<a rel="me" href="https://LOCALHOST/makers/ada-potter">me</a>', ()),
    ("<p>No links here</p>", [("Link", f'<{PROFILE}>; rel="me nofollow"')]),
    ("<p>No links here</p>", [("Link", "<https://x.example/>; rel=next"),
                              ("Link", f"<{PROFILE}/>; rel=me")]),
])
def test_a_rel_me_link_back_proves_the_link(app, html, headers):
    with app.app_context():
        assert examine(page(html, headers), PROFILE, CODE).method == "rel-me"
        assert examine(page(html, headers), "http://Localhost/makers/ada-potter/", CODE).proven


@pytest.mark.parametrize("html", [
    f'<a href="{PROFILE}">no rel</a>',
    f'<a rel="mention" href="{PROFILE}">mention</a>',
    f'<p>{PROFILE}</p>',
])
def test_anything_else_proves_nothing(app, html):
    with app.app_context():
        outcome = examine(page(html), PROFILE, CODE)
    assert not outcome.proven
    assert outcome.reason.startswith("Neither a rel=\"me\" link back to your profile")


def test_a_rel_me_link_to_another_profile_is_named(app):
    html = '<a rel="me" href="http://localhost/makers/bea-weaver">another profile</a>'
    with app.app_context():
        outcome = examine(page(html), PROFILE, CODE)
    assert not outcome.proven
    assert "goes to http://localhost/makers/bea-weaver, not to your profile" in outcome.reason


@pytest.mark.parametrize("shown", [
    "makers-dir:K7QXM-2PD9Z", "k7qxm-2pd9z", "K7QXM2PD9Z", "K7QXM 2PD9Z", "k7qxm-2pd9z.",
])
def test_the_code_proves_the_link_read_leniently(app, shown):
    with app.app_context():
        assert examine(page(f"<p>Verifying: {shown}</p>"), PROFILE, CODE).method == "code"


def test_look_alike_letters_read_as_digits():
    assert normalise_code("KI0L0-oO1il") == normalise_code("K1010-00111")


@pytest.mark.parametrize("html", [
    "<p>makers-dir:K7QXM-2PD9Y</p>",  # one character off
    '<a title="K7QXM-2PD9Z" href="/">hidden in an attribute</a>',
    "<script>var code = 'K7QXM-2PD9Z';</script><p>Lots of words.</p>",
    "<p>XK7QXM-2PD9Z</p>",  # inside a longer word
])
def test_a_code_that_is_not_shown_proves_nothing(app, html):
    with app.app_context():
        assert not examine(page(html), PROFILE, CODE).proven


def test_a_page_built_by_javascript_is_named_as_such(app):
    html = "<div id=root></div><script src=app.js></script><noscript>Enable JS</noscript>"
    with app.app_context():
        outcome = examine(page(html), PROFILE, CODE)
    assert not outcome.proven and "built by JavaScript" in outcome.reason


def test_each_link_has_its_own_code_and_a_new_one_replaces_it(app, make_maker):
    ada = make_maker("Ada Potter", links=[("website", "https://a.example/"),
                                          ("social", "https://b.example/")])
    with app.app_context(), db.connection_context():
        first, second = Link.for_maker(ada.id)
        assert link_code(first) != link_code(second)
        assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}", link_code(first))
        old = link_code(first)
        first.code_salt = "fresh"
        assert link_code(first) != old


# --- the maker's side, against a real page server -------------------------------------


@pytest.fixture
def shop():
    with pages_server() as server:
        yield server


@pytest.fixture
def app_config(app_config, shop):
    """The checker may reach the page server (and only it, on loopback)."""
    return {**app_config, "FETCH_ALLOW_HOSTS": ["127.0.0.1"],
            "FETCH_PORTS": [80, 443, shop.port], "SITE_URL": "http://localhost"}


@pytest.fixture
def ada(make_maker, auth, shop):
    maker = make_maker("Ada Potter", links=[("website", shop.url("/ada"))])
    auth.login()
    return maker


def the_link(app):
    with app.app_context(), db.connection_context():
        return Link.get()


def verify(client, app, htmx=False):
    path = f"/account/links/{the_link(app).id}/verify"
    if htmx:
        return hx(client, "post", path)
    response = client.post(path)
    assert response.status_code == 303
    return client.get(response.headers["Location"])


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_a_maker_verifies_a_link_that_links_back(client, app, shop, ada, htmx):
    shop.page("/ada", f'<p>My shop.</p><a rel="me" href="{PROFILE}">Makers Directory</a>')
    text = unescape(verify(client, app, htmx).get_data(as_text=True))
    assert "Verified: 127.0.0.1:" in text and "shows a link back to your profile" in text
    link = the_link(app)
    assert link.verified_at is not None and link.verified_by == "rel-me"
    profile = client.get("/makers/ada-potter").get_data(as_text=True)
    assert f'<a href="{shop.url("/ada")}" rel="me noopener" target="_blank">' in profile
    assert "Verified" in profile and "checked today" in profile


def test_a_maker_verifies_by_code(client, app, shop, ada):
    with app.app_context():
        code = link_code(the_link(app))
    shop.page("/ada", f"<p>Welcome to my shop. makers-dir:{code.lower()}</p>")
    verify(client, app)
    assert the_link(app).verified_by == "code"


@pytest.mark.parametrize("answer", [
    ("<p>Just a shop.</p>", 200, (), "Neither a rel=\"me\" link back"),
    ("Forbidden", 403, (), "login"),
    ("{}", 200, [("Content-Type", "application/json")], "rather than a web page"),
])
def test_a_failed_check_says_why_on_the_same_page(client, app, shop, ada, answer):
    html, status, headers, reason = answer
    shop.routes["/ada"] = (status, list(headers) or [("Content-Type", "text/html")],
                           html.encode())
    text = unescape(verify(client, app).get_data(as_text=True))
    assert "Not verified:" in text and reason.lower() in text.lower()
    assert the_link(app).verified_at is None
    with app.app_context(), db.connection_context():
        check = LinkCheck.get()
        assert not check.proven and check.reason in text


def test_a_link_to_a_private_address_is_never_fetched(client, app, make_maker, auth, shop):
    make_maker("Ada Potter", links=[("website", f"http://localhost:{shop.port}/ada")])
    auth.login()
    shop.page("/ada", f'<a rel="me" href="{PROFILE}">me</a>')
    text = unescape(verify(client, app).get_data(as_text=True))
    assert "Not verified:" in text
    assert shop.requests == []
    assert the_link(app).verified_at is None


def test_changing_the_address_drops_the_badge(client, app, shop, ada):
    shop.page("/ada", f'<a rel="me" href="{PROFILE}">me</a>')
    verify(client, app)
    link = the_link(app)
    assert link.verified_at is not None
    client.post(f"/account/links/{link.id}", data={"edit-kind": "website",
                                                   "edit-url": "https://elsewhere.example/"})
    assert the_link(app).verified_at is None


def test_a_new_code_replaces_the_old_one(client, app, shop, ada):
    with app.app_context():
        old = link_code(the_link(app))
    response = client.post(f"/account/links/{the_link(app).id}/code")
    assert response.status_code == 303
    with app.app_context():
        new = link_code(the_link(app))
    assert new != old
    assert new in unescape(client.get("/account/links").get_data(as_text=True))
    shop.page("/ada", f"<p>makers-dir:{old}</p>")
    verify(client, app)
    assert the_link(app).verified_at is None


def test_verifying_is_rate_limited_per_maker(app_config, shop, make_maker):
    with running_app({**app_config, "RATELIMIT_ENABLED": True, "VERIFY_LIMIT": "2 per hour"}
                     ) as limited:
        client = limited.test_client()
        with limited.app_context(), db.connection_context():
            maker = Maker.create(email="ada@example.com", display_name="Ada", slug="ada",
                                 password_hash=password_hash(PASSWORD))
            link = Link.create(maker=maker, kind="website", url=shop.url("/ada"), position=1)
        client.post("/login", data={"email": "ada@example.com", "password": PASSWORD})
        shop.page("/ada", "<p>nothing</p>")
        codes = [client.post(f"/account/links/{link.id}/verify").status_code for _ in range(3)]
    assert codes == [303, 303, 429]
    assert len(shop.requests) == 2


# --- visitors, and the recheck ----------------------------------------------------------


def test_json_ld_lists_exactly_the_verified_links(client, app, make_maker):
    ada = make_maker("Ada Potter", links=[("website", "https://a.example/"),
                                          ("social", "https://b.example/@ada"),
                                          ("gallery", "https://c.example/")])
    with app.app_context(), db.connection_context():
        Link.update(verified_at=utcnow()).where(
            (Link.maker == ada.id) & (Link.url != "https://b.example/@ada")).execute()
    html = client.get("/makers/ada-potter").get_data(as_text=True)
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html,
                                re.S).group(1))
    assert data["@type"] == "Person"
    assert data["sameAs"] == ["https://a.example/", "https://c.example/"]


def test_a_recheck_keeps_the_badge_through_two_failures_a_day_apart(app, make_maker):
    ada = make_maker("Ada Potter", links=[("website", "https://a.example/")])
    start = utcnow()
    missing = Outcome(False, reason="gone")
    with app.app_context(), db.connection_context():
        link = Link.get(Link.maker == ada.id)
        record_check(link, Outcome(True, "rel-me"), 3, now=start)
        record_check(link, missing, 3, now=start + timedelta(days=1))
        record_check(link, missing, 3, now=start + timedelta(days=1, hours=3))  # same day
        assert (link.verified_at, link.failures) == (start, 1)
        record_check(link, missing, 3, now=start + timedelta(days=2, hours=1))
        assert Link.get_by_id(link.id).verified_at == start  # two failures: still verified
        record_check(link, missing, 3, now=start + timedelta(days=3, hours=2))
        link = Link.get_by_id(link.id)
        assert link.verified_at is None and link.failures == 0
        assert LinkCheck.select().where(LinkCheck.link == link).count() == 5


def test_recheck_links_renews_and_drops(app, runner, shop, make_maker):
    ada = make_maker("Ada Potter", links=[("website", shop.url("/ada")),
                                          ("social", shop.url("/gone"))])
    long_ago = utcnow() - timedelta(days=30)
    with app.app_context(), db.connection_context():
        Link.update(verified_at=long_ago, checked_at=long_ago, verified_by="rel-me",
                    failures=2, failed_at=long_ago).where(Link.maker == ada.id).execute()
    shop.page("/ada", f'<a rel="me" href="{PROFILE}">me</a>')
    result = runner.invoke(args=["recheck-links"])
    assert result.exit_code == 0, result.output
    assert "Checked 2 links: 1 still proven, 1 not found (1 of them lost their badge)." in (
        result.output)
    with app.app_context(), db.connection_context():
        kept, dropped = Link.for_maker(ada.id)
        assert kept.verified_at > long_ago and kept.failures == 0
        assert dropped.verified_at is None


def test_recheck_links_needs_the_sites_address(app, runner):
    app.config["SITE_URL"] = ""
    result = runner.invoke(args=["recheck-links"])
    assert result.exit_code != 0
    assert "Set SITE_URL" in result.output


# --- what a maker could try ------------------------------------------------------------


def test_a_new_address_makes_a_new_code(app, make_maker):
    ada = make_maker("Ada Potter", links=[("website", "https://a.example/")])
    with app.app_context(), db.connection_context():
        link = Link.get(Link.maker == ada.id)
        before = link_code(link)
        link.url = "https://b.example/"
        assert link_code(link) != before


@pytest.mark.parametrize("asked", [
    "https://shop.example/search?q=makers-dir:{code}",
    "https://shop.example/search?q=makers-dir%3A{quoted}",
    "https://shop.example/s?q={lower}",
])
def test_a_page_that_repeats_its_address_proves_no_code(app, asked):
    html = f"<p>You searched for makers-dir:{CODE}</p>"
    url = asked.format(code=CODE, quoted=CODE.replace("-", "%252D"), lower=CODE.lower())
    with app.app_context():
        assert not examine(page(html, url=url), PROFILE, CODE).proven
        assert not examine(page(html), PROFILE, CODE, asked_url=url).proven
        assert examine(page(html), PROFILE, CODE, asked_url="https://shop.example/").proven


def test_the_host_header_does_not_decide_the_profile_address(app, ada):
    """The address rel="me" must point to comes from SITE_URL, whatever Host says."""
    with app.test_request_context("/account/links", headers={"Host": "attacker.example"}):
        assert public_url("public.profile", slug="ada-potter") == PROFILE


@pytest.mark.parametrize("answer", [
    (200, [("Content-Type", "text/html")], b'<a rel="me" href="http://[x">me</a>'),
    (200, [("Content-Type", "text/html"), ("Link", '<http://[x>; rel="me"')], b"<p>hi</p>"),
    (200, [("Content-Type", "text/html")], b"<p>hi</p><![foo[ <p>more</p>"),
    (302, [("Location", "http://[x/")], b""),
])
def test_a_page_that_breaks_the_rules_of_html_or_urls_is_a_calm_no(client, app, shop, ada,
                                                                   answer):
    shop.routes["/ada"] = answer
    text = unescape(verify(client, app).get_data(as_text=True))
    assert "Not verified:" in text
    assert the_link(app).verified_at is None


def test_a_failing_proof_is_looked_at_again_the_next_day(app, runner, shop, make_maker):
    ada = make_maker("Ada Potter", links=[("website", shop.url("/gone"))])
    now = utcnow()
    with app.app_context(), db.connection_context():
        Link.update(verified_at=now - timedelta(days=3), checked_at=now - timedelta(hours=24),
                    failures=1, failed_at=now - timedelta(hours=24)).where(
            Link.maker == ada.id).execute()
    assert runner.invoke(args=["recheck-links"]).exit_code == 0
    assert shop.requests == ["/gone"]
    with app.app_context(), db.connection_context():
        assert Link.get(Link.maker == ada.id).failures == 2


def test_without_the_sites_address_production_does_not_verify(tmp_path, shop):
    app = create_app({"SECRET_KEY": "production-key", "WTF_CSRF_ENABLED": False,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
                      "UPLOAD_FOLDER": str(tmp_path / "up"), "RATELIMIT_ENABLED": False,
                      "MIN_FILL_SECONDS": 0, "FETCH_ALLOW_HOSTS": ["127.0.0.1"],
                      "FETCH_PORTS": [shop.port]})
    with app.app_context():
        init_db()
        with db.connection_context():
            maker = Maker.create(email="ada@example.com", display_name="Ada", slug="ada",
                                 password_hash=password_hash(PASSWORD))
            link = Link.create(maker=maker, kind="website", url=shop.url("/ada"), position=1)
    client = app.test_client()
    client.post("/login", data={"email": "ada@example.com", "password": PASSWORD})
    response = client.post(f"/account/links/{link.id}/verify", follow_redirects=True)
    assert "until the site&#39;s operator sets SITE_URL" in response.get_data(as_text=True)
    assert shop.requests == []
    db.close()
