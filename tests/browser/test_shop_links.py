"""On a 390 px phone, a maker's shops are on the first screen of their
profile and of their stories, however many stories and words come before
the full list."""

import pytest

from tests.test_stories import make_story

PHONE = {"width": 390, "height": 844}
SHOPS = [("website", "https://ada.example/"), ("marketplace", "https://shop.example/ada"),
         ("social", "https://social.example/@ada"), ("gallery", "https://gallery.example/")]


@pytest.fixture
def ada(app, make_maker):
    """A maker with a long about text, four shop links and five stories."""
    maker = make_maker("Ada Potter", crafts=["ceramics", "glass"], place="Bristol, UK",
                       tagline="Porcelain moon jars, thrown by hand in a small studio",
                       about="I throw porcelain every morning. " * 60, links=SHOPS)
    stories = [make_story(app, maker, title=f"Moon jar, part {n}", body="Porcelain. " * 80)
               for n in range(1, 6)]
    return maker, stories


def assert_on_first_screen(page, locator):
    """The element is in view, top to bottom, without scrolling."""
    assert page.evaluate("window.scrollY") == 0
    box = locator.bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box


@pytest.mark.parametrize("where", ["profile", "story"])
def test_a_shop_link_is_on_a_phones_first_screen(page, live_server, ada, where):
    maker, stories = ada
    page.set_viewport_size(PHONE)
    path = "/makers/ada-potter" if where == "profile" else f"/stories/{stories[0]}"
    page.goto(live_server + path)
    first_shop = page.get_by_role("link", name="ada.example")
    assert_on_first_screen(page, first_shop.first)
    assert first_shop.first.get_attribute("href") == "https://ada.example/"
    # "All shops and pages" jumps to the full list.
    page.get_by_role("link", name="All shops and pages").click()
    full_list = page.locator(".where .link-list, .maker-mini .link-list")
    for _, url in SHOPS:
        assert full_list.locator(f'a[href="{url}"]').is_visible()
