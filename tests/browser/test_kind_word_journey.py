"""A maker makes customer codes, a customer uses one from the stall card,
the maker shares the kind word, and the profile shows "from a customer · met
at …". With JavaScript (htmx) and without."""

import re

from playwright.sync_api import expect

from tests.browser.test_story_journey import log_in


def test_a_customers_kind_word_from_code_to_profile(page, browser, live_server, make_maker):
    make_maker("Ada Potter", crafts=["ceramics"], place="Bristol, UK")
    log_in(page, live_server)
    page.goto(live_server + "/account/kind-words")
    page.get_by_label("How many codes").fill("4")
    page.get_by_label("Note (optional)").fill("Hebden Makers' Fair")
    page.get_by_role("button", name="Make codes").click()
    expect(page.get_by_text("4 new codes made.")).to_be_visible()
    page.get_by_role("link", name="Stall cards, A4").click()
    code = page.locator(".stall-card-code").nth(1).inner_text()
    assert re.fullmatch(r"[0-9A-Z]{5}-[0-9A-Z]{5}", code)

    # A customer, in their own browser, from the profile.
    customer = browser.new_context(java_script_enabled=page.js).new_page()
    customer.goto(live_server + "/makers/ada-potter")
    customer.get_by_text("Leave a kind word for Ada Potter").click()
    if not page.js:
        customer.get_by_role("link", name="Write your kind word").click()
    customer.get_by_label("Your first name or initials").fill("Jo")
    customer.get_by_label("Your kind word").fill("The jug pours without a drip.")
    customer.get_by_label("Customer code (optional)").fill(code.lower().replace("-", " "))
    customer.get_by_role("button", name="Send your kind word").click()
    expect(customer.get_by_text("Your kind word is with Ada Potter now")).to_be_visible()
    customer.goto(live_server + "/makers/ada-potter")
    expect(customer.get_by_text("The jug pours without a drip.")).to_have_count(0)

    page.goto(live_server + "/account/kind-words")
    expect(page.get_by_text("The jug pours without a drip.")).to_be_visible()
    page.get_by_role("button", name="Share on my profile the kind word from Jo").click()
    expect(page.get_by_text("Jo's kind word is on your profile now.")).to_be_visible()

    customer.goto(live_server + "/makers/ada-potter")
    word = customer.locator(".kind-word", has_text="The jug pours without a drip.")
    expect(word).to_be_visible()
    expect(word.locator(".meta")).to_contain_text("from a customer · met at Hebden Makers' Fair")
    customer.context.close()


def test_a_maker_lists_an_event_and_visitors_see_it(page, live_server, make_maker):
    make_maker("Ada Potter", crafts=["ceramics"], place="Bristol, UK")
    log_in(page, live_server)
    page.goto(live_server + "/account/events")
    expect(page.get_by_label("Time zone")).to_have_value("Europe/London")
    page.get_by_label("Title").fill("Bristol Craft Market")
    page.get_by_label("First day").fill("2027-05-08")
    page.get_by_label("Opens at (optional)").fill("10:00")
    page.get_by_label("Town").fill("Bristol")
    page.get_by_role("button", name="Add the event").click()
    expect(page.get_by_label("Closes at (optional)")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("Closes at (optional)").fill("16:00")
    page.get_by_role("button", name="Add the event").click()
    expect(page.get_by_text("“Bristol Craft Market” is on your profile")).to_be_visible()
    page.goto(live_server + "/events?place=bristol-uk")
    expect(page.get_by_text("Bristol Craft Market")).to_be_visible()
    expect(page.get_by_text("Sat 8 May 2027, 10:00–16:00 (Europe/London)")).to_be_visible()
