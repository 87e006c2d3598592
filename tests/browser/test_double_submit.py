"""Double-clicking a button that creates something creates it once.

The server gets the first click's request, but its answer is held back in
the browser while the button is clicked again: with JavaScript, the button is
disabled while its request runs, so the second click sends nothing; without,
the browser sends the form again, and the form's one-time key makes the second
request find the first one's story.
"""

from playwright.sync_api import expect

from directory.extensions import db
from directory.models import Story
from tests.browser.test_story_journey import log_in


def test_double_clicking_save_draft_makes_one_story(page, live_server, app, make_maker):
    make_maker("Ada Potter", crafts=["ceramics"])
    log_in(page, live_server)
    page.goto(live_server + "/account/stories/new")
    page.get_by_label("Title").fill("Slip trailing, twice")
    page.get_by_label("The story").fill("Lines of white slip on a dark body.")

    held = []
    page.route("**/account/stories/new", lambda route: held.append(route))  # noqa: PLW0108 (Playwright needs a Python function)
    button = page.get_by_role("button", name="Save draft")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)
    page.wait_for_timeout(300)
    answers = [held[0].fetch(max_redirects=0)]  # the server has the first click's request
    page.mouse.click(x, y)  # the mouse does not wait for the page to answer
    page.wait_for_timeout(300)
    if page.js:
        expect(button).to_be_disabled()  # so the second click had nothing to press
        assert len(held) == 1
    else:
        assert len(held) == 2  # the browser sent the form again
        answers.append(held[1].fetch(max_redirects=0))
    held[-1].fulfill(response=answers[-1])
    page.unroute("**/account/stories/new")

    expect(page.get_by_role("heading", name="Edit your story")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Slip trailing, twice")
    with app.app_context(), db.connection_context():
        assert [story.title for story in Story.select()] == ["Slip trailing, twice"]
