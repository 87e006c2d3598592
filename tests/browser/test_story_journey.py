"""A maker writes a story, previews it, adds a photo with its description and
publishes it; a visitor reads it. With JavaScript (htmx) and without."""

from PIL import Image
from playwright.sync_api import expect

from tests.conftest import PASSWORD


def log_in(page, live_server):
    page.goto(live_server + "/login")
    page.get_by_label("Email").fill("ada-potter@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Welcome back")).to_be_visible()


def test_maker_writes_and_publishes_a_story_with_a_photo(page, live_server, make_maker,
                                                         tmp_path):
    make_maker("Ada Potter", crafts=["ceramics"], tagline="Wheel-thrown stoneware")
    photo = tmp_path / "bowls.jpg"
    Image.new("RGB", (800, 600), (170, 110, 80)).save(photo, "JPEG")
    log_in(page, live_server)

    page.goto(live_server + "/account/stories/new")
    page.get_by_label("Title").fill("Trimming a batch of bowls")
    page.get_by_label("The story").fill("Every foot ring is **trimmed by hand**.")
    page.get_by_label("Materials").fill("speckled stoneware")
    if page.js:  # the preview follows the typing
        expect(page.locator("#preview strong")).to_have_text("trimmed by hand")
    else:  # the Preview button shows it, saving nothing
        page.get_by_role("button", name="Preview").click()
        expect(page.locator("#preview strong")).to_have_text("trimmed by hand")
        expect(page.get_by_label("Title")).to_have_value("Trimming a batch of bowls")

    # A photo without its description is refused, and what was typed stays.
    page.get_by_label("Add a photo").set_input_files(str(photo))
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Describe the photo for people who cannot see it.")).to_be_visible()
    expect(page.get_by_label("The story")).to_have_value("Every foot ring is **trimmed by hand**.")

    page.get_by_label("Add a photo").set_input_files(str(photo))
    page.get_by_label("Describe the photo").fill("Six bowls upside down on a ware board")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Story published.")).to_be_visible()
    expect(page.get_by_role("img", name="Six bowls upside down on a ware board")).to_be_visible()

    page.get_by_role("link", name="See it as visitors do").click()
    expect(page.get_by_role("heading", name="Trimming a batch of bowls", level=1)).to_be_visible()
    expect(page.locator(".how-made")).to_contain_text("speckled stoneware")
    image = page.get_by_role("img", name="Six bowls upside down on a ware board")
    expect(image).to_be_visible()
    assert page.evaluate("img => img.naturalWidth", image.element_handle()) == 800

    page.goto(live_server + "/")
    expect(page.locator(".story-card h3")).to_have_text(["Trimming a batch of bowls"])
