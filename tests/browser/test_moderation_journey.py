"""Moderation: a visitor reports a story, a moderator hides it from the queue,
the story leaves search and its page, and the public log says why. With
JavaScript (htmx) and without."""

import re

import pytest
from playwright.sync_api import expect

from directory.extensions import db
from directory.models import Moderated, Report, Story
from tests.browser.conftest import open_report_form, watched_tab
from tests.conftest import PASSWORD
from tests.test_stories import make_story

# A demo story (directory/dev/demo_content/stories.json); no other demo story says "filigree".
TITLE = "Twisting wire: a pair of filigree earrings, start to finish"
WORD = "filigree"
MAKER = "Inês Carvalho"
NOTE = "Every photo carries a discount code for another shop."
REASON = "Advertising another shop, not a story about making."
THANKS = "Thank you for telling us. A moderator will look at it."


@pytest.fixture
def demo_site(runner):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output


@pytest.fixture
def moderator(make_maker):
    return make_maker("Mo Reyes", email="mo@example.com", role="moderator")


@pytest.fixture
def second_tab(browser, page):
    """Another person's tab (its own cookies), with JavaScript on or off as in
    `page`, and held to the same rule: no script error, no CSP refusal."""
    with watched_tab(browser, page.js) as tab:
        yield tab


def stays_on_page(page):
    """Mark the window; the mark survives htmx swaps but not a page load."""
    page.evaluate("window.__noReload = true")


def log_in(page, live_server, email):
    page.goto(live_server + "/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Welcome back")).to_be_visible()


