"""Who may do what: anonymous visitors, other makers, forged forms, private data."""

import re

import pytest

from directory.extensions import db
from directory.models import Link, Maker
from tests.conftest import PASSWORD, hx, running_app

OWNER_LINKS = [("website", "https://ada.example/"), ("marketplace", "https://shop.example/ada")]

# What a maker can do to one link: (method, path, form data, owner's success status).
LINK_ACTIONS = [
    pytest.param(("GET", "/account/links/{link}/edit", {}, 200), id="edit-page"),
    pytest.param(
        ("POST", "/account/links/{link}",
         {"edit-kind": "social", "edit-url": "https://taken.example/", "edit-label": "Mine"},
         303),
        id="update",
    ),
    pytest.param(("POST", "/account/links/{link}/move", {"direction": "down"}, 303), id="move"),
    pytest.param(("POST", "/account/links/{link}/delete", {}, 303), id="delete"),
]

PROFILE = {
    "display_name": "Bob Turner",
    "slug": "bob-turner",
    "tagline": "Turned bowls",
    "about": "",
    "place": "Leeds, UK",
}


def snapshot(app):
    """Everything a request could change, as plain values."""
    with app.app_context(), db.connection_context():
        makers = [
            (m.id, m.email, m.display_name, m.slug, m.tagline, m.place, m.password_hash)
            for m in Maker.select().order_by(Maker.id)
        ]
        links = [
            (lk.id, lk.maker_id, lk.kind, lk.url, lk.label, lk.position, lk.verified_at)
            for lk in Link.select().order_by(Link.id)
        ]
        return makers, links


def first_link_id(app, maker_id):
    with app.app_context(), db.connection_context():
        return Link.for_maker(maker_id).first().id


@pytest.fixture
def ada(make_maker):
    """The owner of the links, not logged in."""
    return make_maker("Ada Potter", links=OWNER_LINKS, tagline="Wheel-thrown stoneware")


# --- anonymous visitors ------------------------------------------------------


# Anonymous visitors are sent to log in from every /account route (and every
# form post needs its CSRF token): tests/test_route_matrix.py, from the URL map.


def test_login_then_returns_to_the_page_asked_for(client, app, ada):
    path = f"/account/links/{first_link_id(app, ada.id)}/edit"
    location = client.get(path).headers["Location"]
    response = client.post(location, data={"email": "ada-potter@example.com",
                                           "password": PASSWORD})
    assert response.headers["Location"] == path
    assert client.get(path).status_code == 200


# --- another maker -----------------------------------------------------------


@pytest.fixture
def bob(make_maker, auth, ada):
    """Another maker, logged in on `client`, with a link of his own."""
    maker = make_maker("Bob Turner", links=[("website", "https://bob.example/")])
    auth.login(email="bob-turner@example.com")
    return maker


@pytest.mark.parametrize("action", LINK_ACTIONS)
def test_another_maker_cannot_touch_the_owners_link(client, app, ada, bob, action):
    method, path, data, _ = action
    path = path.format(link=first_link_id(app, ada.id))
    before = snapshot(app)
    response = client.open(path, method=method, data=data)
    assert response.status_code == 404
    assert b"We could not find that page" in response.data
    assert b"https://ada.example/" not in response.data
    assert snapshot(app) == before


@pytest.mark.parametrize("action", LINK_ACTIONS)
def test_another_maker_gets_404_with_htmx_too(client, app, ada, bob, action):
    method, path, data, _ = action
    path = path.format(link=first_link_id(app, ada.id))
    before = snapshot(app)
    response = client.open(path, method=method, data=data, headers={"HX-Request": "true"})
    assert response.status_code == 404
    assert b"https://ada.example/" not in response.data
    assert snapshot(app) == before


@pytest.mark.parametrize("action", LINK_ACTIONS)
def test_the_owner_can_act_on_the_link(client, app, auth, ada, action):
    method, path, data, status = action
    auth.login()
    link_id = first_link_id(app, ada.id)
    before = snapshot(app)
    response = client.open(path.format(link=link_id), method=method, data=data)
    assert response.status_code == status
    if method == "POST":
        assert response.headers["Location"] == "/account/links"
        assert snapshot(app) != before
    else:
        assert b"https://ada.example/" in response.data


