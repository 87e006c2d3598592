"""Full-page screenshots of the main pages, on a phone and on a desktop, with
the demo content: saved under screenshots/ (not in git) for people to look at.
`make screenshots` refreshes the two that the README shows, in docs/."""

from pathlib import Path

import pytest
from PIL import Image

from directory.extensions import db
from directory.models import Story

FOLDER = Path(__file__).resolve().parents[2] / "screenshots"
WIDTHS = {"phone": 390, "desktop": 1280}


@pytest.fixture
def demo_site(app, runner):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    with app.app_context(), db.connection_context():
        story = Story.browse().first()
        return {"story": f"/stories/{story.id}", "profile": f"/makers/{story.maker.slug}"}


@pytest.mark.parametrize("device", WIDTHS)
def test_main_pages_are_photographed(browser, live_server, demo_site, device):
    FOLDER.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": WIDTHS[device], "height": 900})
    page = context.new_page()
    pages = {"home": "/", "makers": "/makers", "profile": demo_site["profile"],
             "story": demo_site["story"], "search": "/search?q=glaze"}
    for name, path in pages.items():
        page.goto(live_server + path)
        page.wait_for_load_state("networkidle")
        target = FOLDER / f"{name}-{device}.png"
        page.screenshot(path=str(target), full_page=True)
        with Image.open(target) as shot:
            assert shot.format == "PNG"
            assert shot.width == WIDTHS[device]  # nothing overflows sideways
            assert shot.height > 600
    context.close()
