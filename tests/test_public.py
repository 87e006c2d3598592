"""Pages for visitors: home, browsing makers, profiles, and the small plain-text routes."""

import json
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from directory.extensions import db
from directory.models import Link
from tests.conftest import hx

CARD = 'class="card maker-card"'


def cards(response):
    return response.data.decode().count(CARD)


def more_link(response):
    """The href of the "More makers" control, or None."""
    match = re.search(r'<a class="button secondary" href="([^"]*)"[^>]*>More makers</a>',
                      response.data.decode(), re.S)
    return unescape(match.group(1)) if match else None


def query(url):
    parts = urlsplit(url)
    return parts.path, {key: values[0] for key, values in parse_qs(parts.query).items()}


@pytest.fixture
def twelve(make_maker):
    """Twelve potters in Bristol, made oldest first (so shown "Maker 12" first)."""
    return [
        make_maker(f"Maker {n:02d}", crafts=["ceramics"], place="Bristol, UK",
                   tagline=f"Tagline {n:02d}")
        for n in range(1, 13)
    ]


# --- home ---------------------------------------------------------------

def test_home_lists_makers_to_meet_and_craft_counts(client, make_maker):
    make_maker("Ada Potter", crafts=["ceramics", "glass"], tagline="Porcelain cups")
    make_maker("Bea Weaver", crafts=["ceramics", "weaving"], tagline="Rugs and mugs")
    make_maker("Cy Quiet", crafts=["ceramics"])  # no tagline: not "to meet"
    response = client.get("/")
    assert response.status_code == 200
    page = response.data.decode()
    assert "<html" in page
    meet = page[page.index('id="makers-to-meet"'):page.index('id="crafts-heading"')]
    assert "Ada Potter" in meet and "Bea Weaver" in meet
    assert "Porcelain cups" in meet
    assert "Cy Quiet" not in meet
    assert "Be the first" not in page

    def count(slug):
        match = re.search(rf'href="/makers\?craft={slug}">[^<]*<span class="count">(\d+)</span>',
                          page)
        return int(match.group(1)) if match else 0

    assert count("ceramics") == 3
    assert count("glass") == 1
    assert count("weaving") == 1
    assert count("jewellery") == 0
    assert 'href="/makers?craft=jewellery">Jewellery</a>' in page  # every craft is browsable


def test_home_shows_at_most_six_makers_to_meet(client, make_maker):
    for n in range(8):
        make_maker(f"Maker {n}", tagline="Things")
    page = client.get("/").data.decode()
    meet = page[page.index('id="makers-to-meet"'):page.index('id="crafts-heading"')]
    assert meet.count(CARD) == 6


