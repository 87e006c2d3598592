"""The sitemap lists only what the public may see; the bulk seeder fills the
database and the search index consistently."""

import xml.etree.ElementTree as ET

from directory.content import search
from directory.extensions import db
from directory.models import Maker, MakerCraft, Story
from tests.test_stories import make_story

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    root = ET.fromstring(response.data)  # noqa: S314 (our own document)
    return {loc.text for loc in root.iter(f"{SITEMAP}loc")}


def test_sitemap_lists_profiles_and_published_stories_only(client, app, make_maker):
    ada = make_maker("Ada Potter")
    ben = make_maker("Ben Joiner")
    published = make_story(app, ada, title="Out in the world")
    draft = make_story(app, ada, title="Not yet", published=False)
    with app.app_context(), db.connection_context():
        Maker.update(status="suspended").where(Maker.id == ben.id).execute()
    urls = locations(client)
    assert "http://localhost/makers/ada-potter" in urls
    assert f"http://localhost/stories/{published}" in urls
    assert f"http://localhost/stories/{draft}" not in urls
    assert "http://localhost/makers/ben-joiner" not in urls
    assert "Sitemap: http://localhost/sitemap.xml" in client.get("/robots.txt").text


def test_seed_demo_can_generate_many_makers_and_stories(runner, app, client):
    result = runner.invoke(args=["seed-demo", "--makers", "40", "--stories", "300"])
    assert result.exit_code == 0, result.output
    assert "Added 40 synthetic makers and 300 stories." in result.output
    with app.app_context(), db.connection_context():
        assert Maker.select().count() == 40
        assert Story.visible_to().count() == 300
        assert MakerCraft.select().count() >= 40
        assert search.counts() == (40, 300)
        found = search.find_stories("quillwork", Story.browse())
        assert found and all("quillwork" in story.body_md.lower() for story in found)
    assert client.get("/makers").status_code == 200
    assert client.get("/search", query_string={"q": "clay"}).status_code == 200
    # A real signup after the bulk rows (inserted with their ids) gets a new id.
    response = client.post("/signup", data={"display_name": "New Maker", "password":
                                            "a long new password", "email": "new@example.com"})
    assert response.status_code == 303
    with app.app_context(), db.connection_context():
        assert Maker.get(Maker.email == "new@example.com").id == 41
    again = runner.invoke(args=["seed-demo", "--makers", "5"])
    assert again.exit_code != 0 and "--force" in again.output