def test_reported_story_is_hidden_by_a_moderator(page, second_tab, live_server, demo_site,
                                                 moderator):
    visitor, mod = page, second_tab

    # The visitor finds the story.
    visitor.goto(live_server + f"/search?q={WORD}")
    expect(visitor.locator(".story-result h3")).to_have_text([TITLE])
    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor).to_have_url(re.compile(r"/stories/\d+$"))
    expect(visitor.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    story_url = visitor.url

    # "Report this story" is closed until asked for; the form is not in the page.
    summary = visitor.get_by_text("Report this story")
    spam = visitor.get_by_label("Spam or advertising")
    expect(spam).to_have_count(0)
    open_report_form(visitor)
    if visitor.js:  # the form loaded into the open disclosure
        expect(summary).to_be_focused()
        expect(visitor.locator("details.report")).to_have_attribute("open", "")
    else:  # the form's own page
        expect(visitor).to_have_url(story_url + "/report")
    expect(visitor.get_by_role("group", name="What is wrong?")).to_be_visible()
    spam.check()
    visitor.get_by_label("Anything a moderator should know? (optional)").fill(NOTE)
    if visitor.js:
        stays_on_page(visitor)
    visitor.get_by_role("button", name="Send report").click()
    expect(visitor.get_by_text(THANKS)).to_be_visible()
    expect(visitor).to_have_url(story_url)
    if visitor.js:  # the thanks took the form's place, in the open disclosure
        expect(visitor.get_by_role("button", name="Send report")).to_have_count(0)
        expect(visitor.locator("details.report [role=status]")).to_have_text(THANKS)
        assert visitor.evaluate("window.__noReload") is True
    else:  # back on the story, with the thanks as a flash
        expect(visitor.locator(".flashes .flash-success")).to_have_text(THANKS)
    # One report is not enough to hide anything: the story is still public.
    expect(visitor.get_by_role("heading", name=TITLE, level=1)).to_be_visible()

    # The moderator logs in and opens the queue from the menu.
    log_in(mod, live_server, "mo@example.com")
    mod.get_by_role("navigation", name="Main").get_by_role("link", name="Moderation").click()
    expect(mod).to_have_url(live_server + "/moderation")
    expect(mod.get_by_role("heading", name="Moderation queue", level=1)).to_be_visible()
    expect(mod.get_by_text("1 item waiting, oldest first.")).to_be_visible()
    item = mod.get_by_role("article", name=TITLE)
    expect(item).to_be_visible()
    expect(item.get_by_text(f"Story by {MAKER}")).to_be_visible()
    expect(item.get_by_role("heading", name="1 report")).to_be_visible()
    expect(item.get_by_text(f"Spam or advertising: “{NOTE}”")).to_be_visible()

    reason = item.get_by_label("Reason")
    reason.fill(REASON)
    expect(reason).to_be_focused()
    if mod.js:
        stays_on_page(mod)
    item.get_by_role("button", name="Hide", exact=True).click()
    outcome = f"Hidden: {TITLE}"
    if mod.js:  # the item changes in place; the queue stays where it was
        item = mod.get_by_role("article", name=TITLE)
        expect(item.get_by_role("status")).to_have_text(outcome)
        expect(item.locator(".state")).to_have_text("hidden")
        expect(item.get_by_role("button", name="Hide", exact=True)).to_have_count(0)
        expect(item.get_by_role("button", name="Restore")).to_be_visible()
        expect(mod).to_have_url(live_server + "/moderation")
        assert mod.evaluate("window.__noReload") is True
    else:  # back to the queue, now empty, with the outcome as a flash
        expect(mod).to_have_url(re.compile(re.escape(live_server) + r"/moderation\??$"))
        expect(mod.locator(".flashes .flash-success")).to_have_text(outcome)
        expect(mod.get_by_text("Nothing is waiting. Thank you!")).to_be_visible()
        expect(mod.get_by_role("article", name=TITLE)).to_have_count(0)

    # The visitor's search no longer finds it, and its page has gone.
    visitor.goto(live_server + f"/search?q={WORD}")
    expect(visitor.get_by_role("heading", name="Stories", exact=True)).to_have_count(0)
    expect(visitor.locator(".story-result")).to_have_count(0)
    expect(visitor.get_by_role("link", name=TITLE)).to_have_count(0)
    response = visitor.goto(story_url)
    assert response.status == 404
    expect(visitor.get_by_role("heading", name="We could not find that page", level=1)
           ).to_be_visible()
    expect(visitor.get_by_text(TITLE)).to_have_count(0)

    # The public log says what was done, to what, why and by whom.
    visitor.get_by_role("link", name="Moderation log").click()
    expect(visitor).to_have_url(live_server + "/moderation/log")
    expect(visitor.get_by_role("heading", name="Moderation log", level=1)).to_be_visible()
    rows = visitor.locator("table.log tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("td")).to_have_text(
        [re.compile(r"\d{4} \d\d:\d\d"), "Hidden", f"Story: {TITLE}", REASON, "Mo Reyes"]
    )


@pytest.mark.parametrize("page", [True], indirect=True, ids=["js"])
def test_double_click_on_send_report_sends_one_report(page, live_server, app, make_maker):
    """hx-disabled-elt turns the button off while the report is on its way.

    The report is held in the network until the button has been seen disabled.
    The same reporter's second report would merge into the first (one row
    either way), so the POSTs the browser sent are counted too."""
    ada = make_maker("Ada Potter", crafts=["ceramics"])
    story_id = make_story(app, ada, title="Glazing with wood ash", body="Ash from the oven.")
    report_url = f"{live_server}/stories/{story_id}/report"
    posts, held = [], []

    def on_request(request):
        if request.method == "POST":
            posts.append(request.url)

    def hold(route):  # released below, once the button has been seen disabled
        if route.request.method != "POST":  # the form itself, loaded on opening
            route.continue_()
            return
        held.append(route)

    page.on("request", on_request)
    page.route(report_url, hold)

    page.goto(live_server + f"/stories/{story_id}")
    open_report_form(page)
    page.get_by_label("Spam or advertising").check()
    button = page.get_by_role("button", name="Send report")
    with page.expect_request(report_url):
        button.dblclick()
    expect(button).to_be_disabled()
    expect(page.get_by_text("Sending…")).to_be_visible()
    assert len(held) == 1
    held[0].continue_()
    expect(page.get_by_text(THANKS)).to_be_visible()
    page.wait_for_load_state("networkidle")

    assert posts == [report_url]
    with app.app_context(), db.connection_context():
        assert Report.select().count() == 1
        assert Story.get_by_id(story_id).moderation == Moderated.VISIBLE