def test_home_empty_state(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"Be the first" in response.data
    assert CARD.encode() not in response.data


def test_home_for_htmx_is_only_makers_to_meet(client, make_maker):
    make_maker("Ada Potter", tagline="Porcelain cups")
    response = hx(client, "get", "/")
    assert response.status_code == 200
    page = response.data.decode().strip()
    assert page.startswith('<div id="makers-to-meet"')
    assert "Ada Potter" in page
    assert "Browse by craft" not in page
    assert "Meet the people who make things by hand" not in page


# --- browsing ------------------------------------------------------------

def test_makers_lists_everyone(client, make_maker):
    make_maker("Ada Potter", crafts=["ceramics"], place="Bristol, UK")
    make_maker("Bea Weaver", crafts=["weaving"], place="Leeds, UK")
    response = client.get("/makers")
    assert response.status_code == 200
    assert b"<html" in response.data
    assert cards(response) == 2
    assert b"Ada Potter" in response.data and b"Bea Weaver" in response.data
    assert more_link(response) is None


@pytest.fixture
def mixed(make_maker):
    make_maker("Ada Potter", crafts=["ceramics"], place="Bristol, UK")
    make_maker("Bea Glass", crafts=["ceramics", "glass"], place="Leeds, UK")
    make_maker("Cy Weaver", crafts=["weaving"], place="bristol ,uk")
    make_maker("Di Nowhere", crafts=["ceramics"])


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({"craft": "ceramics"}, {"Ada Potter", "Bea Glass", "Di Nowhere"}),
        ({"craft": "glass"}, {"Bea Glass"}),
        ({"place": "bristol-uk"}, {"Ada Potter", "Cy Weaver"}),
        ({"place": "leeds-uk"}, {"Bea Glass"}),
        ({"craft": "ceramics", "place": "bristol-uk"}, {"Ada Potter"}),
        ({"craft": "weaving", "place": "bristol-uk"}, {"Cy Weaver"}),
        ({"craft": "underwater-basket"}, {"Ada Potter", "Bea Glass", "Cy Weaver", "Di Nowhere"}),
        ({"craft": "<script>"}, {"Ada Potter", "Bea Glass", "Cy Weaver", "Di Nowhere"}),
    ],
)
def test_makers_filters(client, mixed, args, expected):
    response = client.get("/makers", query_string=args)
    assert response.status_code == 200
    names = set(re.findall(r'<h3><a href="/makers/[^"]+">([^<]+)</a></h3>',
                           response.data.decode()))
    assert names == expected
    assert b"<script>" not in response.data.split(b"</head>")[1]


def test_filter_title_names_the_craft(client, mixed):
    page = client.get("/makers", query_string={"craft": "glass"}).data.decode()
    assert "<h1>Glass makers</h1>" in page
    assert '<option value="glass" selected>' in page


@pytest.mark.parametrize(
    "args", [{"craft": "glass", "place": "bristol-uk"}, {"place": "nowhere-at-all"}]
)
def test_empty_filter_result(client, mixed, args):
    response = client.get("/makers", query_string=args)
    assert response.status_code == 200
    assert b"No makers match" in response.data
    assert cards(response) == 0


def shown(response):
    """The names on the maker cards, in page order."""
    return re.findall(r'<h3><a href="/makers/[^"]+">([^<]+)</a></h3>', response.data.decode())


BAD_CURSORS = ["abc", "-3", "0", "1.5", "", "2026-x", "x" * 200, "9" * 200, "\u00b2",
               "9" * 19]


@pytest.mark.parametrize("after", BAD_CURSORS,
                         ids=["abc", "-3", "0", "1.5", "empty", "2026-x", "200-letters",
                              "200-digits", "superscript-2", "past-int64"])
def test_bad_cursors_mean_the_first_page(client, twelve, after):
    response = client.get("/makers", query_string={"after": after})
    assert response.status_code == 200
    assert cards(response) == 5
    assert shown(response) == [f"Maker {n:02d}" for n in range(12, 7, -1)]  # newest first
    path, args = query(more_link(response))
    assert (path, args) == ("/makers", {"after": str(twelve[7].id)})  # after Maker 08


def test_pagination_keeps_filters(client, twelve, make_maker):
    make_maker("Zed Glass", crafts=["glass"], place="Bristol, UK")
    make_maker("Yan Leeds", crafts=["ceramics"], place="Leeds, UK")
    filters = {"craft": "ceramics", "place": "bristol-uk"}

    first = client.get("/makers", query_string=filters)
    assert cards(first) == 5
    assert b"Zed Glass" not in first.data and b"Yan Leeds" not in first.data
    assert b"Back to the first page" not in first.data
    path, args = query(more_link(first))
    assert path == "/makers"
    assert args == {**filters, "after": str(twelve[7].id)}  # the last one shown

    second = client.get(path, query_string=args)
    assert second.status_code == 200
    assert cards(second) == 5
    path, args = query(more_link(second))
    assert args == {**filters, "after": str(twelve[2].id)}

    third = client.get(path, query_string=args)
    assert cards(third) == 2
    assert more_link(third) is None
    assert b"Back to the first page" in third.data
    back = re.search(r'<a href="([^"]*)">Back to the first page</a>', third.data.decode())
    assert query(unescape(back.group(1))) == ("/makers", filters)

    pages = [shown(response) for response in (first, second, third)]
    assert pages == [[f"Maker {n:02d}" for n in range(12, 7, -1)],
                     [f"Maker {n:02d}" for n in range(7, 2, -1)],
                     ["Maker 02", "Maker 01"]]


