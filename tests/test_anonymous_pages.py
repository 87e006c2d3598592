"""Public pages carry nothing of one visitor's: no session cookie and no CSRF
token, so any cache may keep them. Forms that need a token bring their own
(the report form is fetched when its disclosure opens), and every POST still
needs one (tests/test_route_matrix.py)."""

import pytest

from directory.extensions import db
from directory.models import Maker
from tests.conftest import PASSWORD, running_app
from tests.test_stories import make_story

PUBLIC_PAGES = ["/", "/makers", "/makers?craft=ceramics", "/makers/ada-potter",
                "/stories/{story}", "/search?q=moon", "/moderation/log",
                "/feeds/stories.atom", "/makers/ada-potter/feed.atom", "/sitemap.xml",
                "/events", "/places/bristol-uk", "/events.ics", "/makers/ada-potter/events.ics"]


@pytest.fixture
def site(app_config):
    """An app that checks CSRF tokens, as in production, with a maker and a story."""
    with running_app({**app_config, "WTF_CSRF_ENABLED": True}) as app:
        yield app


@pytest.fixture
def story(site):
    with site.app_context(), db.connection_context():
        maker = Maker(email="ada@example.com", display_name="Ada Potter", slug="ada-potter",
                      tagline="Moon jars", place="Bristol, UK", place_key="bristol-uk")
        maker.set_password(PASSWORD)
        maker.save()
        maker.set_crafts(["ceramics"])
    return make_story(site, maker, title="Throwing a moon jar", photos=1)


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_public_page_holds_nothing_of_the_visitors(site, story, path, htmx):
    client = site.test_client()
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.get(path.format(story=story), headers=headers)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    body = response.get_data(as_text=True)
    assert "csrf" not in body.lower()
    assert client.get_cookie("session") is None


def test_the_report_form_brings_its_own_token(site, story):
    client = site.test_client()
    page = client.get(f"/stories/{story}").get_data(as_text=True)
    assert f'hx-get="/stories/{story}/report"' in page
    assert f'<a href="/stories/{story}/report">' in page  # without JavaScript
    form = client.get(f"/stories/{story}/report", headers={"HX-Request": "true"})
    assert 'name="csrf_token"' in form.get_data(as_text=True)
    assert "session=" in form.headers.get("Set-Cookie", "")


def test_the_kind_word_form_brings_its_own_token(site, story):
    client = site.test_client()
    page = client.get("/makers/ada-potter").get_data(as_text=True)
    assert 'hx-get="/makers/ada-potter/kind-words/new"' in page
    assert '<a href="/makers/ada-potter/kind-words/new">' in page  # without JavaScript
    form = client.get("/makers/ada-potter/kind-words/new", headers={"HX-Request": "true"})
    assert 'name="csrf_token"' in form.get_data(as_text=True)
    assert "session=" in form.headers.get("Set-Cookie", "")


def test_logged_in_pages_still_send_their_token_with_htmx(site, story):
    client = site.test_client()
    login_page = client.get("/login").get_data(as_text=True)
    token = login_page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = client.post("/login", data={"email": "ada@example.com", "password": PASSWORD,
                                           "csrf_token": token})
    assert response.status_code == 303
    page = client.get("/account/links").get_data(as_text=True)
    assert "hx-headers='{\"X-CSRFToken\": \"" in page
