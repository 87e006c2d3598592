"""Search (/search, SQLite FTS5): ranking, accents, prefixes, snippets, hostile
queries, filters, drafts, htmx fragments, "More stories"; keyset pages on /makers
and profiles while new things arrive; and query counts that do not grow."""

import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from directory.content import search
from directory.content.crafts import CRAFTS
from directory.extensions import db
from directory.models import Link, Maker, Story, utcnow
from tests.conftest import hx
from tests.html import Elements
from tests.test_stories import make_story

PROMPT = "Type a word or two"
NOTHING = "Nothing matches"


# --- helpers -------------------------------------------------------------------


@pytest.fixture
def add_maker(app, make_maker):
    """A maker, indexed as the app indexes one after a save."""

    def add(name, **fields):
        maker = make_maker(name, **fields)
        with app.app_context(), db.connection_context():
            search.index_maker(maker)
        return maker

    return add


@pytest.fixture
def add_story(app):
    """A story (published unless told), indexed as the editor indexes one."""

    def add(maker, title, body="Some words about the work.", **fields):
        story_id = make_story(app, maker, title=title, body=body, **fields)
        with app.app_context(), db.connection_context():
            search.index_story(Story.get_by_id(story_id))
        return story_id

    return add


def results(response):
    """The #search-results fragment of a full page (or the whole htmx fragment)."""
    html = response.data.decode()
    start = html.index('<div id="search-results"')
    end = html.find("</main>", start)
    return html[start:] if end < 0 else html[start:end]


def maker_names(html):
    return [unescape(name) for name in
            re.findall(r'<h3><a href="/makers/[^"]+">([^<]*)</a></h3>', html)]


def story_titles(html):
    return [unescape(title) for title in
            re.findall(r'<h3><a href="/stories/\d+">([^<]*)</a></h3>', html)]


def snippets(html):
    return re.findall(r'<p class="snippet">(.*?)</p>', html, re.S)


def more_link(html, label):
    match = re.search(rf'<a class="button secondary" href="([^"]*)"[^>]*>{label}</a>', html)
    return unescape(match.group(1)) if match else None


def found(client, q, **args):
    """(maker names, story titles) that /search lists for q."""
    response = client.get("/search", query_string={"q": q, **args})
    assert response.status_code == 200
    html = results(response)
    return maker_names(html), story_titles(html)


# --- ranking -------------------------------------------------------------------


def test_a_title_outranks_a_mention_in_the_body(client, app, add_maker, add_story):
    ada = add_maker("Ada Potter")
    # Made first, so the tie-break by id would put it first if ranking did nothing.
    add_story(ada, "Spring", body="A splash of indigo, once.")
    add_story(ada, "Notes from a long afternoon at the dye house, by the old indigo vat",
              body="Stirring, waiting, lifting the skeins, airing them. " * 5)
    add_story(ada, "Unrelated", body="Nothing to see.")
    assert found(client, "indigo")[1] == [
        "Notes from a long afternoon at the dye house, by the old indigo vat", "Spring"]


def test_a_name_outranks_a_mention_in_about(client, add_maker):
    add_maker("Bea Weaver", about="Woad, once.")
    add_maker("The Old Woad Workshop of Upper Somerton and District",
              tagline="Blue things, dyed slowly in small batches by hand",
              about="We dye wool and linen in vats. " * 5)
    add_maker("Cy Quiet", about="Nothing blue here.")
    assert found(client, "woad")[0] == [
        "The Old Woad Workshop of Upper Somerton and District", "Bea Weaver"]


# --- accents, case and prefixes ---------------------------------------------------


@pytest.fixture
def ceramique(add_maker, add_story):
    accented = add_maker("Amélie Four", tagline="Céramique de grès")
    plain = add_maker("Bruno Tour", tagline="Ceramique sans accent")
    add_maker("Cy Quiet", tagline="Porcelain only")
    add_story(accented, "Ma céramique", body="Le four chauffe.")
    add_story(plain, "Notes", body="Une ceramique brute, sans accent.")
    add_story(plain, "Other", body="Nothing to do with it.")


