"""A maker signs up, fills in the profile, adds, edits, reorders and removes
links, then sees the public profile: with JavaScript (htmx) and without."""

import re

from playwright.sync_api import expect

PASSWORD = "a long enough password"


def stays_on_page(page):
    """Mark the window; the mark survives htmx swaps but not a page load."""
    if page.js:
        page.evaluate("window.__noReload = true")


def assert_no_reload(page):
    if page.js:
        assert page.evaluate("window.__noReload") is True


def add_link(page, kind, url, label):
    form = page.locator("form.add-link")
    form.get_by_label("Kind").select_option(kind)
    form.get_by_label("Address (URL)").fill(url)
    form.get_by_label("Label").fill(label)
    form.get_by_role("button", name="Add link").click()
    expect(page.get_by_text("Link added.")).to_be_visible()
    # "Link added." may still show from the link before: wait for this one's row.
    expect(page.locator(".link-row strong", has_text=label)).to_be_visible()


def link_titles(page):
    return page.locator(".link-row strong").all_inner_texts()


def test_maker_builds_a_profile_with_links(page, live_server):
    page.goto(live_server + "/signup")
    page.get_by_label("Your name, or your studio's").fill("Wren Holloway")
    page.get_by_label("Email").fill("wren@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create my profile").click()
    expect(page).to_have_url(live_server + "/account")
    expect(page.get_by_text("Your profile is live")).to_be_visible()

    page.get_by_label("Tagline").fill("Hand-thrown porcelain from a tiny seaside studio")
    page.get_by_label("About you").fill("I throw **porcelain** every morning.")
    page.get_by_label("Ceramics").check()
    page.get_by_label("Place").fill("St Ives, UK")
    page.get_by_label("I am taking commissions").check()
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()

    page.get_by_role("link", name="Shop and social links").click()
    expect(page.get_by_text("No links yet.")).to_be_visible()
    stays_on_page(page)
    add_link(page, "website", "https://wren.example/", "My studio")
    add_link(page, "marketplace", "https://market.example/wren", "Marketplace shop")
    add_link(page, "newsletter", "https://letters.example/wren", "Kiln letter")
    assert link_titles(page) == ["My studio", "Marketplace shop", "Kiln letter"]

    # A bad address is refused on the same form, with what was typed kept.
    form = page.locator("form.add-link")
    form.get_by_label("Address (URL)").fill("javascript:alert(1)")
    form.get_by_role("button", name="Add link").click()
    expect(page.get_by_text("Use a web address starting with https://")).to_be_visible()
    expect(page.locator("form.add-link").get_by_label("Address (URL)")).to_have_value(
        "javascript:alert(1)"
    )

    page.get_by_role("button", name="Move up Kiln letter").click()
    expect(page.get_by_text("Links reordered.")).to_be_visible()
    assert link_titles(page) == ["My studio", "Kiln letter", "Marketplace shop"]

    page.get_by_role("link", name="Edit Marketplace shop").click()
    page.locator("form[action$='/account/links/2']").get_by_label("Label").fill("Etsy-style shop")
    page.get_by_role("button", name="Save link").click()
    expect(page.get_by_text("Link saved.")).to_be_visible()
    assert link_titles(page) == ["My studio", "Kiln letter", "Etsy-style shop"]

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Remove My studio").click()
    expect(page.get_by_text("Link removed.")).to_be_visible()
    assert link_titles(page) == ["Kiln letter", "Etsy-style shop"]
    assert_no_reload(page)

    page.get_by_role("link", name="See your public profile").click()
    expect(page).to_have_url(live_server + "/makers/wren-holloway")
    expect(page.get_by_role("heading", name="Wren Holloway", level=1)).to_be_visible()
    expect(page.get_by_text("Taking commissions")).to_be_visible()
    expect(page.locator(".prose strong")).to_have_text("porcelain")
    shop_links = page.locator(".link-list a")
    expect(shop_links).to_have_text(["Kiln letter", "Etsy-style shop"])
    expect(shop_links.first).to_have_attribute("rel", "nofollow ugc noopener")
    assert "wren@example.com" not in page.content()


def test_visitor_filters_makers_by_craft(page, live_server, make_maker):
    make_maker("Ada Potter", crafts=["ceramics"], place="Bristol, UK", tagline="Mugs")
    make_maker("Ben Joiner", crafts=["woodwork"], place="Leeds, UK", tagline="Stools")
    page.goto(live_server + "/makers")
    expect(page.locator(".maker-card")).to_have_count(2)
    stays_on_page(page)
    page.get_by_label("Craft", exact=True).select_option("woodwork")
    if not page.js:
        page.get_by_role("button", name="Show makers").click()
    expect(page.locator(".maker-card")).to_have_count(1)
    expect(page.locator(".maker-card h3")).to_have_text("Ben Joiner")
    expect(page).to_have_url(re.compile(r"craft=woodwork"))
    assert_no_reload(page)
