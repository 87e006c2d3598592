"""Static files have addresses that change with their content, and are kept
for a year under them; an old or bare address is always checked again."""

import re

from directory.web.static_files import ONE_YEAR, fingerprint


def fetch(client, url):
    with client.get(url) as response:
        response.get_data()
    return response


def test_pages_link_their_stylesheet_and_scripts_by_content(client, app):
    html = client.get("/").get_data(as_text=True)
    urls = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    assert {"/static/css/site.css", "/static/js/site.js"} <= {url.split("?")[0] for url in urls}
    for url in urls:
        path, _, version = url.partition("?v=")
        assert version == fingerprint(app, path.removeprefix("/static/")), url
        response = fetch(client, url)
        assert response.status_code == 200
        cache = response.headers["Cache-Control"]
        assert "immutable" in cache and f"max-age={ONE_YEAR}" in cache and "public" in cache


def test_an_old_or_bare_address_is_not_kept(client):
    for url in ("/static/css/site.css", "/static/css/site.css?v=000000000000"):
        response = fetch(client, url)
        assert response.status_code == 200
        assert "immutable" not in response.headers.get("Cache-Control", "")


def test_the_fingerprint_follows_the_content(app, tmp_path):
    app.static_folder = str(tmp_path)
    (tmp_path / "a.css").write_text("body { color: black; }")
    first = fingerprint(app, "a.css")
    (tmp_path / "a.css").write_text("body { color: navy; }")
    assert re.fullmatch(r"[0-9a-f]{12}", first)
    assert fingerprint(app, "a.css") != first
    assert fingerprint(app, "missing.css") is None
