"""Account security: mailed links (confirm, reset), account enumeration, ending
sessions, password rules, display names, mass assignment, methods, request size
limits, the outbox command and the session cookies."""

import re
import time
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from itsdangerous import TimestampSigner

import directory.auth.mail
import directory.models.makers
from directory import create_app
from directory.auth import tokens
from directory.auth.mail import read
from directory.database.migrations import init_db
from directory.extensions import db
from directory.models import Maker, utcnow
from tests.conftest import PASSWORD, running_app

NEW_PASSWORD = "a brand new kiln schedule"
DOES_NOT_WORK = b"This link does not work"
ANY_MORE = b"does not work any more"
TOO_LARGE = b"too large"
STAFF_MESSAGE = b"reads like one of the site"
COMMON_MESSAGE = b"one of the most common ones"
ADA = "ada-potter@example.com"


# --- helpers -----------------------------------------------------------------


def signup(client, name="Nell Newcomer", email="nell@example.com", password=PASSWORD,
           **extra):
    data = {"display_name": name, "email": email, "password": password, **extra}
    return client.post("/signup", data=data)


def fetch(app, email):
    """The maker as stored now, or None."""
    with app.app_context(), db.connection_context():
        return Maker.get_or_none(Maker.email == email)


def count_makers(app):
    with app.app_context(), db.connection_context():
        return Maker.select().count()


def outbox_files(app):
    folder = Path(app.config["OUTBOX_FOLDER"])
    return sorted(folder.glob("*.eml")) if folder.exists() else []


def mails(app):
    return [read(path) for path in outbox_files(app)]


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def link_path(message, kind):
    """The path (/confirm/<token> or /reset/<token>) of the link in a mail."""
    found = re.search(rf"https?://\S+/{kind}/\S+", body(message))
    assert found, body(message)
    return urlsplit(found.group(0)).path


def make_token(app, email, purpose, age=timedelta(0), monkeypatch=None):
    """A token for the maker, signed `age` ago."""
    with app.app_context(), db.connection_context():
        maker = Maker.get(Maker.email == email)
        if not age:
            return tokens.make(maker, purpose)
        signed_at = int(time.time() - age.total_seconds())
        with monkeypatch.context() as patch:
            patch.setattr(TimestampSigner, "get_timestamp", lambda self: signed_at)
            return tokens.make(maker, purpose)


def tamper(token):
    """The token with one character of its payload changed."""
    index = 1 if token.startswith(".") else 0
    swapped = "B" if token[index] != "B" else "C"
    return token[:index] + swapped + token[index + 1:]


def ask_reset(client, email=ADA):
    return client.post("/reset", data={"email": email})


def choose_password(client, path, password=NEW_PASSWORD, confirm=None):
    return client.post(path, data={"password": password,
                                   "confirm": password if confirm is None else confirm})


def change_password(client, current=PASSWORD, password=NEW_PASSWORD, confirm=None):
    return client.post("/account/password", data={
        "current": current, "password": password,
        "confirm": password if confirm is None else confirm})


def flashes(page):
    return re.findall(rb'<p class="flash flash-\w+">(.*?)</p>', page.data, re.S)


def copy_cookies(source, target, names=("session", "remember_token")):
    """Put `source`'s cookies into `target`, as a thief with a copy would."""
    for name in names:
        cookie = source.get_cookie(name)
        assert cookie is not None, name
        target.set_cookie(name, cookie.value)


def logged_in(client):
    """True when /account opens; False when it sends the visitor to log in."""
    response = client.get("/account")
    if response.status_code == 302:
        assert urlsplit(response.headers["Location"]).path == "/login"
        return False
    assert response.status_code == 200
    return True


def set_cookies(response, name):
    return [header for header in response.headers.getlist("Set-Cookie")
            if header.startswith(f"{name}=")]


# --- 1. the life of a mailed link ------------------------------------------------


def test_signup_mails_one_confirmation_link_to_the_new_address(client, app):
    assert outbox_files(app) == []
    assert signup(client).status_code == 303
    [message] = mails(app)
    assert message["To"] == "nell@example.com"
    assert "Confirm your email" in message["Subject"]
    assert link_path(message, "confirm").startswith("/confirm/")
    assert PASSWORD not in body(message)