def test_a_link_id_that_does_not_exist_is_not_found(client, app, ada, bob):
    missing = 10_000
    assert client.get(f"/account/links/{missing}/edit").status_code == 404
    assert client.post(f"/account/links/{missing}/delete").status_code == 404


def test_another_makers_links_page_lists_only_their_own(client, app, ada, bob):
    page = client.get("/account/links")
    assert page.status_code == 200
    assert b"https://bob.example/" in page.data
    assert b"https://ada.example/" not in page.data


def test_another_maker_can_still_edit_their_own_link(client, app, ada, bob):
    link_id = first_link_id(app, bob.id)
    response = client.post(f"/account/links/{link_id}",
                           data={"edit-kind": "gallery", "edit-url": "https://bob.example/new",
                                 "edit-label": ""})
    assert response.status_code == 303
    with app.app_context(), db.connection_context():
        assert Link.get_by_id(link_id).url == "https://bob.example/new"


# --- the profile form --------------------------------------------------------


def test_profile_post_changes_only_the_logged_in_makers_profile(client, app, ada, bob):
    ada_before = snapshot(app)[0][0]
    form = dict(PROFILE, id=str(ada.id), maker_id=str(ada.id), email=ada.email)
    response = client.post("/account", data=form)
    assert response.status_code == 303
    makers = snapshot(app)[0]
    assert makers[0] == ada_before
    bob_row = next(row for row in makers if row[0] == bob.id)
    assert bob_row[1:6] == ("bob-turner@example.com", "Bob Turner", "bob-turner",
                            "Turned bowls", "Leeds, UK")


def test_profile_post_cannot_take_another_makers_address(client, app, ada, bob):
    before = snapshot(app)
    response = client.post("/account", data=dict(PROFILE, slug=ada.slug))
    assert response.status_code == 422
    assert b"Another maker already has that address." in response.data
    assert snapshot(app) == before


# --- CSRF --------------------------------------------------------------------


@pytest.fixture
def csrf_app(app_config):
    """An app that checks CSRF tokens, as in production."""
    with running_app({**app_config, "WTF_CSRF_ENABLED": True}) as app:
        yield app


@pytest.fixture
def csrf_client(csrf_app):
    return csrf_app.test_client()


@pytest.fixture
def csrf_maker(csrf_app):
    """A maker with one link, in the CSRF-checking app's database."""
    with csrf_app.app_context(), db.connection_context():
        maker = Maker(email="ada@example.com", display_name="Ada Potter", slug="ada-potter")
        maker.set_password(PASSWORD)
        maker.save()
        Link.create(maker=maker, kind="website", url="https://ada.example/", position=1)
        return maker


