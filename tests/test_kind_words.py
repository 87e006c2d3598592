"""Kind words and customer codes: the code's life cycle, the maker's approval,
moderation, the abuse guards, and what a maker's data holds."""

import io
import json
import re
import time
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from directory.extensions import db
from directory.models import (
    CodeBatch,
    CustomerCode,
    KindWord,
    Maker,
    ModerationAction,
    Review,
    utcnow,
)
from directory.safety import codes
from directory.writes import kind_words as writes
from tests.conftest import PASSWORD, hx, running_app

CODE_FAILED = "That code did not work."
CODE_SHOWN = re.compile(r'stall-card-code">([0-9A-Z]{5}-[0-9A-Z]{5})<')


def make_codes(client, size=3, note="Hebden Makers' Fair, May"):
    """Make a batch through the maker's page; the printed codes, from the stall cards."""
    response = client.post("/account/kind-words", data={"size": str(size), "note": note})
    assert response.status_code == 303
    batch_id = int(response.headers["Location"].rsplit("-", 1)[1])
    sheet = client.get(f"/account/kind-words/batches/{batch_id}/cards").get_data(as_text=True)
    printed = CODE_SHOWN.findall(sheet)
    assert len(printed) == size
    return batch_id, printed


def leave(client, slug="ada-potter", text="The jug pours beautifully.", author="Jo", code="",
          **extra):
    return client.post(f"/makers/{slug}/kind-words/new",
                       data={"author": author, "text": text, "code": code, **extra})


def kind_words(app, **where):
    with app.app_context(), db.connection_context():
        query = KindWord.select().order_by(KindWord.id)
        for name, value in where.items():
            query = query.where(getattr(KindWord, name) == value)
        return list(query)


def share_all(app):
    with app.app_context(), db.connection_context():
        KindWord.update(approval=KindWord.APPROVED).execute()


@pytest.fixture
def visitor(app):
    return app.test_client()


# --- the codes ---------------------------------------------------------------

def test_codes_are_ten_crockford_characters_and_only_their_hashes_are_stored(app, owner,
                                                                             client):
    batch_id, printed = make_codes(client, size=20)
    assert len(set(printed)) == 20
    with app.app_context(), db.connection_context():
        stored = db.execute_sql("SELECT * FROM customer_code").fetchall()
        stored += db.execute_sql("SELECT * FROM code_batch").fetchall()
    dump = repr(stored)
    for code in printed:
        assert code not in dump and code.replace("-", "") not in dump
    with app.app_context(), db.connection_context():
        assert CustomerCode.select().count() == 20
        assert codes.canonical("k7qxm-2pdic") == "K7QXM2PD1C"
        assert codes.canonical("K7QXM 2PD1C") == "K7QXM2PD1C"
        assert codes.canonical("o0il1-abcde") == "00111ABCDE"
        assert codes.canonical("too-short") is None
        assert codes.canonical("UUUUU-UUUUU") is None  # U is not Crockford


def lenient(code):
    """The same code as a person might type it: lower case, a space, O for 0, l for 1."""
    text = code.lower().replace("-", " ")
    return text.replace("0", "o").replace("1", "l")


def test_a_code_marks_the_kind_word_from_a_customer_once(app, owner, client, visitor):
    _, printed = make_codes(client)
    response = leave(visitor, code=lenient(printed[0]))
    assert response.status_code == 303
    [word] = kind_words(app)
    assert (word.from_customer, word.met_at) == (True, "Hebden Makers' Fair, May")
    assert word.approval == KindWord.WAITING

    again = leave(visitor, text="Second try", code=printed[0])  # reuse refused
    assert again.status_code == 422
    assert CODE_FAILED in again.get_data(as_text=True)
    assert 'value="Second try"' in again.get_data(as_text=True) or "Second try" in \
        again.get_data(as_text=True)
    assert len(kind_words(app)) == 1
    # The kind word can still be sent, without the code.
    assert leave(visitor, text="Second try").status_code == 303
    assert [w.from_customer for w in kind_words(app)] == [True, False]