@pytest.mark.parametrize("q", ["ceramique", "CÉRAMIQUE", "céramique", "Ceramiq"])
def test_accents_and_case_do_not_matter(client, ceramique, q):
    makers, stories = found(client, q)
    assert sorted(makers) == ["Amélie Four", "Bruno Tour"]
    assert sorted(stories) == ["Ma céramique", "Notes"]


def test_a_prefix_finds_the_word_and_marks_it(client, add_maker, add_story):
    ada = add_maker("Ada Stitch", about="Hand embroidery on old linen.")
    add_story(ada, "Hoops and frames", body="Starting the embroidery on a Sunday.")
    add_story(ada, "Ironing", body="Nothing stitched today.")
    response = client.get("/search", query_string={"q": "embroid"})
    html = results(response)
    assert maker_names(html) == ["Ada Stitch"]
    assert story_titles(html) == ["Hoops and frames"]
    marked = snippets(html)
    assert len(marked) == 2
    for snippet in marked:
        assert re.search(r"<mark>embroidery</mark>", snippet, re.I), snippet


def test_snippets_and_titles_are_escaped(client, add_maker, add_story):
    ada = add_maker("Ada <em>Stitch</em>", about="Hand embroidery & <i>lace</i>.")
    add_story(ada, "<b>Hoops</b> & frames",
              body="<b>bold</b> & stuff about embroidery <script>alert(1)</script>",
              materials="<img src=x onerror=alert(1)> embroidery floss")
    response = client.get("/search", query_string={"q": "embroidery"})
    html = results(response)
    assert maker_names(html) == ["Ada <em>Stitch</em>"]
    assert story_titles(html) == ["<b>Hoops</b> & frames"]
    assert "&lt;b&gt;Hoops&lt;/b&gt; &amp; frames" in html
    story_snippet = snippets(html)[1]
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; stuff" in story_snippet
    assert "<mark>embroidery</mark>" in story_snippet
    # No tag from what makers typed: only the <mark> the search adds.
    tags = {tag for tag, _ in Elements("".join(snippets(html))).found}
    assert tags == {"mark"}
    for raw in ("<b>", "<i>", "<em>", "<script", "<img"):
        assert raw not in html


# --- hostile queries ----------------------------------------------------------------


HOSTILE = ['"', '""', "'", "*", "NEAR(", "NEAR(a b)", "a AND", "OR", "NOT x", "-x", "^x",
           "x:y", "(", ")", "%", "_", "%_%", "\\", 'a"b', "'; DROP TABLE maker; --",
           "clay " * 1000, "q" * 5000, "🏺🔥 clay 🧶", "ßΩ漢字", "title:clay", "{clay}",
           "clay*", "* clay", "AND OR NOT", "\x00", "clay\x02\x03"]


@pytest.fixture
def some(add_maker, add_story):
    ada = add_maker("Ada Potter", crafts=["ceramics"], tagline="Clay and ash glazes")
    add_story(ada, "Wedging clay", body="Clay, water and patience. ßΩ漢字 and AND OR.")
    return ada


