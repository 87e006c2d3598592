"""Sign-up, login, logout and remember-me, with every way the forms can be wrong."""

import pytest

from directory.extensions import db
from directory.models import Maker
from tests.conftest import PASSWORD


def signup(client, name="Ada Potter", email="ada@example.com", password=PASSWORD):
    return client.post(
        "/signup", data={"display_name": name, "email": email, "password": password}
    )


def test_signup_creates_account_and_logs_in(client, app):
    response = signup(client)
    assert response.status_code == 303
    assert response.headers["Location"] == "/account"
    page = client.get("/account")
    assert page.status_code == 200
    assert b"Your profile is live" in page.data
    with app.app_context():
        maker = Maker.get(Maker.email == "ada@example.com")
        assert maker.slug == "ada-potter"
        assert maker.password_hash.startswith("scrypt:")
        assert PASSWORD not in maker.password_hash


def test_signup_stores_email_lower_case_and_refuses_duplicate_any_case(client, app):
    signup(client, email="Ada@Example.com")
    client.post("/logout")
    response = signup(client, name="Someone Else", email="ADA@example.COM")
    assert response.status_code == 422
    assert b"An account with this email already exists" in response.data
    assert b"Someone Else" in response.data  # what the user typed is kept
    with app.app_context():
        assert Maker.select().count() == 1
        assert Maker.get().email == "ada@example.com"


def test_two_makers_with_one_name_get_different_slugs(client, app):
    signup(client, email="a@example.com")
    client.post("/logout")
    signup(client, email="b@example.com")
    with app.app_context():
        assert sorted(m.slug for m in Maker.select()) == ["ada-potter", "ada-potter-2"]


def test_reserved_name_does_not_become_a_reserved_slug(client, app):
    signup(client, name="Search")
    with app.app_context():
        assert Maker.get().slug == "search-2"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "not-an-email"}, b"does not look like an email"),
        ({"email": ""}, b"Enter your email address"),
        ({"password": "short"}, b"Use 10 to 128 characters"),
        ({"password": "x" * 129}, b"Use 10 to 128 characters"),
        ({"display_name": ""}, b"Tell visitors who you are"),
        ({"display_name": "n" * 81}, b"Field cannot be longer than 80 characters"),
    ],
)
def test_signup_errors_show_next_to_the_field_and_keep_input(client, app, data, message):
    form = {"display_name": "Ada Potter", "email": "ada@example.com", "password": PASSWORD}
    form.update(data)
    response = client.post("/signup", data=form)
    assert response.status_code == 422
    assert message in response.data
    assert b'class="error"' in response.data
    if form["email"]:
        assert form["email"].encode() in response.data
    assert PASSWORD.encode() not in response.data  # never echo a password
    with app.app_context():
        assert Maker.select().count() == 0


def test_login_logout_login(client, make_maker, auth):
    make_maker()
    response = auth.login()
    assert response.status_code == 303
    assert b"Log out" in client.get("/").data
    assert auth.logout().status_code == 303
    assert client.get("/account").status_code == 302
    auth.login()
    assert client.get("/account").status_code == 200


def test_login_is_case_insensitive_on_email(client, make_maker, auth):
    make_maker()
    assert auth.login(email="  ADA-POTTER@example.com ").status_code == 303


@pytest.mark.parametrize(
    ("email", "password"),
    [("ada-potter@example.com", "wrong password"), ("nobody@example.com", PASSWORD)],
)
def test_failed_login_says_the_same_for_either_mistake(client, make_maker, auth, email, password):
    make_maker()
    response = auth.login(email=email, password=password)
    assert response.status_code == 422
    assert b"do not match an account" in response.data
    assert email.encode() in response.data
    assert client.get("/account").status_code == 302


def test_logout_needs_post(client, owner):
    assert client.get("/logout").status_code == 405
    assert client.get("/account").status_code == 200


def test_remember_me_survives_the_end_of_the_session(client, make_maker, auth):
    make_maker()
    auth.login(remember=True)
    assert client.get_cookie("remember_token") is not None
    client.delete_cookie("session")
    assert client.get("/account").status_code == 200


def test_without_remember_me_closing_the_browser_logs_out(client, make_maker, auth):
    make_maker()
    auth.login(remember=False)
    assert client.get_cookie("remember_token") is None
    client.delete_cookie("session")
    assert client.get("/account").status_code == 302


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/makers", "/makers"),
        ("//evil.example", "/account"),
        ("https://evil.example/", "/account"),
        ("/\\evil.example", "/account"),
        ("javascript:alert(1)", "/account"),
    ],
)
def test_login_redirects_only_within_the_site(client, make_maker, target, expected):
    make_maker()
    response = client.post(
        "/login", query_string={"next": target},
        data={"email": "ada-potter@example.com", "password": PASSWORD},
    )
    assert response.headers["Location"] == expected


def test_deleted_account_session_is_logged_out(client, app, owner):
    with app.app_context(), db.connection_context():
        Maker.delete().execute()
    assert client.get("/account").status_code == 302


def test_an_account_with_an_unusable_password_cannot_log_in(client, app, make_maker, auth):
    maker = make_maker()
    with app.app_context(), db.connection_context():
        maker.set_unusable_password()
        maker.save()
    for password in ("!", "", PASSWORD):
        assert auth.login(password=password).status_code == 422
