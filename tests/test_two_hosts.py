"""Two app hosts behind one address book: two gunicorn servers on two ports,
sharing one PostgreSQL, one Redis, one photo folder and one SECRET_KEY.

- A story published through host A is on host B's next anonymous request,
  even though B had the page in its cache.
- A session made on A works on B.
- The signup rate limit counts across both hosts (Redis).
- A photo uploaded through A is served by B.
- Losing Redis mid-run: each host counts on its own, says so in its log,
  and never answers 500.
"""

import contextlib
import re
import urllib.error
import urllib.request
from io import BytesIO

import pytest
import redis
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from tests import images
from tests.live_server import Browser, LiveServer, MailSink, inputs_of, save_story, signup
from tests.services import postgres_database, redis_server

PASSWORD = "a long two-host password"  # noqa: S105 (a test account)


class Host(LiveServer):
    """gunicorn with one worker, on the shared database, Redis and photo folder."""

    def __init__(self, tmp_path, name, mail_port, shared):
        folder = tmp_path / name
        folder.mkdir()
        super().__init__(folder, mail_port, workers=1)
        self.env.update(shared)


@pytest.fixture
def hosts(tmp_path):
    with (MailSink() as mail, postgres_database("two_hosts") as database_url,
          redis_server() as redis_url):
        shared = {"DATABASE_URL": database_url, "REDIS_URL": redis_url,
                  "UPLOAD_FOLDER": str(tmp_path / "photos"), "RATELIMIT_ENABLED": "true",
                  "SIGNUP_LIMIT": "4 per hour"}
        a = Host(tmp_path, "a", mail.port, shared)
        b = Host(tmp_path, "b", mail.port, shared)
        a.flask("init-db")
        a.start()
        b.start()
        try:
            yield a, b, redis_url
        finally:
            a.stop()
            b.stop()


def on(host, browser):
    """The same browser (its cookies) talking to another host."""
    other = Browser(host.url)
    other.opener = browser.opener
    return other


def upload_portrait(browser):
    """POST a portrait through the profile form, multipart, with its CSRF token."""
    page = browser.get("/account")
    token = inputs_of(page.text)["csrf_token"]
    boundary, body = encode_multipart({
        "csrf_token": token,
        "avatar": FileStorage(BytesIO(images.jpeg_bytes()), "me.jpg", content_type="image/jpeg"),
    })
    request = urllib.request.Request(  # noqa: S310 (loopback)
        browser.base_url + "/account/photos", data=body,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        with browser.opener.open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as answer:  # a 303 is not followed
        with answer:
            return answer.code


def test_two_hosts_share_pages_sessions_limits_and_photos(hosts):
    a, b, _ = hosts
    ada = Browser(a.url)
    assert signup(ada, "ada@example.com", "Ada Potter", PASSWORD).status == 303
    visitor = Browser(b.url)
    for _ in range(3):
        assert "Hebden moon jars" not in visitor.get("/").text  # B keeps its copy
    story_id = save_story(ada, "Hebden moon jars", "Twelve kilos of porcelain, centred.")
    assert story_id
    assert "Hebden moon jars" in visitor.get("/").text
    assert visitor.get(f"/stories/{story_id}").status == 200

    # Ada's session, made on A, is good on B.
    ada_on_b = on(b, ada)
    page = ada_on_b.get("/account")
    assert page.status == 200 and "Ada Potter" in page.text

    # A photo uploaded through A is served by B.
    assert upload_portrait(ada) in (200, 303)
    profile = visitor.get("/makers/ada-potter").text
    photo = re.search(r'src="(/media/[^"]+\.jpg)"', profile).group(1)
    assert Browser(b.url).get(photo).status == 200

    # The signup limit (4 per hour from one address) counts on both hosts:
    # Ada's signup was the first; two more on A, one on B, then B refuses.
    statuses = [signup(Browser(host.url), f"m{n}@example.com", f"Maker {n}", PASSWORD).status
                for n, host in enumerate((a, a, b, b, a))]
    assert statuses[:3] == [303, 303, 303]
    assert statuses[3:] == [429, 429]
    assert a.log_errors() == [] and b.log_errors() == []


def test_losing_redis_falls_back_to_counting_per_host(hosts):
    a, b, redis_url = hosts
    assert signup(Browser(a.url), "first@example.com", "First Maker", PASSWORD).status == 303
    with contextlib.suppress(redis.exceptions.ConnectionError):  # it closes as it goes
        redis.Redis.from_url(redis_url).shutdown(nosave=True)
    statuses = [signup(Browser(host.url), f"late{n}@example.com", f"Late {n}", PASSWORD).status
                for n, host in enumerate((a, b, a))]
    assert 500 not in statuses and statuses[0] == 303
    assert "falling back" in a.log().lower() or "fall back" in a.log().lower(), a.log()[-3000:]
    assert Browser(b.url).get("/").status == 200
    assert a.log_errors() == [] and b.log_errors() == []