TOKEN_INPUT = re.compile(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"')
TOKEN_HEADER = re.compile(r"hx-headers='\{\"X-CSRFToken\": \"([^\"]+)\"\}'")


def form_token(client, path):
    """The token from the hidden input of the form on the page at path."""
    page = client.get(path)
    assert page.status_code == 200
    return TOKEN_INPUT.search(page.get_data(as_text=True)).group(1)


def csrf_login(client):
    token = form_token(client, "/login")
    response = client.post("/login", data={"email": "ada@example.com", "password": PASSWORD,
                                           "csrf_token": token})
    assert response.status_code == 303
    assert client.get("/account").status_code == 200


def assert_expired(response):
    assert response.status_code == 400
    assert b"This form has expired" in response.data


def test_csrf_app_really_checks_tokens(csrf_app):
    assert csrf_app.config["WTF_CSRF_ENABLED"] is True


def test_signup_without_token_is_refused(csrf_client, csrf_app):
    response = csrf_client.post("/signup", data={"display_name": "Ada Potter",
                                                 "email": "ada@example.com",
                                                 "password": PASSWORD})
    assert_expired(response)
    with csrf_app.app_context(), db.connection_context():
        assert Maker.select().count() == 0


def test_signup_with_a_wrong_token_is_refused(csrf_client, csrf_app):
    form_token(csrf_client, "/signup")
    response = csrf_client.post("/signup", data={"display_name": "Ada Potter",
                                                 "email": "ada@example.com",
                                                 "password": PASSWORD,
                                                 "csrf_token": "forged"})
    assert_expired(response)
    with csrf_app.app_context(), db.connection_context():
        assert Maker.select().count() == 0


def test_signup_with_the_forms_token_succeeds(csrf_client, csrf_app):
    token = form_token(csrf_client, "/signup")
    response = csrf_client.post("/signup", data={"display_name": "Ada Potter",
                                                 "email": "ada@example.com",
                                                 "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 303
    assert response.headers["Location"] == "/account"
    with csrf_app.app_context(), db.connection_context():
        assert Maker.select().count() == 1


def test_login_without_token_is_refused(csrf_client, csrf_maker):
    response = csrf_client.post("/login", data={"email": "ada@example.com",
                                                "password": PASSWORD})
    assert_expired(response)
    assert csrf_client.get("/account").status_code == 302


def test_logout_without_token_is_refused(csrf_client, csrf_maker):
    csrf_login(csrf_client)
    assert_expired(csrf_client.post("/logout"))
    assert csrf_client.get("/account").status_code == 200  # still logged in


def test_profile_post_without_token_is_refused(csrf_client, csrf_app, csrf_maker):
    csrf_login(csrf_client)
    before = snapshot(csrf_app)
    assert_expired(csrf_client.post("/account", data=dict(PROFILE)))
    assert snapshot(csrf_app) == before


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/account/links", {"kind": "website", "url": "https://new.example/"}),
        ("/account/links/{link}", {"edit-kind": "website", "edit-url": "https://new.example/"}),
        ("/account/links/{link}/move", {"direction": "down"}),
        ("/account/links/{link}/delete", {}),
    ],
)
def test_link_posts_without_token_are_refused(csrf_client, csrf_app, csrf_maker, path, data):
    csrf_login(csrf_client)
    before = snapshot(csrf_app)
    link_id = before[1][0][0]
    assert_expired(csrf_client.post(path.format(link=link_id), data=data))
    assert snapshot(csrf_app) == before


def test_htmx_post_with_token_in_header_succeeds(csrf_client, csrf_app, csrf_maker):
    csrf_login(csrf_client)
    page = csrf_client.get("/account/links").get_data(as_text=True)
    token = TOKEN_HEADER.search(page).group(1)
    response = hx(csrf_client, "post", "/account/links",
                  data={"kind": "social", "url": "https://social.example/@ada", "label": ""},
                  headers={"X-CSRFToken": token})
    assert response.status_code == 200
    assert b"Link added." in response.data
    with csrf_app.app_context(), db.connection_context():
        assert Link.select().where(Link.url == "https://social.example/@ada").count() == 1


def test_htmx_post_without_header_token_is_refused(csrf_client, csrf_app, csrf_maker):
    csrf_login(csrf_client)
    before = snapshot(csrf_app)
    response = csrf_client.post("/account/links", headers={"HX-Request": "true"},
                                data={"kind": "social", "url": "https://social.example/@ada"})
    assert response.status_code == 400
    assert snapshot(csrf_app) == before


# --- private data ------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "htmx"),
    [("/", False), ("/", True), ("/makers", False), ("/makers", True),
     ("/makers/ada-potter", False), ("/makers/ada-potter", True)],
)
def test_visitors_never_see_a_makers_email(client, make_maker, path, htmx):
    make_maker("Ada Potter", email="secret-ada@example.com", tagline="Wheel-thrown stoneware",
               about="I throw pots.", place="Bristol, UK", crafts=["ceramics"])
    response = hx(client, "get", path) if htmx else client.get(path)
    assert response.status_code == 200
    assert b"Ada Potter" in response.data  # the maker is on the page...
    assert b"secret-ada" not in response.data  # ...but not their email


# --- unknown pages -----------------------------------------------------------


@pytest.mark.parametrize("path", ["/no-such-page", "/makers/unknown-slug", "/account/nothing"])
def test_unknown_pages_are_friendly_404s(client, make_maker, path):
    make_maker("Ada Potter")
    response = client.get(path)
    assert response.status_code == 404
    assert b"We could not find that page" in response.data
    assert b"Browse makers" in response.data
