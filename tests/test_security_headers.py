"""Every response carries the security headers; the pages need nothing the
Content-Security-Policy forbids (the browser tests run every journey under it)."""

import pytest

from directory import create_app
from directory.database.migrations import init_db
from tests.conftest import hx


@pytest.mark.parametrize("url", ["/", "/makers", "/search?q=clay", "/login", "/no-such-page",
                                 "/feeds/stories.atom", "/healthz"])
def test_security_headers_on_every_response(client, url):
    response = client.get(url)
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Strict-Transport-Security" not in response.headers  # only over https


def test_htmx_fragments_carry_them_too(client):
    assert "Content-Security-Policy" in hx(client, "get", "/makers").headers


def test_hsts_when_cookies_are_https_only(app_config):
    app = create_app({**app_config, "SESSION_COOKIE_SECURE": True})
    with app.app_context():
        init_db()
    response = app.test_client().get("/")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_pages_have_no_inline_script_or_style(client, make_maker):
    make_maker("Ada Potter", tagline="Mugs", about="**Hello** there")
    for url in ["/", "/makers", "/makers/ada-potter", "/signup"]:
        page = client.get(url).data.decode()
        assert " style=" not in page and "<style" not in page
        assert " onclick=" not in page and "javascript:" not in page
        for script in page.split("<script")[1:]:
            assert 'src="' in script.split(">")[0] or "application/ld+json" in script
