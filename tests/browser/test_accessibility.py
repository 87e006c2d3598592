"""axe-core (vendored from the npm package, tests/browser/vendor) checks the
main pages: no violation of impact serious or critical."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from directory.content import search
from directory.extensions import db
from directory.models import KindWord, Maker, Story
from directory.safety import decisions, reports
from directory.writes import events as writes_events
from directory.writes import kind_words as writes_kind_words
from tests.conftest import PASSWORD
from tests.test_stories import make_story

AXE = Path(__file__).parent / "vendor" / "axe-4.14.1.min.js"


@pytest.fixture
def axe_page(browser):
    """A tab that may inject axe despite the site's CSP (tests only)."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def serious_violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture
def site(app, make_maker):
    ada = make_maker("Ada Potter", crafts=["ceramics"], place="Bristol, UK",
                     tagline="Speckled stoneware", about="I throw **mugs**.",
                     links=[("website", "https://ada.example/")])
    story_id = make_story(app, ada, title="Glazing with ash", body="Ash from the bakery.",
                          materials="stoneware", photos=1)
    with app.app_context(), db.connection_context():
        search.index_story(Story.get_by_id(story_id))
    return {"story_id": story_id}


@pytest.fixture
def moderation(app, make_maker, site):
    """A moderator; in the queue, a reported story (with a note) and a reported
    profile; in the public log, a story a moderator hid."""
    make_maker("Mo Reyes", email="mo@example.com", role="moderator")
    ben = make_maker("Ben Weaver", crafts=["weaving"], tagline="Looms at half price")
    hidden_id = make_story(app, ben, title="Cheap looms, discount code inside", body="Buy now.")
    with app.app_context(), db.connection_context():
        story = Story.get_by_id(site["story_id"])
        reports.report(story.maker, story, "addr:one", "spam", "Looks like an advert to me.")
        reports.report(Maker.get_by_id(ben.id), None, "addr:two", "fake", "")
        hidden = Story.get_by_id(hidden_id)
        moderator = Maker.get(Maker.email == "mo@example.com")
        decisions.apply_action("hide", hidden.maker, hidden, moderator, "Advertising, not a story.")
    return site


def log_in(page, live_server, email):
    page.goto(live_server + "/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Welcome back")).to_be_visible()


PUBLIC_PAGES = ["/", "/makers", "/makers/ada-potter", "/search?q=ash", "/signup", "/login",
                "/no-such-page", "/reset", "/reset/not-a-token"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_serious_violations(axe_page, live_server, site, path):
    axe_page.goto(live_server + path)
    assert serious_violations(axe_page) == []


def test_story_page_and_the_makers_own_pages(axe_page, live_server, site):
    axe_page.goto(live_server + f"/stories/{site['story_id']}")
    assert serious_violations(axe_page) == []
    log_in(axe_page, live_server, "ada-potter@example.com")
    for path in ["/account", "/account/links", "/account/stories", "/account/stories/new",
                 "/account/password", "/account/delete",
                 f"/account/stories/{site['story_id']}/edit"]:
        axe_page.goto(live_server + path)
        assert serious_violations(axe_page) == [], path


def test_story_page_with_the_report_form_open(axe_page, live_server, site):
    axe_page.goto(live_server + f"/stories/{site['story_id']}")
    axe_page.get_by_text("Report this story").click()
    expect(axe_page.get_by_label("Spam or advertising")).to_be_visible()
    assert serious_violations(axe_page) == []
    # Sent without a reason: the form comes back in place with its mistake.
    axe_page.get_by_role("button", name="Send report").click()
    expect(axe_page.get_by_text("Choose what is wrong.")).to_be_visible()
    assert serious_violations(axe_page) == []


def test_moderation_queue_and_log(axe_page, live_server, moderation):
    log_in(axe_page, live_server, "mo@example.com")
    axe_page.goto(live_server + "/moderation")
    expect(axe_page.locator("article.review")).to_have_count(2)
    assert serious_violations(axe_page) == [], "/moderation"
    # An action without a reason is refused in place, with the mistake shown.
    item = axe_page.get_by_role("article", name="Glazing with ash")
    item.get_by_role("button", name="Hide", exact=True).click()
    expect(item.get_by_text("Give a short reason")).to_be_visible()
    assert serious_violations(axe_page) == [], "/moderation, a refused action"
    for path in [f"/moderation/stories/{moderation['story_id']}", "/moderation/log"]:
        axe_page.goto(live_server + path)
        assert serious_violations(axe_page) == [], path
    expect(axe_page.locator("table.log tbody tr")).to_have_count(1)


@pytest.fixture
def kind_words_and_events(app, site):
    """Ada's codes, a kind word waiting and one shared, an event coming up."""
    with app.app_context(), db.connection_context():
        ada = Maker.get(Maker.slug == "ada-potter")
        batch = writes_kind_words.make_batch(ada.id, 4, "Spring fair", 365)
        writes_kind_words.leave_kind_word(ada, "Jo", "Waiting to be shared.")
        shared = writes_kind_words.leave_kind_word(ada, "Sam", "A lovely jug.")
        writes_kind_words.decide(shared, KindWord.APPROVED)
        event = writes_events.save_event(ada.id, None, {
            "title": "Spring fair", "kind": "market", "starts_on": date.today() + timedelta(days=9),
            "start_time": None, "ends_on": date.today() + timedelta(days=10), "end_time": None,
            "time_zone": "Europe/London", "venue": "Hall", "town": "Bristol", "link": "",
            "note": "New jugs."})
    return {"batch_id": batch.id, "event_id": event.id}


def test_kind_word_and_event_pages(axe_page, live_server, kind_words_and_events):
    for path in ["/events", "/places/bristol-uk", "/makers/ada-potter",
                 "/makers/ada-potter/kind-words/new"]:
        axe_page.goto(live_server + path)
        assert serious_violations(axe_page) == [], path
    axe_page.goto(live_server + "/makers/ada-potter")
    axe_page.get_by_text("Leave a kind word for Ada Potter").click()
    axe_page.get_by_role("button", name="Send your kind word").click()
    expect(axe_page.get_by_text("Write a few words for the maker.")).to_be_visible()
    assert serious_violations(axe_page) == [], "the kind-word form with its mistakes"
    log_in(axe_page, live_server, "ada-potter@example.com")
    ids = kind_words_and_events
    for path in ["/account/kind-words", "/account/events",
                 f"/account/events/{ids['event_id']}/edit",
                 f"/account/kind-words/batches/{ids['batch_id']}/cards?paper=letter"]:
        axe_page.goto(live_server + path)
        assert serious_violations(axe_page) == [], path
