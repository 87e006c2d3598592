"""Keyboard users keep their place: after an htmx swap replaces the control
they used, focus lands on the result (the confirmation, or the first field
with an error). Without JavaScript the page reloads and says the same."""

from playwright.sync_api import expect

from tests.browser.conftest import open_report_form
from tests.browser.test_story_journey import log_in


def add_link(page, url):
    form = page.locator("form.add-link")
    form.get_by_label("Kind").select_option("website")
    form.get_by_label("Address (URL)").fill(url)
    form.get_by_role("button", name="Add link").focus()
    page.keyboard.press("Enter")


def test_adding_a_link_moves_focus_to_what_happened(page, live_server, make_maker):
    make_maker("Ada Potter", crafts=["ceramics"])
    log_in(page, live_server)
    page.goto(live_server + "/account/links")

    add_link(page, "not a web address")
    field = page.locator("form.add-link").get_by_label("Address (URL)")
    expect(field).to_have_attribute("aria-invalid", "true")
    if page.js:
        expect(field).to_be_focused()

    add_link(page, "https://ada.example/shop")
    notice = page.get_by_text("Link added.")
    expect(notice).to_be_visible()
    if page.js:
        expect(notice).to_be_focused()


def test_sending_a_report_moves_focus_to_the_thanks(page, live_server, make_maker, app):
    from tests.test_stories import make_story  # noqa: PLC0415 (a helper, not a fixture)

    maker = make_maker("Ada Potter", crafts=["ceramics"])
    story_id = make_story(app, maker, title="Glaze tests")
    page.goto(f"{live_server}/stories/{story_id}")
    open_report_form(page)
    page.get_by_label("Spam or advertising").check()
    page.get_by_role("button", name="Send report").focus()
    page.keyboard.press("Enter")
    thanks = page.get_by_text("Thank you for telling us")
    expect(thanks).to_be_visible()
    if page.js:
        expect(thanks).to_be_focused()