def test_opening_the_confirmation_link_changes_nothing_until_the_button(client, app):
    signup(client)
    path = link_path(mails(app)[0], "confirm")
    scanner = app.test_client()  # a mail scanner opening the link, no cookies
    page = scanner.get(path)
    assert page.status_code == 200
    assert b"Confirm my email" in page.data
    assert b'method="post"' in page.data
    assert fetch(app, "nell@example.com").email_confirmed_at is None

    response = client.post(path)
    assert response.status_code == 303
    assert response.headers["Location"] == "/account"  # the maker is logged in here
    confirmed_at = fetch(app, "nell@example.com").email_confirmed_at
    assert confirmed_at is not None
    assert abs(utcnow() - confirmed_at) < timedelta(minutes=1)


def test_confirming_while_logged_out_sends_to_login(client, app):
    signup(client)
    path = link_path(mails(app)[0], "confirm")
    response = app.test_client().post(path)
    assert response.status_code == 303
    assert response.headers["Location"] == "/login"
    assert fetch(app, "nell@example.com").email_confirmed_at is not None


def test_a_tampered_confirmation_link_does_not_work(client, app):
    signup(client)
    path = link_path(mails(app)[0], "confirm")
    token = path.rsplit("/", 1)[1]
    for method in ("get", "post"):
        response = getattr(client, method)(f"/confirm/{tamper(token)}")
        assert response.status_code == 400
        assert DOES_NOT_WORK in response.data
        assert ANY_MORE not in response.data
    assert fetch(app, "nell@example.com").email_confirmed_at is None


def test_an_expired_confirmation_link_does_not_work_any_more(client, app, make_maker,
                                                             monkeypatch):
    make_maker("Nell Newcomer", email="nell@example.com", new=True)
    old = make_token(app, "nell@example.com", tokens.CONFIRM_EMAIL,
                     age=timedelta(days=4), monkeypatch=monkeypatch)
    for method in ("get", "post"):
        response = getattr(client, method)(f"/confirm/{old}")
        assert response.status_code == 400
        assert ANY_MORE in response.data
    assert fetch(app, "nell@example.com").email_confirmed_at is None

    # Two days is within the three a confirmation link lasts.
    recent = make_token(app, "nell@example.com", tokens.CONFIRM_EMAIL,
                        age=timedelta(days=2), monkeypatch=monkeypatch)
    assert client.post(f"/confirm/{recent}").status_code == 303
    assert fetch(app, "nell@example.com").email_confirmed_at is not None


def test_a_reset_link_lasts_an_hour(client, app, make_maker, monkeypatch):
    make_maker()
    old = make_token(app, ADA, tokens.RESET_PASSWORD, age=timedelta(hours=2),
                     monkeypatch=monkeypatch)
    response = choose_password(client, f"/reset/{old}")
    assert response.status_code == 400
    assert ANY_MORE in response.data
    assert fetch(app, ADA).check_password(PASSWORD)

    recent = make_token(app, ADA, tokens.RESET_PASSWORD, age=timedelta(minutes=50),
                        monkeypatch=monkeypatch)
    assert choose_password(client, f"/reset/{recent}").status_code == 303
    assert fetch(app, ADA).check_password(NEW_PASSWORD)


def test_a_confirmation_link_is_not_a_reset_link(client, app, make_maker):
    make_maker()
    confirm = make_token(app, ADA, tokens.CONFIRM_EMAIL)
    response = choose_password(client, f"/reset/{confirm}")
    assert response.status_code == 400
    assert fetch(app, ADA).check_password(PASSWORD)
    reset = make_token(app, ADA, tokens.RESET_PASSWORD)
    assert client.post(f"/confirm/{reset}").status_code == 400


