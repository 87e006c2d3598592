"""Error pages: friendly, in full or as an htmx fragment, and a 500 that shows
a reference (the request id) instead of a trace, with the error logged."""

import logging

import pytest

from directory import create_app
from directory.database.migrations import init_db
from tests.conftest import hx


@pytest.fixture
def failing_app(app_config):
    """An app with a route that breaks, where errors reach the handler as in production."""
    app = create_app({**app_config, "PROPAGATE_EXCEPTIONS": False})

    @app.route("/broken")
    def broken():
        raise RuntimeError("secret detail: /home/site/config.py line 3")

    with app.app_context():
        init_db()
    return app


def test_a_500_shows_a_reference_and_no_trace(failing_app, caplog):
    with caplog.at_level(logging.ERROR):
        response = failing_app.test_client().get("/broken",
                                                 headers={"X-Request-ID": "abc-123"})
    assert response.status_code == 500
    page = response.data.decode()
    assert "Something went wrong on our side" in page
    assert "reference abc-123" in page
    assert "secret detail" not in page and "Traceback" not in page
    assert response.headers["X-Request-ID"] == "abc-123"
    assert any("abc-123" in record.getMessage() and "secret detail" in record.getMessage()
               for record in caplog.records)


def test_a_hostile_request_id_is_replaced(client):
    response = client.get("/", headers={"X-Request-ID": "<script>alert(1)</script>"})
    assert response.headers["X-Request-ID"] != "<script>alert(1)</script>"
    assert len(response.headers["X-Request-ID"]) == 16


def test_every_response_has_a_request_id(client):
    first, second = client.get("/"), client.get("/")
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]


@pytest.mark.parametrize(("url", "code", "text"), [
    ("/no-such-page", 404, "We could not find that page"),
    ("/stories/999999", 404, "We could not find that page"),
])
def test_error_pages_come_whole_or_as_a_fragment(client, url, code, text):
    full = client.get(url)
    assert full.status_code == code
    assert b"<html" in full.data and text.encode() in full.data
    fragment = hx(client, "get", url)
    assert fragment.status_code == code
    assert text.encode() in fragment.data


def test_a_get_to_a_changing_route_is_405_with_a_page(client):
    response = client.get("/logout")
    assert response.status_code == 405
    assert b"That action is not available here" in response.data