def test_every_bad_code_gets_the_same_calm_answer(app, owner, client, make_maker, visitor):
    batch_id, printed = make_codes(client, size=4)
    other = make_maker("Bea Weaver")
    with app.app_context(), db.connection_context():
        other_batch = writes.make_batch(other.id, 1, "", 365)
        other_code = codes.code_of(other_batch.salt, 1)
        # An expired batch.
        expired = writes.make_batch(owner.id, 1, "", 365)
        CodeBatch.update(expires_at=utcnow() - timedelta(seconds=1)).where(
            CodeBatch.id == expired.id).execute()
        expired_code = codes.code_of(expired.salt, 1)
    assert client.post(f"/account/kind-words/batches/{batch_id}/revoke").status_code == 303
    assert leave(visitor, code=printed[3]).status_code == 422  # revoked
    answers = set()
    for code in (printed[0], other_code, expired_code, "ZZZZZ-ZZZZZ", "not a code",
                 "<script>"):
        response = leave(visitor, code=code)
        assert response.status_code == 422, code
        body = response.get_data(as_text=True)
        errors = re.findall(r'class="error"[^>]*>([^<]*)<', body)
        answers.add(tuple(errors))
    assert answers == {(f"{CODE_FAILED} Check it and send again, or clear it to send your "
                        "kind word without it.",)}
    assert kind_words(app) == []
    # Another maker's code works for that maker only.
    assert leave(visitor, slug=other.slug, code=other_code).status_code == 303


def test_codes_expire_after_the_configured_days(app_config, tmp_path):
    with running_app({**app_config, "KIND_WORD_CODE_DAYS": 30}) as app, app.app_context(), \
            db.connection_context():
        maker = Maker.create(email="m@example.com", password_hash="!", display_name="M",
                             slug="m")
        batch = writes.make_batch(maker.id, 1, "", app.config["KIND_WORD_CODE_DAYS"])
        assert batch.expires_at - batch.created_at == timedelta(days=30)
        code = codes.code_of(batch.salt, 1)
        with pytest.raises(writes.CodeRefused):
            writes.use_code(maker.id, code, now=utcnow() + timedelta(days=31))
        assert writes.use_code(maker.id, code).id == batch.id


def test_a_batch_holds_one_to_two_hundred_codes(app, owner, client):
    for size in ("0", "201", "many", ""):
        response = client.post("/account/kind-words", data={"size": size, "note": "x"})
        assert response.status_code == 422, size
        assert "1 to 200" in response.get_data(as_text=True)
    assert make_codes(client, size=200)[1]
    with app.app_context(), db.connection_context():
        assert CodeBatch.select().count() == 1


def test_a_maker_cannot_touch_another_makers_batches_or_kind_words(app, owner, client,
                                                                   make_maker, auth):
    visitor = app.test_client()
    batch_id, _ = make_codes(client)
    leave(visitor)
    [word] = kind_words(app)
    make_maker("Bea Weaver")
    auth.logout()
    auth.login("bea-weaver@example.com")
    for path in (f"/account/kind-words/batches/{batch_id}/cards",
                 f"/account/kind-words/batches/{batch_id}/cards/1.png"):
        assert client.get(path).status_code == 404
    assert client.post(f"/account/kind-words/batches/{batch_id}/revoke").status_code == 404
    assert client.post(f"/account/kind-words/{word.id}/decide",
                       data={"choice": "share"}).status_code == 404
    assert "The jug pours" not in client.get("/account/kind-words").get_data(as_text=True)
    with app.app_context(), db.connection_context():
        assert CodeBatch.get_by_id(batch_id).revoked_at is None
    assert kind_words(app)[0].approval == KindWord.WAITING


# --- approval ---------------------------------------------------------------