def test_a_reset_link_works_once(client, app, make_maker, auth):
    make_maker()
    assert ask_reset(client).status_code == 303
    [message] = mails(app)
    assert message["To"] == ADA
    path = link_path(message, "reset")

    page = client.get(path)
    assert page.status_code == 200
    assert fetch(app, ADA).check_password(PASSWORD)  # opening it changes nothing

    response = choose_password(client, path)
    assert response.status_code == 303
    assert response.headers["Location"] == "/login"
    maker = fetch(app, ADA)
    assert maker.check_password(NEW_PASSWORD)
    assert maker.password_hash.startswith("scrypt:")

    for method in ("get", "post"):
        again = getattr(client, method)(path, data={"password": "yet another new one",
                                                   "confirm": "yet another new one"})
        assert again.status_code == 400
        assert DOES_NOT_WORK in again.data
    assert fetch(app, ADA).check_password(NEW_PASSWORD)
    assert auth.login(password=PASSWORD).status_code == 422
    assert auth.login(password=NEW_PASSWORD).status_code == 303


def test_a_reset_link_confirms_the_email_too(client, app, make_maker):
    make_maker("Nell Newcomer", email="nell@example.com", new=True)
    path = f"/reset/{make_token(app, 'nell@example.com', tokens.RESET_PASSWORD)}"
    assert choose_password(client, path).status_code == 303
    assert fetch(app, "nell@example.com").email_confirmed_at is not None


def test_the_reset_form_checks_the_new_password(client, app, make_maker):
    make_maker()
    path = f"/reset/{make_token(app, ADA, tokens.RESET_PASSWORD)}"
    mismatch = choose_password(client, path, confirm=NEW_PASSWORD + "!")
    assert mismatch.status_code == 422
    assert b"The two passwords are not the same" in mismatch.data
    common = choose_password(client, path, password="password123")
    assert common.status_code == 422
    assert COMMON_MESSAGE in common.data
    assert fetch(app, ADA).check_password(PASSWORD)
    assert choose_password(client, path).status_code == 303  # the link still works


def test_a_password_change_kills_earlier_reset_links(client, app, owner):
    assert ask_reset(app.test_client()).status_code == 303
    path = link_path(mails(app)[0], "reset")
    assert change_password(client).status_code == 303
    response = choose_password(app.test_client(), path, password="the thief's choice x")
    assert response.status_code == 400
    assert fetch(app, ADA).check_password(NEW_PASSWORD)


def test_a_reset_link_for_one_account_cannot_reset_another(client, app, make_maker):
    make_maker("Ada Potter")
    make_maker("Bo Weaver")
    bo = "bo-weaver@example.com"
    ask_reset(client, ADA)
    ada_path = link_path(mails(app)[0], "reset")
    assert choose_password(client, ada_path).status_code == 303
    assert fetch(app, ADA).check_password(NEW_PASSWORD)
    assert fetch(app, bo).check_password(PASSWORD)

    # A validly signed token naming Bo but bound to Ada's password hash: refused.
    with app.app_context(), db.connection_context():
        ada, bo_maker = Maker.get(Maker.email == ADA), Maker.get(Maker.email == bo)
        forged = tokens._serializer(tokens.RESET_PASSWORD).dumps(
            [bo_maker.id, tokens._binding(ada, tokens.RESET_PASSWORD)])
    assert choose_password(client, f"/reset/{forged}").status_code == 400
    assert fetch(app, bo).check_password(PASSWORD)


@pytest.mark.parametrize("payload", [["1", "x"], [1], "1", None, [1.0, "x"], {"id": 1}])
def test_odd_token_payloads_are_refused_not_crashed(app, make_maker, payload):
    make_maker()
    with app.app_context(), db.connection_context():
        token = tokens._serializer(tokens.RESET_PASSWORD).dumps(payload)
        with pytest.raises(tokens.TokenProblem) as problem:
            tokens.check(token, tokens.RESET_PASSWORD)
    assert problem.value.expired is False


def test_resend_confirmation_mails_only_unconfirmed_accounts(client, app, make_maker, auth):
    make_maker("Nell Newcomer", email="nell@example.com", new=True)
    auth.login(email="nell@example.com")
    response = client.post("/account/confirm")
    assert response.status_code == 303
    [message] = mails(app)
    assert message["To"] == "nell@example.com"
    assert client.post(link_path(message, "confirm")).status_code == 303
    client.post("/account/confirm")
    assert len(mails(app)) == 1  # already confirmed: nothing more to send


