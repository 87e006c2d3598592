"""axe-core (vendored from the npm package, tests/browser/vendor) checks the
main pages: no violation of impact serious or critical."""

from pathlib import Path

import pytest

from directory import search
from directory.extensions import db
from directory.models import Story
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


PUBLIC_PAGES = ["/", "/makers", "/makers/ada-potter", "/search?q=ash", "/signup", "/login",
                "/no-such-page"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_serious_violations(axe_page, live_server, site, path):
    axe_page.goto(live_server + path)
    assert serious_violations(axe_page) == []


def test_story_page_and_the_makers_own_pages(axe_page, live_server, site):
    axe_page.goto(live_server + f"/stories/{site['story_id']}")
    assert serious_violations(axe_page) == []
    axe_page.goto(live_server + "/login")
    axe_page.get_by_label("Email").fill("ada-potter@example.com")
    axe_page.get_by_label("Password").fill(PASSWORD)
    axe_page.get_by_role("button", name="Log in").click()
    for path in ["/account", "/account/links", "/account/stories", "/account/stories/new",
                 f"/account/stories/{site['story_id']}/edit"]:
        axe_page.goto(live_server + path)
        assert serious_violations(axe_page) == [], path