def test_cursor_past_the_end_is_empty_but_fine(client, twelve):
    response = client.get("/makers", query_string={"after": twelve[0].id})  # the oldest
    assert response.status_code == 200
    assert cards(response) == 0
    assert more_link(response) is None
    assert b"No makers match" not in response.data  # not an empty directory, just the end
    assert b"Back to the first page" in response.data


def test_htmx_next_page_is_a_bare_append(client, twelve):
    url = more_link(client.get("/makers"))
    response = hx(client, "get", url)
    assert response.status_code == 200
    assert b'id="maker-results"' not in response.data
    assert cards(response) == 5
    assert shown(response) == [f"Maker {n:02d}" for n in range(7, 2, -1)]
    assert query(more_link(response)) == ("/makers", {"after": str(twelve[2].id)})
    assert b"Back to the first page" not in response.data

    last = hx(client, "get", more_link(response))
    assert shown(last) == ["Maker 02", "Maker 01"]
    assert more_link(last) is None
    assert b"More makers" not in last.data
    assert b"No makers match" not in last.data


def test_htmx_first_page_is_the_whole_results_grid(client, twelve):
    response = hx(client, "get", "/makers", query_string={"after": "", "craft": "ceramics"})
    assert response.status_code == 200
    assert response.data.decode().strip().startswith('<div id="maker-results"')
    assert cards(response) == 5
    assert b'<form class="filters"' not in response.data


def test_htmx_empty_filter_says_so(client, mixed):
    response = hx(client, "get", "/makers", query_string={"craft": "toys"})
    assert b"No makers match" in response.data
    assert b'id="maker-results"' in response.data


# --- profile -------------------------------------------------------------

@pytest.fixture
def ada(make_maker):
    return make_maker(
        "Ada Potter",
        crafts=["glass", "ceramics"],
        place="Bristol, UK",
        tagline="Porcelain cups, thrown thin",
        about="I work in a **shed**.",
        links=[("website", "https://ada.example/"), ("marketplace", "https://shop.example/ada")],
        commissions=True,
    )


def test_profile_shows_the_maker(client, ada):
    response = client.get("/makers/ada-potter")
    assert response.status_code == 200
    page = response.data.decode()
    assert "<h1>Ada Potter</h1>" in page
    assert "Porcelain cups, thrown thin" in page
    assert "<strong>shed</strong>" in page
    assert "Bristol, UK" in page
    assert "Taking commissions" in page
    assert '<a href="/makers?craft=ceramics">Ceramics</a>' in page
    assert '<a href="/makers?craft=glass">Glass</a>' in page
    assert page.index(">Ceramics<") < page.index(">Glass<")  # the curated order
    assert ('<a href="https://ada.example/" rel="nofollow ugc noopener" target="_blank">'
            "ada.example</a>") in page
    assert page.index("https://ada.example/") < page.index("https://shop.example/ada")
    assert "ada-potter@example.com" not in page  # the email is private


def test_profile_has_json_ld_and_open_graph(client, ada):
    page = client.get("/makers/ada-potter").data.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Person"
    assert data["name"] == "Ada Potter"
    assert data["description"] == "Porcelain cups, thrown thin"
    assert data["url"] == "http://localhost/makers/ada-potter"
    assert data["knowsAbout"] == ["Ceramics", "Glass"]
    assert data["sameAs"] == []  # unverified links are not claimed as the maker's
    assert '"@type": "Person"' in page
    assert '<meta property="og:title" content="Ada Potter">' in page
    assert '<meta property="og:type" content="profile">' in page
    assert '<meta property="og:description" content="Porcelain cups, thrown thin">' in page