# --- 2. account enumeration ----------------------------------------------------


def test_asking_for_a_reset_says_the_same_whether_or_not_the_account_exists(app, make_maker):
    make_maker()
    answers = []
    for email in (ADA, "nobody@example.com"):
        visitor = app.test_client()
        response = ask_reset(visitor, email)
        page = visitor.get(response.headers["Location"])
        answers.append((response.status_code, response.headers["Location"],
                        response.data, flashes(page)))
    assert answers[0] == answers[1]
    status, location, _, messages = answers[0]
    assert (status, location) == (303, "/login")
    assert len(messages) == 1
    assert b"If an account uses that address" in messages[0]
    assert [message["To"] for message in mails(app)] == [ADA]


def test_no_reset_mail_for_an_account_with_an_unusable_password(client, app, make_maker):
    maker = make_maker()
    with app.app_context(), db.connection_context():
        maker.set_unusable_password()
        maker.save()
    response = ask_reset(client)
    assert response.status_code == 303
    assert outbox_files(app) == []


def test_failed_logins_give_the_same_page_for_either_mistake(app, make_maker):
    make_maker()
    pages = []
    for email, password in ((ADA, "wrong password!"), ("nobody@example.com", PASSWORD)):
        response = app.test_client().post("/login", data={"email": email,
                                                          "password": password})
        page = response.data.replace(email.encode(), b"EMAIL")
        page = re.sub(rb'"X-CSRFToken": "[^"]+"', b"TOKEN", page)  # differs per session
        pages.append((response.status_code, page))
    assert pages[0] == pages[1]
    assert pages[0][0] == 422


def test_login_does_the_same_work_for_an_unknown_email(client, make_maker, monkeypatch):
    """scrypt takes tens of milliseconds: skipping it for unknown addresses tells
    anyone with a stopwatch which addresses have accounts."""
    make_maker()
    calls = []
    real = directory.models.makers.check_password_hash

    def counting(hash_, password):
        calls.append(hash_)
        return real(hash_, password)

    monkeypatch.setattr(directory.models.makers, "check_password_hash", counting)
    client.post("/login", data={"email": ADA, "password": "wrong password!"})
    assert len(calls) == 1
    client.post("/login", data={"email": "nobody@example.com", "password": "wrong password!"})
    assert len(calls) == 2, "no password hash is checked for an unknown email"


# --- 3. ending sessions ----------------------------------------------------------


def test_start_session_drops_what_the_session_held_before_login(client, make_maker, auth):
    make_maker()
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    auth.login()
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"].endswith(":1")


def test_logout_ends_every_copy_of_the_session_and_remember_cookie(app, client, make_maker,
                                                                   auth):
    make_maker()
    auth.login(remember=True)
    thief = app.test_client()
    copy_cookies(client, thief)
    remembered = app.test_client()
    copy_cookies(client, remembered, names=("remember_token",))
    assert logged_in(thief)
    assert logged_in(remembered)  # the remember cookie alone logs in

    assert auth.logout().status_code == 303
    assert not logged_in(client)
    assert not logged_in(thief)
    late = app.test_client()
    copy_cookies(thief, late, names=("remember_token",))
    assert not logged_in(late)
    assert fetch(app, ADA).session_version == 2


def test_a_password_change_ends_other_sessions_and_keeps_this_one(app, client, make_maker,
                                                                  auth):
    make_maker()
    auth.login(remember=True)
    other_device = app.test_client()
    copy_cookies(client, other_device)
    remember_only = app.test_client()
    copy_cookies(client, remember_only, names=("remember_token",))

    response = change_password(client)
    assert response.status_code == 303
    assert response.headers["Location"] == "/account"
    assert logged_in(client)
    assert not logged_in(other_device)
    assert not logged_in(remember_only)
    assert fetch(app, ADA).check_password(NEW_PASSWORD)


def test_a_password_change_needs_the_current_password(client, app, owner):
    response = change_password(client, current="not my password at all")
    assert response.status_code == 422
    assert b"That is not your current password" in response.data
    assert logged_in(client)
    maker = fetch(app, ADA)
    assert maker.check_password(PASSWORD)
    assert maker.session_version == 1