def test_nothing_unapproved_is_ever_public(app, owner, client, visitor):
    leave(visitor, text="Waiting words")
    [word] = kind_words(app)
    report_url = f"/makers/ada-potter/kind-words/{word.id}/report"
    assert "Waiting words" not in visitor.get("/makers/ada-potter").get_data(as_text=True)
    assert visitor.get(report_url).status_code == 404
    # The maker sees it, waiting.
    assert "Waiting words" in client.get("/account/kind-words").get_data(as_text=True)

    assert client.post(f"/account/kind-words/{word.id}/decide",
                       data={"choice": "share"}).status_code == 303
    assert "Waiting words" in visitor.get("/makers/ada-potter").get_data(as_text=True)
    assert visitor.get(report_url).status_code == 200

    assert client.post(f"/account/kind-words/{word.id}/decide",
                       data={"choice": "keep"}).status_code == 303
    assert "Waiting words" not in visitor.get("/makers/ada-potter").get_data(as_text=True)
    assert client.post(f"/account/kind-words/{word.id}/decide",
                       data={"choice": "publish"}).status_code == 400

    # Approved, but hidden by moderation, or on a suspended account: not public.
    for change in ({"moderation": "hidden"}, {"moderation": "held"}):
        with app.app_context(), db.connection_context():
            KindWord.update(approval=KindWord.APPROVED, **change).execute()
            assert KindWord.visible_to(None).count() == 0
        assert "Waiting words" not in visitor.get("/makers/ada-potter").get_data(as_text=True)
    with app.app_context(), db.connection_context():
        KindWord.update(moderation="visible").execute()
        Maker.update(status=Maker.STATUS_SUSPENDED).execute()
        assert KindWord.visible_to(None).count() == 0


def test_the_profile_shows_shared_kind_words_newest_first_without_counts(app, owner, client,
                                                                         visitor):
    _, printed = make_codes(client, note="Hebden Makers' Fair")
    leave(visitor, text="First words")
    leave(visitor, text="Second words", code=printed[0])
    share_all(app)
    page = visitor.get("/makers/ada-potter").get_data(as_text=True)
    section = page.split('id="kind-words"')[1].split("</section>")[0]
    assert section.index("Second words") < section.index("First words")
    assert "from a customer</span> · met at Hebden Makers&#39; Fair" in section
    assert "chooses which kind words to share" in section
    lowered = section.lower()
    for word in ("review", "star", "rating", "average", "2 kind words"):
        assert word not in lowered, word


def test_kind_word_text_is_plain_text_everywhere(app, owner, client, visitor, make_maker):
    attack = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    leave(visitor, author="<b>Jo</b>", text=attack + "\n[link](javascript:alert(3))")
    share_all(app)
    moderator = make_maker("Mo Derator", role=Maker.ROLE_MODERATOR)
    [word] = kind_words(app)
    pages = [visitor.get("/makers/ada-potter"), client.get("/account/kind-words")]
    mod = app.test_client()
    mod.post("/login", data={"email": moderator.email, "password": PASSWORD})
    pages.append(mod.get(f"/moderation/kind-words/{word.id}"))
    for response in pages:
        body = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "<script>alert(1)" not in body and "<img src=x" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
        assert "<b>Jo</b>" not in body
        assert 'href="javascript' not in body


# --- the form ---------------------------------------------------------------

def test_bad_input_gets_field_errors_with_the_input_kept(app, owner, visitor):
    for author, text, message in (("", "Lovely", "first name or initials"),
                                  ("Jo", "", "Write a few words"),
                                  ("J" * 41, "Lovely", "under 40"),
                                  ("Jo", "x" * 1001, "under 1000")):
        response = leave(visitor, author=author, text=text)
        assert response.status_code == 422
        body = response.get_data(as_text=True)
        assert message in body
        if text and len(text) < 50:
            assert text in body
    assert kind_words(app) == []


def test_the_profile_fetches_the_form_on_demand(app, owner, visitor):
    page = visitor.get("/makers/ada-potter").get_data(as_text=True)
    assert 'hx-get="/makers/ada-potter/kind-words/new"' in page
    assert '<a href="/makers/ada-potter/kind-words/new">' in page  # without JavaScript
    assert "csrf" not in page.lower()
    fragment = hx(visitor, "get", "/makers/ada-potter/kind-words/new")
    assert 'id="kind-word-form"' in fragment.get_data(as_text=True)
    thanks = hx(visitor, "post", "/makers/ada-potter/kind-words/new",
                data={"author": "Jo", "text": "Lovely"})
    assert thanks.status_code == 200
    assert "makers choose which kind words to share" in thanks.get_data(as_text=True)


