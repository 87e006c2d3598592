"""Story and maker cards memoised by what they show (directory/web/fragments.py):
a card is made once, and any change to a row it is made from shows at once,
on pages made for logged-in people too (never served from the page cache)."""

from directory.extensions import db
from directory.models import Maker, Photo, Story
from directory.web.fragments import Cards
from tests.test_stories import make_story


def test_a_card_is_made_once_and_then_reused(app, client, make_maker, monkeypatch):
    maker = make_maker("Ada Potter", crafts=["ceramics"])
    make_story(app, maker, title="Throwing porcelain", photos=1)
    made = []
    real = app.jinja_env.get_template

    def counting(name, *args, **kwargs):
        if name in ("_story_card.html", "_maker_card.html"):
            made.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(app.jinja_env, "get_template", counting)
    first = client.get("/")
    assert first.status_code == 200 and b"Throwing porcelain" in first.data
    assert made.count("_story_card.html") == 1
    made.clear()
    second = client.get("/")
    assert second.data.count(b"Throwing porcelain") == first.data.count(b"Throwing porcelain")
    assert made == []


def test_every_change_to_a_row_shows_on_the_next_page(app, client, make_maker, auth):
    maker = make_maker("Ada Potter", crafts=["ceramics"], tagline="Cups")
    make_maker("Bea Weaver", email="bea@example.com")
    story_id = make_story(app, maker, title="Throwing porcelain", photos=1)
    auth.login(email="bea@example.com")  # a logged-in visitor: the page is made every time
    assert b"Throwing porcelain" in client.get("/").data
    assert b"Cups" in client.get("/makers").data

    def change(model, **values):
        with app.app_context(), db.connection_context():
            key = Photo.story if model is Photo else model.id
            value = story_id if model in (Story, Photo) else maker.id
            model.update(**values).where(key == value).execute()

    # One row at a time, so that each must be part of what a card is kept under.
    change(Story, title="Trimming porcelain")
    home = client.get("/").data
    assert b"Trimming porcelain" in home and b"Throwing porcelain" not in home
    change(Photo, alt="A foot ring on the wheel")
    assert b"A foot ring on the wheel" in client.get("/").data
    change(Maker, display_name="Ada the Potter")
    assert b'by <a href="/makers/ada-potter">Ada the Potter</a>' in client.get("/").data
    change(Maker, tagline="Bowls")
    makers = client.get("/makers").data
    assert b"Bowls" in makers and b"Cups" not in makers
    with app.app_context(), db.connection_context():
        Maker.get_by_id(maker.id).set_crafts(["woodwork"])
    makers = client.get("/makers").data
    assert b"craft=woodwork" in makers and b"craft=ceramics" not in makers


def test_a_card_without_its_maker_is_kept_apart(app, client, make_maker):
    maker = make_maker("Ada Potter", crafts=["ceramics"])
    make_story(app, maker, title="Throwing porcelain")
    home = client.get("/").data.decode()
    profile = client.get("/makers/ada-potter").data.decode()
    assert 'by <a href="/makers/ada-potter">Ada Potter</a>' in home
    card = profile[profile.index('class="card story-card"'):]
    assert "by <a" not in card[:card.index("</article>")]


def test_the_store_keeps_only_the_newest_cards():
    cards = Cards(max_cards=2)
    for key in ("a", "b", "c"):
        cards.get(key, lambda key=key: key.upper())
    assert len(cards) == 2
    assert cards.get("a", lambda: "made again") == "made again"
    assert cards.get("c", lambda: "not made") == "C"