def test_a_password_change_refuses_a_common_or_mistyped_password(client, app, owner):
    assert change_password(client, password="qwertyuiop").status_code == 422
    assert change_password(client, confirm="something else entirely").status_code == 422
    assert fetch(app, ADA).check_password(PASSWORD)


def test_the_password_page_needs_login(client):
    response = client.get("/account/password")
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/login"
    assert client.post("/account/password", data={"current": PASSWORD}).status_code == 302


def test_a_reset_by_mail_logs_out_every_earlier_session(app, client, make_maker, auth):
    make_maker()
    auth.login(remember=True)
    laptop = app.test_client()  # a second device, logged in on its own
    laptop.post("/login", data={"email": ADA, "password": PASSWORD, "remember": "y"})
    remember_only = app.test_client()
    copy_cookies(client, remember_only, names=("remember_token",))
    assert logged_in(client) and logged_in(laptop) and logged_in(remember_only)

    phone = app.test_client()
    ask_reset(phone)
    assert choose_password(phone, link_path(mails(app)[0], "reset")).status_code == 303
    assert not logged_in(client)
    assert not logged_in(laptop)
    assert not logged_in(remember_only)
    assert not logged_in(phone)  # a reset does not log in either


def test_a_session_id_without_a_version_is_logged_out(client, app, owner):
    with client.session_transaction() as session:
        session["_user_id"] = session["_user_id"].split(":")[0]
    assert not logged_in(client)


# --- 4. password rules -------------------------------------------------------------


@pytest.mark.parametrize("password", ["password123", "PASSWORD123", "PassWord123",
                                      "1234567890", "qwertyuiop"])
def test_common_passwords_are_refused_in_any_case(client, app, password):
    response = signup(client, password=password)
    assert response.status_code == 422
    assert COMMON_MESSAGE in response.data
    assert count_makers(app) == 0
    assert outbox_files(app) == []


@pytest.mark.parametrize(("length", "accepted"), [(9, False), (10, True)])
def test_passwords_need_ten_characters(client, app, length, accepted):
    password = "kiln-glaze-wheel"[:length]
    response = signup(client, password=password)
    assert (response.status_code == 303) is accepted
    assert count_makers(app) == (1 if accepted else 0)
    if not accepted:
        assert b"Use 10 to 128 characters" in response.data


def test_a_128_character_password_is_kept_whole(client, app, auth):
    password = "".join(f"{n:03d}k" for n in range(32))  # 128 characters, all different
    assert len(password) == 128
    assert signup(client, email="long@example.com", password=password).status_code == 303
    maker = fetch(app, "long@example.com")
    assert maker.password_hash.startswith("scrypt:")
    client.post("/logout")
    assert auth.login("long@example.com", password[:127]).status_code == 422
    assert auth.login("long@example.com", password + "x").status_code == 422
    assert auth.login("long@example.com", password[:72]).status_code == 422
    assert auth.login("long@example.com", password).status_code == 303


# --- 5. display names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored", "slug"),
    [
        ("Ada\u202ePotter\u200b", "AdaPotter", "adapotter"),
        ("\uff21\uff44\uff41", "Ada", "ada"),  # fullwidth "Ａｄａ"
        ("\ufeffAda\u2066 \u00adPotter\u2069", "Ada Potter", "ada-potter"),
        ("Ada   \t Potter", "Ada Potter", "ada-potter"),
        ("Ada\u0007Potter", "AdaPotter", "adapotter"),
        ("Ad\u034fa Potter", "Ada Potter", "ada-potter"),  # combining grapheme joiner
    ],
)
def test_display_names_are_cleaned_on_signup(client, app, typed, stored, slug):
    assert signup(client, name=typed).status_code == 303
    maker = fetch(app, "nell@example.com")
    assert maker.display_name == stored
    assert maker.slug == slug


def test_a_name_of_only_invisible_characters_is_refused(client, app):
    response = signup(client, name="\u200b\u202e\u2060")
    assert response.status_code == 422
    assert b"Tell visitors who you are" in response.data
    assert count_makers(app) == 0