def test_owner_sees_edit_link_others_do_not(client, ada, auth, make_maker):
    assert b"Edit your profile" not in client.get("/makers/ada-potter").data
    make_maker("Bea Weaver")
    auth.login(email="bea-weaver@example.com")
    assert b"Edit your profile" not in client.get("/makers/ada-potter").data
    assert b"Edit your profile" in client.get("/makers/bea-weaver").data
    auth.logout()
    auth.login()
    assert b"Edit your profile" in client.get("/makers/ada-potter").data


def test_unknown_profile_is_404(client):
    response = client.get("/makers/nobody-here")
    assert response.status_code == 404
    assert b"We could not find that page" in response.data


def test_profile_of_inactive_maker_is_404(client, make_maker):
    make_maker("Ada Potter", status="suspended")
    assert client.get("/makers/ada-potter").status_code == 404
    assert b"Ada Potter" not in client.get("/makers").data


# --- full page or fragment -------------------------------------------------

@pytest.mark.parametrize(
    ("url", "marker"),
    [
        ("/", b'id="makers-to-meet"'),
        ("/makers", b'id="maker-results"'),
        ("/makers/ada-potter", b'id="story-list"'),
    ],
)
def test_page_in_full_and_as_fragment(client, ada, url, marker):
    full = client.get(url)
    assert full.status_code == 200
    assert b"<html" in full.data
    assert marker in full.data
    assert "HX-Request" in full.headers.get("Vary", "")

    fragment = hx(client, "get", url)
    assert fragment.status_code == 200
    assert marker in fragment.data
    assert b"<head>" not in fragment.data
    assert b"<title>" not in fragment.data
    assert b"Ada Potter" in fragment.data


# --- queries stay flat -----------------------------------------------------

def add_makers(make_maker, start, count, links=2):
    for n in range(start, start + count):
        make_maker(
            f"Maker {n:02d}",
            crafts=["ceramics", "glass"],
            place=f"Town {n}, UK",
            tagline="Things",
            links=[("website", f"https://m{n}-{i}.example/") for i in range(links)],
        )


@pytest.mark.parametrize(("url", "shown"), [
    ("/makers", 5),  # a page of MAKERS_PER_PAGE (5 in the tests)
    ("/makers?craft=ceramics", 5),
    ("/", 6),  # six makers to meet
])
def test_query_count_does_not_grow_with_makers(client, make_maker, count_queries, url, shown):
    add_makers(make_maker, 1, 3)
    with count_queries() as few:
        assert client.get(url).status_code == 200
    add_makers(make_maker, 4, 6)  # now 9: a full page and more
    with count_queries() as many:
        response = client.get(url)
    assert response.status_code == 200
    assert cards(response) == shown
    assert len(few) > 0
    assert len(many) == len(few)


def test_query_count_of_a_profile_does_not_grow_with_links(client, app, make_maker,
                                                            count_queries):
    maker = make_maker("Ada Potter", crafts=["ceramics"],
                       links=[("website", "https://ada.example/")])
    with count_queries() as one:
        assert client.get("/makers/ada-potter").status_code == 200
    with app.app_context(), db.connection_context():
        for n in range(2, 5):
            Link.create(maker=maker.id, kind="social", url=f"https://s{n}.example/", position=n)
    with count_queries() as four:
        response = client.get("/makers/ada-potter")
    where = response.data[response.data.index(b'class="where"'):]
    assert where.count(b'rel="nofollow ugc noopener" target="_blank"') == 4
    assert len(one) > 0
    assert len(four) == len(one)


# --- small routes -------------------------------------------------------------

def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert response.data.strip() == b"ok"


def test_robots(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    text = response.data.decode()
    assert "Disallow: /account" in text.splitlines()
    assert "Disallow: /makers" not in text