def test_a_cards_address_fills_in_its_code(app, owner, client, visitor):
    _, printed = make_codes(client)
    page = visitor.get(f"/makers/ada-potter/kind-words/new?code={printed[1].lower()}")
    assert f'value="{printed[1]}"' in page.get_data(as_text=True)


def test_no_form_for_a_hidden_profile_or_for_the_maker(app, owner, client, visitor):
    assert "Leave a kind word" not in client.get("/makers/ada-potter").get_data(as_text=True)
    with app.app_context(), db.connection_context():
        Maker.update(moderation="hidden").execute()
    assert visitor.get("/makers/ada-potter/kind-words/new").status_code == 404
    assert leave(visitor).status_code == 404
    assert kind_words(app) == []


@pytest.fixture
def guarded(app_config):
    """An app with the human checks and the rate limits on."""
    with running_app({**app_config, "MIN_FILL_SECONDS": 3, "RATELIMIT_ENABLED": True,
                      "KIND_WORD_LIMIT": "2 per hour",
                      "KIND_WORD_MAKER_LIMIT": "3 per day"}) as app:
        yield app


def started(client, path):
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="started" type="hidden" value="([^"]+)"', page).group(1)


def test_honeypot_and_fill_time(guarded, monkeypatch):
    guarded.config.update(KIND_WORD_LIMIT="100 per hour", KIND_WORD_MAKER_LIMIT="100 per day")
    with guarded.app_context(), db.connection_context():
        Maker.create(email="a@example.com", password_hash="!", display_name="Ada Potter",
                     slug="ada-potter")
    client = guarded.test_client()
    path = "/makers/ada-potter/kind-words/new"
    stamp = started(client, path)
    fast = leave(client, started=stamp)
    assert fast.status_code == 422 and "could not accept that" in fast.get_data(as_text=True)
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 10)
    robot = leave(client, started=stamp, website="http://spam.example")
    assert robot.status_code == 422
    assert kind_words(guarded) == []
    assert leave(client, started=stamp).status_code == 303


def test_rate_limits_per_address_and_per_maker(guarded):
    guarded.config["MIN_FILL_SECONDS"] = 0
    with guarded.app_context(), db.connection_context():
        Maker.create(email="a@example.com", password_hash="!", display_name="Ada Potter",
                     slug="ada-potter")
    one = guarded.test_client()
    assert [leave(one).status_code for _ in range(3)] == [303, 303, 429]
    other = guarded.test_client()
    environ = {"REMOTE_ADDR": "192.0.2.7"}
    assert other.post("/makers/ada-potter/kind-words/new", environ_base=environ,
                      data={"author": "A", "text": "B"}).status_code == 303
    # The maker's limit (3 a day) is reached whoever sends the next one.
    assert other.post("/makers/ada-potter/kind-words/new",
                      environ_base={"REMOTE_ADDR": "192.0.2.8"},
                      data={"author": "A", "text": "B"}).status_code == 429
    assert len(kind_words(guarded)) == 3


# --- moderation -------------------------------------------------------------

def test_spam_in_a_kind_word_is_held_for_a_moderator(app, owner, client, visitor, make_maker):
    leave(visitor, author="SEO", text="Buy followers fast! Cheap backlinks at "
          "https://spam.example/buy and https://more-spam.example, telegram me")
    [word] = kind_words(app)
    assert word.moderation == "held"
    client.post(f"/account/kind-words/{word.id}/decide", data={"choice": "share"})
    assert "Buy followers" not in visitor.get("/makers/ada-potter").get_data(as_text=True)
    moderator = make_maker("Mo Derator", role=Maker.ROLE_MODERATOR)
    mod = app.test_client()
    mod.post("/login", data={"email": moderator.email, "password": PASSWORD})
    queue = mod.get("/moderation").get_data(as_text=True)
    assert "Kind word" in queue and "Buy followers" in queue and "spam vocabulary" in queue
    assert "Suspend account" not in queue.split("Buy followers")[1].split("</article>")[0]
    response = mod.post(f"/moderation/kind-words/{word.id}/actions",
                        data={"action": "remove", "reason": "Advert"})
    assert response.status_code == 303
    log = visitor.get("/moderation/log").get_data(as_text=True)
    assert "Kind word: SEO:" in log and "[link]" in log and "spam.example" not in log
    assert kind_words(app)[0].moderation == "removed"