STAFF_NAMES = [
    "Admin",
    "ADMIN",
    "Site Moderator",
    "M\u043ederat\u043er",  # Cyrillic о twice
    "M0derator",
    "The M0derators",
    "Adm1n",
    "Mod\u200berator",  # a zero-width space inside
    "\uff2d\uff4f\uff44\uff45\uff52\uff41\uff54\uff4f\uff52",  # fullwidth Moderator
    "Makers Directory",
    "makers' directory team",
    "Official Pottery",
    "St\u0430ff",  # Cyrillic а
]


@pytest.mark.parametrize("name", STAFF_NAMES)
def test_names_that_pose_as_staff_are_refused_on_signup(client, app, name):
    response = signup(client, name=name)
    assert response.status_code == 422
    assert STAFF_MESSAGE in response.data
    assert count_makers(app) == 0
    assert outbox_files(app) == []


@pytest.mark.parametrize("name", ["Site Admins", "The Administrators", "Site Officials",
                                  "SiteModerator", "MakersDirectory"])
def test_plural_and_glued_staff_words_are_refused(client, app, name):
    response = signup(client, name=name)
    assert response.status_code == 422, f"{name!r} was accepted"
    assert count_makers(app) == 0


@pytest.mark.parametrize("name", ["Staffordshire Pottery", "Moderna Glass", "Adminton Forge",
                                  "Directory Lane Makers"])
def test_names_that_only_contain_staff_letters_are_fine(client, app, name):
    assert signup(client, name=name).status_code == 303
    assert fetch(app, "nell@example.com").display_name == name


PROFILE = {
    "slug": "ada-potter",
    "tagline": "Pots.",
    "about": "",
    "crafts": ["ceramics"],
    "place": "Bristol, UK",
}


def test_the_profile_form_refuses_a_staff_name(client, app, owner):
    response = client.post("/account", data={**PROFILE, "display_name": "Site M0derator"})
    assert response.status_code == 422
    assert STAFF_MESSAGE in response.data
    assert fetch(app, ADA).display_name == "Ada Potter"


def test_the_profile_form_cleans_the_name(client, app, owner):
    response = client.post("/account", data={**PROFILE, "display_name": "Ada\u202e Potter"})
    assert response.status_code == 303
    assert fetch(app, ADA).display_name == "Ada Potter"


def test_a_moderator_may_keep_a_staff_name(client, app, make_maker, auth):
    make_maker("Mo the Moderator", role="moderator")
    auth.login("mo-the-moderator@example.com")
    response = client.post("/account", data={**PROFILE, "slug": "mo-the-moderator",
                                              "display_name": "Mo the Moderator"})
    assert response.status_code == 303
    assert fetch(app, "mo-the-moderator@example.com").display_name == "Mo the Moderator"


# --- 6. mass assignment -----------------------------------------------------------------

EXTRAS = {
    "role": "moderator",
    "status": "suspended",
    "moderation": "hidden",
    "session_version": "99",
    "email_confirmed_at": "2020-01-01 00:00:00",
    "vouched_at": "2020-01-01 00:00:00",
    "created_at": "2000-01-01 00:00:00",
    "id": "999",
    "password_hash": "!",
}


def test_signup_ignores_fields_it_does_not_offer(client, app):
    assert signup(client, **EXTRAS).status_code == 303
    maker = fetch(app, "nell@example.com")
    assert maker.id != 999
    assert maker.role == Maker.ROLE_MAKER
    assert maker.status == Maker.STATUS_ACTIVE
    assert maker.moderation != "hidden"
    assert maker.session_version == 1
    assert maker.email_confirmed_at is None
    assert maker.vouched_at is None
    assert maker.created_at > utcnow() - timedelta(minutes=1)
    assert maker.check_password(PASSWORD)