@pytest.mark.parametrize("q", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_are_only_text(client, some, q):
    full = client.get("/search", query_string={"q": q})
    assert full.status_code == 200
    assert b"<html" in full.data
    assert "HX-Request" in full.headers.get("Vary", "")
    box = next(attrs for tag, attrs in Elements(full.data.decode()).found
               if tag == "input" and attrs.get("id") == "q")
    assert box["value"] == q.strip()[:200]  # shown back as typed, escaped

    fragment = hx(client, "get", "/search", query_string={"q": q})
    assert fragment.status_code == 200
    assert fragment.data.decode().lstrip().startswith('<div id="search-results"')

    # Still a working database afterwards.
    assert found(client, "clay") == (["Ada Potter"], ["Wedging clay"])
    assert b"Ada Potter" in client.get("/makers").data


@pytest.mark.parametrize("q", ["%", "_", "%_%", "%%", "__", "c_t", "c%t", "%a%"])
def test_percent_and_underscore_are_not_wildcards(client, add_maker, add_story, q):
    ada = add_maker("Bo", tagline="Cat")
    add_story(ada, "Cat", body="Cat cat cat.")
    makers, stories = found(client, q)
    assert (makers, stories) == ([], [])


def test_quoted_operators_are_searched_as_words(client, add_maker, add_story):
    ada = add_maker("Ada Potter")
    add_story(ada, "Near the kiln", body="Firing notes.")
    add_story(ada, "Far from it", body="Nothing.")
    assert found(client, "NEAR(")[1] == ["Near the kiln"]
    assert found(client, "near OR far")[1] == []  # every word must match, OR included


# --- empty and nothing found -----------------------------------------------------------


@pytest.mark.parametrize("args", [{}, {"q": ""}, {"q": "   "}, {"q": "?!"}])
@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_an_empty_query_shows_the_prompt(client, some, args, htmx):
    response = (hx(client, "get", "/search", query_string=args) if htmx
                else client.get("/search", query_string=args))
    assert response.status_code == 200
    html = results(response)
    assert PROMPT in html
    assert NOTHING not in html
    assert maker_names(html) == [] and story_titles(html) == []


def test_no_results_says_so_and_offers_crafts(client, some):
    response = client.get("/search", query_string={"q": "zyzzyva"})
    html = results(response)
    assert NOTHING in html
    assert "zyzzyva" in html
    assert PROMPT not in html
    links = {attrs["href"] for tag, attrs in Elements(html).found if tag == "a"}
    assert links == {f"/makers?craft={slug}" for slug in CRAFTS}


# --- filters ----------------------------------------------------------------------------


@pytest.fixture
def potters(add_maker, add_story):
    ada = add_maker("Ada Bristol", crafts=["ceramics"], place="Bristol, UK", tagline="Clay")
    bea = add_maker("Bea Bristol", crafts=["weaving"], place="Bristol, UK", tagline="Clay")
    cy = add_maker("Cy Leeds", crafts=["ceramics", "glass"], place="Leeds, UK",
                   tagline="Clay")
    add_maker("Di Unrelated", crafts=["ceramics"], place="Bristol, UK", tagline="Wool")
    for maker in (ada, bea, cy):
        add_story(maker, f"Clay by {maker.display_name}", body="Clay and water.")
    return ada, bea, cy


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({}, {"Ada Bristol", "Bea Bristol", "Cy Leeds"}),
        ({"craft": "ceramics"}, {"Ada Bristol", "Cy Leeds"}),
        ({"place": "bristol-uk"}, {"Ada Bristol", "Bea Bristol"}),
        ({"craft": "ceramics", "place": "bristol-uk"}, {"Ada Bristol"}),
        ({"craft": "glass", "place": "bristol-uk"}, set()),
        ({"craft": "underwater-basket"}, {"Ada Bristol", "Bea Bristol", "Cy Leeds"}),
        ({"craft": "<script>", "place": "leeds-uk"}, {"Cy Leeds"}),
    ],
)
def test_filters_narrow_makers_and_stories_together(client, potters, args, expected):
    makers, stories = found(client, "clay", **args)
    assert set(makers) == expected
    assert set(stories) == {f"Clay by {name}" for name in expected}


# --- only what is published ----------------------------------------------------------------


def test_drafts_and_hidden_makers_are_never_found(client, app, add_maker, add_story):
    ada = add_maker("Ada Potter")
    add_story(ada, "Zephyr glaze, published", body="Zephyr blue.")
    add_story(ada, "Zephyr glaze, draft", body="Zephyr green.", published=False)
    hidden = add_maker("Hid Away", status="suspended", tagline="Zephyr")
    add_story(hidden, "Zephyr of a hidden maker", body="Zephyr grey.")
    assert found(client, "zephyr") == ([], ["Zephyr glaze, published"])
    assert found(client, "green") == ([], [])