def test_reported_kind_words_reach_the_queue_and_hide(app, owner, client, visitor,
                                                      make_maker):
    leave(visitor, text="Kind but reported")
    share_all(app)
    [word] = kind_words(app)
    page = visitor.get("/makers/ada-potter").get_data(as_text=True)
    report_url = f"/makers/ada-potter/kind-words/{word.id}/report"
    assert f'hx-get="{report_url}"' in page and "Report this kind word" in page
    for n in range(3):
        reporter = app.test_client()
        response = reporter.post(report_url, data={"reason": "fake", "note": f"n{n}"},
                                 environ_base={"REMOTE_ADDR": f"192.0.2.{n + 1}"})
        assert response.status_code == 303
    assert "Kind but reported" not in visitor.get("/makers/ada-potter").get_data(as_text=True)
    moderator = make_maker("Mo Derator", role=Maker.ROLE_MODERATOR)
    mod = app.test_client()
    mod.post("/login", data={"email": moderator.email, "password": PASSWORD})
    queue = mod.get("/moderation").get_data(as_text=True)
    assert "Kind but reported" in queue and "3 reports" in queue
    response = hx(mod, "post", f"/moderation/kind-words/{word.id}/actions",
                  data={"action": "restore", "reason": "Reports were wrong"})
    assert response.status_code == 200 and "Restored" in response.get_data(as_text=True)
    assert "Kind but reported" in visitor.get("/makers/ada-potter").get_data(as_text=True)
    with app.app_context(), db.connection_context():
        actions = [(row.action, row.subject) for row in ModerationAction.select()]
        assert actions == [("hide", f"kind:{word.id}"), ("restore", f"kind:{word.id}")]
        assert Review.select().where(Review.closed_at.is_null()).count() == 0
    # A maker is no moderator.
    assert client.post(f"/moderation/kind-words/{word.id}/actions",
                       data={"action": "remove", "reason": "mine"}).status_code == 403


# --- notices, mail, data ----------------------------------------------------

def test_the_maker_is_told_quietly_and_by_email_if_they_asked(app, owner, client, visitor):
    outbox = app.config["OUTBOX_FOLDER"]
    leave(visitor, text="No mail for this one")
    assert not list(Path(outbox).glob("*.eml"))
    page = client.get("/account/kind-words").get_data(as_text=True)
    assert "Waiting for you" in page and "No mail for this one" in page
    assert client.post("/account/kind-words/mail", data={"mail": "on"}).status_code == 303
    leave(visitor, text="Mail for this one")
    [mail] = list(Path(outbox).glob("*.eml"))
    text = mail.read_text()
    assert "Mail for this one" in text and "/account/kind-words" in text
    assert client.post("/account/kind-words/mail", data={}).status_code == 303
    leave(visitor, text="No mail again")
    assert len(list(Path(outbox).glob("*.eml"))) == 1


def test_export_holds_kind_words_batches_and_events_and_deletion_removes_them(
        app, owner, client, visitor):
    _, printed = make_codes(client, note="Leeds market")
    leave(visitor, text="Exported words", code=printed[0])
    client.post("/account/events", data={
        "title": "Leeds market", "kind": "market",
        "starts_on": (utcnow() + timedelta(days=5)).date().isoformat(),
        "time_zone": "Europe/London", "town": "Leeds"})
    archive = zipfile.ZipFile(io.BytesIO(client.get("/account/export").data))
    data = json.loads(archive.read("maker.json"))
    assert data["kind_words"][0]["text"] == "Exported words"
    assert data["kind_words"][0]["met_at"] == "Leeds market"
    assert data["customer_code_batches"][0]["used"] == 1
    assert printed[1] not in json.dumps(data)
    assert data["events"][0]["title"] == "Leeds market"
    response = client.post("/account/delete", data={"password": PASSWORD})
    assert response.status_code == 303
    with app.app_context(), db.connection_context():
        for table in ("kind_word", "code_batch", "customer_code", "event"):
            count = db.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 (fixed names)
            assert count == 0, table