def test_the_profile_form_ignores_fields_it_does_not_offer(client, app, owner):
    before = fetch(app, ADA)
    extras = {**EXTRAS, "email_confirmed_at": "", "email": "thief@example.com",
              "avatar": "../../etc/passwd"}
    response = client.post("/account", data={**PROFILE, "display_name": "Ada P", **extras})
    assert response.status_code == 303
    after = fetch(app, ADA)
    assert after is not None and after.display_name == "Ada P"  # the form was saved
    for name in ("id", "role", "status", "moderation", "session_version",
                 "email_confirmed_at", "vouched_at", "created_at", "password_hash", "avatar"):
        assert getattr(after, name) == getattr(before, name), name
    assert fetch(app, "thief@example.com") is None
    assert logged_in(client)


# --- 7. methods ----------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "/account/confirm",
    "/account/photos",
    "/account/stories/preview",
    "/account/stories/1/photos/1",
    "/moderation/stories/1/actions",
    "/moderation/makers/1/actions",
])
def test_actions_refuse_get(client, make_maker, auth, url):
    make_maker("Mo the Moderator", role="moderator")
    auth.login("mo-the-moderator@example.com")
    response = client.get(url)
    assert response.status_code == 405
    assert b"That action is not available here" in response.data


def test_a_405_says_which_methods_are_allowed(client, owner):
    """HTTP requires an Allow header on a 405 (RFC 9110, 15.5.6)."""
    response = client.get("/account/confirm")
    assert response.status_code == 405
    assert "POST" in response.headers.get("Allow", "")


def test_a_get_on_resend_confirmation_sends_nothing(client, app, make_maker, auth):
    make_maker("Nell Newcomer", email="nell@example.com", new=True)
    auth.login(email="nell@example.com")
    assert client.get("/account/confirm").status_code == 405
    assert outbox_files(app) == []


# --- 8. request size limits ------------------------------------------------------------


def too_many_fields(count):
    return {"email": ADA, "password": PASSWORD,
            **{f"field{n}": "x" for n in range(count)}}


def test_a_multipart_form_with_too_many_parts_is_refused(client, app, make_maker):
    make_maker()
    limit = app.config["MAX_FORM_PARTS"]
    response = client.post("/login", data=too_many_fields(limit),
                           content_type="multipart/form-data")
    assert response.status_code == 413
    assert TOO_LARGE in response.data
    assert b"<html" in response.data  # the site's own page, not werkzeug's
    assert client.get("/account").status_code == 302


def test_a_multipart_form_within_the_part_limit_is_read(client, app, make_maker):
    make_maker()
    limit = app.config["MAX_FORM_PARTS"]
    response = client.post("/login", data=too_many_fields(limit - 10),
                           content_type="multipart/form-data")
    assert response.status_code == 303


def test_an_urlencoded_form_with_too_many_fields_is_refused(client, app, make_maker):
    """MAX_FORM_PARTS promises a cap on the number of form fields; werkzeug
    applies it to multipart bodies only, and every form here but the photo
    uploads is sent urlencoded."""
    make_maker()
    limit = app.config["MAX_FORM_PARTS"]
    response = client.post("/login", data=too_many_fields(limit * 50))
    assert response.status_code == 413


@pytest.fixture
def small_body_config(app_config):
    app_config["MAX_CONTENT_LENGTH"] = 1000
    return app_config


def test_a_body_over_max_content_length_gets_the_friendly_page(small_body_config, client, app,
                                                               make_maker):
    make_maker()
    response = client.post("/login", data={"email": ADA, "password": "p" * 2000})
    assert response.status_code == 413
    assert TOO_LARGE in response.data
    assert b"Error 413" in response.data
    assert client.get("/account").status_code == 302
    assert client.post("/login", data={"email": ADA, "password": PASSWORD}).status_code == 303


def test_a_multipart_text_part_over_max_form_memory_size_is_refused(app_config):
    app_config["MAX_FORM_MEMORY_SIZE"] = 500
    with running_app(app_config) as app:
        client = app.test_client()
        response = client.post("/reset", data={"email": "a" * 600 + "@example.com"},
                               content_type="multipart/form-data")
        assert response.status_code == 413
        assert TOO_LARGE in response.data


# --- 9. the outbox command ------------------------------------------------------------