def test_an_unpublished_story_leaves_the_results(client, app, owner):
    response = client.post("/account/stories/new", data={
        "title": "Zephyr jug", "body": "A jug.", "materials": "", "techniques": "",
        "time_taken": "", "action": "publish"})
    assert response.status_code == 303
    assert found(client, "zephyr")[1] == ["Zephyr jug"]
    data = {"title": "Zephyr jug", "body": "A jug.", "materials": "", "techniques": "",
            "time_taken": "", "action": "unpublish"}
    assert client.post(response.headers["Location"], data=data).status_code == 303
    assert found(client, "zephyr")[1] == []


# --- htmx and the full page ------------------------------------------------------------------


EVERY_POTTER = {"Ada Bristol", "Bea Bristol", "Cy Leeds"}


@pytest.mark.parametrize(
    ("args", "makers", "story_makers"),
    [({"q": "clay"}, EVERY_POTTER, EVERY_POTTER),
     ({"q": "cla"}, EVERY_POTTER, EVERY_POTTER),
     ({"q": "clay", "craft": "ceramics"}, {"Ada Bristol", "Cy Leeds"}, {"Ada Bristol", "Cy Leeds"}),
     ({"q": "clay", "place": "leeds-uk"}, {"Cy Leeds"}, {"Cy Leeds"}),
     ({"q": "bristol"}, {"Ada Bristol", "Bea Bristol", "Di Unrelated"},
      {"Ada Bristol", "Bea Bristol"})],
)
def test_the_fragment_and_the_full_page_agree(client, potters, args, makers, story_makers):
    full = client.get("/search", query_string=args)
    assert "HX-Request" in full.headers.get("Vary", "")
    fragment = hx(client, "get", "/search", query_string=args)
    assert fragment.status_code == 200
    part = fragment.data.decode()
    assert part.lstrip().startswith('<div id="search-results"')
    assert "<form" not in part
    page = results(full)
    assert set(maker_names(page)) == makers
    assert set(story_titles(page)) == {f"Clay by {name}" for name in story_makers}
    assert set(maker_names(part)) == set(maker_names(page))
    assert set(story_titles(part)) == set(story_titles(page))
    assert snippets(part) == snippets(page)


# --- small pages -----------------------------------------------------------------------------


