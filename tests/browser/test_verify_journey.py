"""A maker adds a link to their shop, whose page links back to their profile
with rel="me", asks the directory to check it and sees the badge; visitors
see it on the profile. With JavaScript (htmx) and without."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_story_journey import log_in
from tests.pages_server import pages_server


@pytest.fixture
def shop():
    with pages_server() as server:
        yield server


@pytest.fixture
def app_config(app_config, shop):
    """The checker may reach the shop's page server on loopback. No SITE_URL:
    the profile's address is the live server's own, which a test learns only
    once the app runs."""
    return {**app_config, "FETCH_ALLOW_HOSTS": ["127.0.0.1"],
            "FETCH_PORTS": [80, 443, shop.port]}


def test_maker_verifies_a_shop_link(page, live_server, make_maker, shop):
    make_maker("Ada Potter", crafts=["ceramics"], tagline="Wheel-thrown stoneware")
    shop.page("/ada", f'<h1>Ada\'s shop</h1><a rel="me nofollow" '
                      f'href="{live_server}/makers/ada-potter/">Ada on Makers\' Directory</a>')
    log_in(page, live_server)
    page.goto(live_server + "/account/links")
    form = page.locator("form.add-link")
    form.get_by_label("Kind").select_option("website")
    form.get_by_label("Address (URL)").fill(shop.url("/ada"))
    form.get_by_label("Label").fill("My shop")
    form.get_by_role("button", name="Add link").click()
    expect(page.locator(".link-row strong", has_text="My shop")).to_be_visible()

    page.get_by_text("Verify this link").click()
    expect(page.get_by_text("makers-dir:")).to_be_visible()
    page.get_by_role("button", name="Check now My shop").click()
    expect(page.get_by_text("Verified: My shop shows a link back to your profile.")).to_be_visible()
    expect(page.locator(".link-row .badge.verified")).to_have_text("Verified")
    assert shop.requests == ["/ada"]

    page.goto(live_server + "/makers/ada-potter")
    link = page.locator(".where .link-list a", has_text="My shop")
    expect(link).to_have_attribute("rel", "me noopener")
    expect(page.locator(".where .badge.verified")).to_be_visible()
    expect(page.locator(".where").get_by_text("checked today")).to_be_visible()
