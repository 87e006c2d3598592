"""A visitor searches: results follow the typing (htmx) or the button (no
JavaScript), the address follows, and Back returns to the previous results."""

import re

from playwright.sync_api import expect

from directory.content import search
from directory.extensions import db
from directory.models import Story
from tests.test_stories import make_story


def test_visitor_searches_and_goes_back(page, live_server, app, make_maker):
    ada = make_maker("Ada Potter", crafts=["ceramics"], tagline="Speckled stoneware mugs")
    ben = make_maker("Ben Weaver", crafts=["weaving"], tagline="Indigo linen throws")
    make_story(app, ada, title="Glazing with wood ash", body="Ash from the bakery oven.")
    make_story(app, ben, title="Waking the indigo vat", body="The vat smells of the sea.")
    with app.app_context(), db.connection_context():
        for story in Story.select():
            search.index_story(story)

    page.goto(live_server + "/search")
    expect(page.get_by_text("Type a word or two")).to_be_visible()
    box = page.get_by_label("Search for a maker, a craft, a material or a place")
    box.fill("indig")
    if not page.js:
        page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator(".story-result h3")).to_have_text(["Waking the indigo vat"])
    expect(page.locator(".story-result mark").first).to_have_text(re.compile("indigo", re.I))
    expect(page).to_have_url(re.compile(r"q=indig"))

    box = page.get_by_label("Search for a maker, a craft, a material or a place")
    box.fill("ash")
    if not page.js:
        page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator(".story-result h3")).to_have_text(["Glazing with wood ash"])
    expect(page).to_have_url(re.compile(r"q=ash"))

    page.go_back()
    expect(page).to_have_url(re.compile(r"q=indig"))
    expect(page.locator(".story-result h3")).to_have_text(["Waking the indigo vat"])

    page.get_by_role("link", name="Waking the indigo vat").click()
    expect(page.get_by_role("heading", name="Waking the indigo vat", level=1)).to_be_visible()