class TestPages:
    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "STORIES_PER_PAGE": 3, "MAKERS_PER_PAGE": 3}

    # --- /search: ranked, so ?page=N ---

    @pytest.fixture
    def clay_stories(self, add_maker, add_story):
        ada = add_maker("Ada Potter", tagline="Clay")
        titles = []
        for n in range(1, 8):
            title = f"Clay {n}" if n % 2 else f"Notes {n}"
            add_story(ada, title, body=f"Day {n} with the clay. " + "More words. " * n)
            titles.append(title)
        add_story(ada, "Clay draft", published=False)
        return titles

    @pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
    def test_more_stories_continues_without_repeats(self, client, clay_stories, htmx):
        first = client.get("/search", query_string={"q": "clay"})
        html = results(first)
        seen = story_titles(html)
        assert len(seen) == 3
        assert maker_names(html) == ["Ada Potter"]
        url = more_link(html, "More stories")
        path, args = urlsplit(url).path, parse_qs(urlsplit(url).query)
        assert (path, args) == ("/search", {"q": ["clay"], "page": ["2"]})
        pages = 1
        while url:
            assert pages < 5, "More stories never ends"
            if htmx:
                response = hx(client, "get", url)
                html = response.data.decode()
                assert 'id="search-results"' not in html  # only the next <li> items
                assert html.lstrip().startswith('<li class="result story-result">')
            else:
                response = client.get(url)
                assert b"<html" in response.data
                html = results(response)
            assert response.status_code == 200
            assert maker_names(html) == []  # makers come with the first page only
            seen += story_titles(html)
            url = more_link(html, "More stories")
            pages += 1
        assert pages == 3
        assert sorted(seen) == sorted(clay_stories)
        assert len(seen) == len(set(seen))

    # --- profiles and /makers: keyset cursors ---

    def test_story_pages_neither_skip_nor_repeat_while_new_stories_arrive(
            self, client, app, make_maker):
        ada = make_maker("Ada Potter")
        start = utcnow() - timedelta(days=30)
        original = [f"Pot {n}" for n in range(1, 8)]
        for n, title in enumerate(original, start=1):
            make_story(app, ada, title=title, published_at=start + timedelta(days=n))

        def titles(response):
            return story_cards(response.data.decode())

        first = client.get("/makers/ada-potter")
        seen = titles(first)
        assert seen == ["Pot 7", "Pot 6", "Pot 5"]
        make_story(app, ada, title="New 1", published_at=utcnow())
        make_story(app, ada, title="New 2", published_at=utcnow() + timedelta(seconds=1))

        url, plain = more_link(first.data.decode(), "More stories"), True
        while url:
            assert len(seen) <= 9, seen  # the links must come to an end
            response = client.get(url) if plain else hx(client, "get", url)
            assert response.status_code == 200
            seen += titles(response)
            url, plain = more_link(response.data.decode(), "More stories"), not plain
        assert seen == original[::-1]  # each exactly once, in order, none new
        assert titles(client.get("/makers/ada-potter")) == ["New 2", "New 1", "Pot 7"]

    def test_maker_pages_do_not_shift_when_makers_sign_up(self, client, make_maker):
        original = [make_maker(f"Maker {n}").display_name for n in range(1, 8)]
        first = client.get("/makers")
        seen = maker_names(first.data.decode())
        assert seen == ["Maker 7", "Maker 6", "Maker 5"]
        make_maker("Late One")
        second = hx(client, "get", more_link(first.data.decode(), "More makers"))
        seen += maker_names(second.data.decode())
        make_maker("Late Two")  # mid-way too
        url = more_link(second.data.decode(), "More makers")
        while url:
            assert len(seen) <= 9, seen  # the links must come to an end
            response = client.get(url)
            assert response.status_code == 200
            seen += maker_names(response.data.decode())
            url = more_link(response.data.decode(), "More makers")
        assert seen == original[::-1]
        assert maker_names(client.get("/makers").data.decode()) == [
            "Late Two", "Late One", "Maker 7"]


def story_cards(html):
    return [unescape(title) for title in
            re.findall(r'<h3><a href="/stories/\d+">([^<]*)</a></h3>', html)]


# --- queries stay flat ---------------------------------------------------------------------


def populate(app, start, count):
    """`count` makers, each with a craft, a link and a published story about clay."""
    with app.app_context(), db.connection_context(), db.atomic():
        for n in range(start, start + count):
            maker = Maker(display_name=f"Maker {n:03d}", email=f"maker-{n:03d}@example.com",
                          slug=f"maker-{n:03d}", tagline="Clay pots and cups",
                          password_hash=Maker.UNUSABLE_PASSWORD)
            maker.set_place(f"Town {n}, UK")
            maker.save()
            maker.set_crafts(["ceramics"])
            Link.create(maker=maker, kind="website", url=f"https://m{n}.example/", position=1)
            search.index_maker(maker)
            story = Story(maker=maker.id)
            story.set_text(title=f"Clay diary {n}", body="Wedging the clay before throwing.")
            story.publish()
            story.save()
            search.index_story(story)


URLS = ["/", "/makers", "/search?q=clay", "/makers/maker-001"]


def test_query_counts_do_not_grow_with_makers(client, app, count_queries):
    def counts():
        result = {}
        for url in URLS:
            with count_queries() as queries:
                response = client.get(url)
            assert response.status_code == 200, url
            result[url] = len(queries)
        return result

    # Two fill no page; ten fill every page (so a per-row query would hide at 10 vs 300).
    populate(app, 1, 2)
    two = counts()
    populate(app, 3, 8)
    few = counts()
    populate(app, 11, 290)
    many = counts()
    assert all(few.values())
    assert many == few
    assert two == few

    # And the pages really have more to show now.
    makers_page = client.get("/makers").data.decode()
    assert more_link(makers_page, "More makers")
    search_page = results(client.get("/search?q=clay"))
    assert more_link(search_page, "More stories")
    assert len(maker_names(search_page)) == 6