def test_outbox_says_when_it_is_empty(runner):
    result = runner.invoke(args=["outbox"])
    assert result.exit_code == 0, result.output
    assert "The outbox is empty." in result.output
    result = runner.invoke(args=["outbox", "--last"])
    assert "The outbox is empty." in result.output


def test_outbox_lists_and_shows_the_mail(runner, client, app):
    signup(client)
    result = runner.invoke(args=["outbox"])
    assert result.exit_code == 0, result.output
    [line] = result.output.strip().splitlines()
    assert "nell@example.com" in line
    assert "Confirm your email for Makers' Directory" in line
    assert line.split()[0] == outbox_files(app)[0].name

    last = runner.invoke(args=["outbox", "--last"])
    assert last.exit_code == 0, last.output
    assert "To: nell@example.com" in last.output
    found = re.search(r"https?://\S+/confirm/\S+", last.output)
    assert found
    assert urlsplit(found.group(0)).path == link_path(mails(app)[0], "confirm")


def test_outbox_last_is_the_newest_mail_even_within_one_second(runner, client, app,
                                                               monkeypatch):
    """Two mails written at the same instant, the second with the smaller random
    part of its name, still list oldest first."""
    names = iter(["ffffffff", "00000000"])
    monkeypatch.setattr(directory.auth.mail, "secrets",
                        SimpleNamespace(token_hex=lambda nbytes: next(names)))
    monkeypatch.setattr(directory.auth.mail, "time",
                        SimpleNamespace(time_ns=lambda: 1_735_732_800_000_000_000))
    signup(client, email="first@example.com")
    client.post("/logout")
    signup(app.test_client(), name="Second Maker", email="second@example.com")
    last = runner.invoke(args=["outbox", "--last"])
    assert "To: second@example.com" in last.output
    listing = runner.invoke(args=["outbox"]).output.strip().splitlines()
    assert "first@example.com" in listing[0]  # oldest first


# --- 10. cookies -------------------------------------------------------------------------


def test_session_and_remember_cookies_are_httponly_and_lax(client, make_maker, auth):
    make_maker()
    response = auth.login(remember=True)
    for name in ("session", "remember_token"):
        [header] = set_cookies(response, name)
        assert "HttpOnly" in header, header
        assert "SameSite=Lax" in header, header
        assert "Secure" not in header, header  # plain http in development


@pytest.fixture
def secure_config(app_config):
    app_config["SESSION_COOKIE_SECURE"] = True
    return app_config


def test_the_session_cookie_is_secure_when_configured(secure_config, client, make_maker,
                                                      auth):
    make_maker()
    response = auth.login()
    [header] = set_cookies(response, "session")
    assert "Secure" in header
    assert "HttpOnly" in header
    assert "Strict-Transport-Security" in response.headers


def test_secure_cookies_from_the_environment_cover_remember_me(monkeypatch, app_config):
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "1")
    with running_app(app_config) as app:
        client = app.test_client()
        assert signup(client, email=ADA).status_code == 303
        assert "Secure" in set_cookies(client.post("/logout"), "session")[0]
        response = client.post(
            "/login", data={"email": ADA, "password": PASSWORD, "remember": "y"})
        assert response.status_code == 303
        for name in ("session", "remember_token"):
            [header] = set_cookies(response, name)
            assert "Secure" in header, header


def test_a_mail_that_cannot_be_built_is_logged_not_a_500(client, app, make_maker, caplog):
    """An older account with a non-ASCII mailbox name asks for a reset link."""
    make_maker("Üla Potter", email="üla@example.com")
    response = client.post("/reset", data={"email": "üla@example.com"})
    assert response.status_code == 303
    assert "was not sent" in caplog.text
    assert not list(Path(app.config["OUTBOX_FOLDER"]).glob("*.eml"))


def test_an_unreachable_mail_server_does_not_break_signup(app_config, caplog):
    app = create_app({**app_config, "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": 9,
                      "MAIL_SUPPRESS_SEND": False})
    with app.app_context():
        init_db()
    response = app.test_client().post("/signup", data={
        "display_name": "Nell Turner", "email": "nell@example.com",
        "password": "a long and unusual passphrase"})
    assert response.status_code == 303
    assert "was not sent" in caplog.text
