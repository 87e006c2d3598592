"""The maker's links editor at /account/links: add, validate, edit, reorder, delete,
and how the links then show on the public profile."""

import pytest

from directory.extensions import db
from directory.models import Link, utcnow
from tests.conftest import hx

LINKS = [
    ("website", "https://ada.example/"),
    ("marketplace", "https://shop.example/ada"),
    ("social", "https://social.example/@ada"),
]
URLS = [url for _, url in LINKS]


@pytest.fixture
def linked_owner(make_maker, auth):
    """A logged-in maker with three links, in the order of LINKS."""
    maker = make_maker("Ada Potter", links=LINKS)
    auth.login()
    return maker


def stored_links(app, maker_id):
    """The maker's links in their chosen order, read from the database."""
    with app.app_context(), db.connection_context():
        return list(Link.for_maker(maker_id))


def link_count(app):
    with app.app_context(), db.connection_context():
        return Link.select().count()


def add(client, url="https://ada.example/", kind="website", label=""):
    return client.post("/account/links", data={"kind": kind, "url": url, "label": label})


def order_on_page(data, urls):
    """The URLs in the order they appear in a page (each must appear)."""
    positions = {url: data.index(f'href="{url}"'.encode()) for url in urls}
    return sorted(urls, key=positions.__getitem__)


# --- adding ------------------------------------------------------------------


def test_links_page_starts_empty(client, owner):
    response = client.get("/account/links")
    assert response.status_code == 200
    assert b"No links yet" in response.data
    assert b'id="links-editor"' in response.data


def test_add_link_redirects_and_flashes_on_next_page(client, app, owner):
    response = add(client, label="My studio")
    assert response.status_code == 303
    assert response.headers["Location"] == "/account/links"
    page = client.get("/account/links")
    assert b"Link added." in page.data
    assert b"https://ada.example/" in page.data
    assert b"My studio" in page.data
    links = stored_links(app, owner.id)
    assert [(link.kind, link.url, link.label) for link in links] == [
        ("website", "https://ada.example/", "My studio")
    ]
    assert links[0].verified_at is None
    # the flash is shown once only
    assert b"Link added." not in client.get("/account/links").data


def test_add_link_with_htmx_returns_the_editor_fragment(client, app, owner):
    response = hx(
        client, "post", "/account/links",
        data={"kind": "marketplace", "url": "https://shop.example/ada", "label": ""},
    )
    assert response.status_code == 200
    assert b'id="links-editor"' in response.data
    assert b"Link added." in response.data
    assert b"https://shop.example/ada" in response.data
    assert b"No links yet" not in response.data
    assert link_count(app) == 1


def test_added_links_go_to_the_end(client, app, owner):
    for url in URLS:
        add(client, url=url)
    links = stored_links(app, owner.id)
    assert [link.url for link in links] == URLS
    assert [link.position for link in links] == [1, 2, 3]


@pytest.mark.parametrize("kind", list(Link.KINDS))
def test_every_kind_is_accepted(client, app, owner, kind):
    response = add(client, kind=kind)
    assert response.status_code == 303
    (link,) = stored_links(app, owner.id)
    assert link.kind == kind
    assert Link.KINDS[kind].encode() in client.get("/account/links").data


def test_unknown_kind_is_refused(client, app, owner):
    response = add(client, kind="pyramid-scheme")
    assert response.status_code == 422
    assert b"Choose a kind from the list." in response.data
    assert link_count(app) == 0


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://x.example/",
        "data:text/html,hi",
        "example.com",
        "http://",
        "https://[bad",
    ],
)
def test_only_web_addresses_are_accepted(client, app, owner, url):
    response = add(client, url=url)
    assert response.status_code == 422
    assert b"starting with https://" in response.data
    assert b'class="error"' in response.data
    assert f'value="{url}"'.encode() in response.data  # what was typed is kept
    assert link_count(app) == 0


def test_invalid_url_with_htmx_returns_the_fragment_with_the_error(client, app, owner):
    response = hx(client, "post", "/account/links",
                  data={"kind": "website", "url": "javascript:alert(1)", "label": ""})
    assert response.status_code == 422
    assert b'id="links-editor"' in response.data
    assert b"starting with https://" in response.data
    assert link_count(app) == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"url": "https://example.com/" + "a" * 481}, b"cannot be longer than 500 characters"),
        ({"label": "L" * 81}, b"cannot be longer than 80 characters"),
        ({"url": ""}, b"Enter the address of the page."),
        ({"url": "   "}, b"Enter the address of the page."),
    ],
)
def test_length_and_required_limits(client, app, owner, data, message):
    form = {"kind": "website", "url": "https://ada.example/", "label": ""}
    form.update(data)
    response = client.post("/account/links", data=form)
    assert response.status_code == 422
    assert message in response.data
    assert link_count(app) == 0


def test_url_of_exactly_500_characters_is_accepted(client, app, owner):
    url = "https://example.com/" + "a" * 480
    assert len(url) == 500
    assert add(client, url=url).status_code == 303
    assert [link.url for link in stored_links(app, owner.id)] == [url]


def test_surrounding_spaces_are_stripped(client, app, owner):
    add(client, url="  https://ada.example/  ", label="  Studio  ")
    (link,) = stored_links(app, owner.id)
    assert (link.url, link.label) == ("https://ada.example/", "Studio")


# --- editing -----------------------------------------------------------------


def test_edit_page_shows_the_edit_form(client, app, linked_owner):
    link = stored_links(app, linked_owner.id)[1]
    response = client.get(f"/account/links/{link.id}/edit")
    assert response.status_code == 200
    assert b"<html" in response.data
    assert f'action="/account/links/{link.id}"'.encode() in response.data
    assert b'name="edit-url"' in response.data
    assert b'value="https://shop.example/ada"' in response.data
    assert b"Save link" in response.data


def test_edit_with_htmx_returns_the_fragment_with_the_edit_form(client, app, linked_owner):
    link = stored_links(app, linked_owner.id)[1]
    response = hx(client, "get", f"/account/links/{link.id}/edit")
    assert response.status_code == 200
    assert b'id="links-editor"' in response.data
    assert f'hx-post="/account/links/{link.id}"'.encode() in response.data
    assert b'name="edit-kind"' in response.data
    assert b'name="edit-label"' in response.data
    assert b'value="https://shop.example/ada"' in response.data


def test_saving_an_edit_changes_the_link(client, app, linked_owner):
    link = stored_links(app, linked_owner.id)[0]
    response = client.post(
        f"/account/links/{link.id}",
        data={"edit-kind": "gallery", "edit-url": "https://gallery.example/ada",
              "edit-label": "Gallery page"},
    )
    assert response.status_code == 303
    assert response.headers["Location"] == "/account/links"
    assert b"Link saved." in client.get("/account/links").data
    links = stored_links(app, linked_owner.id)
    assert (links[0].id, links[0].kind, links[0].url, links[0].label) == (
        link.id, "gallery", "https://gallery.example/ada", "Gallery page"
    )
    assert [lk.url for lk in links[1:]] == URLS[1:]  # the others are untouched
    assert len(links) == 3


def test_saving_an_edit_with_htmx_returns_the_fragment(client, app, linked_owner):
    link = stored_links(app, linked_owner.id)[0]
    response = hx(
        client, "post", f"/account/links/{link.id}",
        data={"edit-kind": "website", "edit-url": "https://new.example/", "edit-label": ""},
    )
    assert response.status_code == 200
    assert b"Link saved." in response.data
    assert b"https://new.example/" in response.data
    assert b'name="edit-url"' not in response.data  # back to the list, no edit form
    assert stored_links(app, linked_owner.id)[0].url == "https://new.example/"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"edit-url": "javascript:alert(1)"}, (b"starting with https://", "javascript:alert(1)")),
        ({"edit-url": "example.com"}, (b"starting with https://", "example.com")),
        ({"edit-kind": "nonsense"}, (b"Choose a kind from the list.", None)),
        ({"edit-label": "L" * 81}, (b"cannot be longer than 80 characters", "L" * 81)),
        ({"edit-url": ""}, (b"Enter the address of the page.", None)),
    ],
)
def test_invalid_edit_shows_error_and_keeps_input(client, app, linked_owner, data, expected):
    message, typed = expected
    before = stored_links(app, linked_owner.id)[0]
    form = {"edit-kind": "website", "edit-url": "https://ada.example/", "edit-label": ""}
    form.update(data)
    response = client.post(f"/account/links/{before.id}", data=form)
    assert response.status_code == 422
    assert message in response.data
    assert b'name="edit-url"' in response.data  # the edit form is shown again
    if typed is not None:
        assert f'value="{typed}"'.encode() in response.data
    after = stored_links(app, linked_owner.id)[0]
    assert (after.kind, after.url, after.label) == (before.kind, before.url, before.label)


def set_verified(app, link_id):
    with app.app_context(), db.connection_context():
        Link.update(verified_at=utcnow()).where(Link.id == link_id).execute()
        return Link.get_by_id(link_id).verified_at


def test_changing_the_url_clears_verification(client, app, linked_owner):
    link = stored_links(app, linked_owner.id)[0]
    assert set_verified(app, link.id) is not None
    client.post(f"/account/links/{link.id}",
                data={"edit-kind": "website", "edit-url": "https://elsewhere.example/",
                      "edit-label": ""})
    after = stored_links(app, linked_owner.id)[0]
    assert after.url == "https://elsewhere.example/"
    assert after.verified_at is None


def test_keeping_the_url_keeps_verification(client, app, linked_owner):
    link = stored_links(app, linked_owner.id)[0]
    verified_at = set_verified(app, link.id)
    response = client.post(f"/account/links/{link.id}",
                           data={"edit-kind": "marketplace", "edit-url": link.url,
                                 "edit-label": "Renamed"})
    assert response.status_code == 303
    after = stored_links(app, linked_owner.id)[0]
    assert (after.kind, after.label) == ("marketplace", "Renamed")
    assert after.verified_at == verified_at


# --- reordering --------------------------------------------------------------


def move(client, link_id, direction):
    return client.post(f"/account/links/{link_id}/move", data={"direction": direction})


def test_move_up_swaps_with_the_link_above(client, app, linked_owner):
    ids = [link.id for link in stored_links(app, linked_owner.id)]
    response = move(client, ids[2], "up")
    assert response.status_code == 303
    assert response.headers["Location"] == "/account/links"
    links = stored_links(app, linked_owner.id)
    assert [link.id for link in links] == [ids[0], ids[2], ids[1]]
    assert [link.position for link in links] == [1, 2, 3]
    page = client.get(f"/makers/{linked_owner.slug}")
    assert order_on_page(page.data, URLS) == [URLS[0], URLS[2], URLS[1]]


def test_move_down_swaps_with_the_link_below(client, app, linked_owner):
    ids = [link.id for link in stored_links(app, linked_owner.id)]
    assert move(client, ids[0], "down").status_code == 303
    assert [link.id for link in stored_links(app, linked_owner.id)] == [ids[1], ids[0], ids[2]]
    page = client.get(f"/makers/{linked_owner.slug}")
    assert order_on_page(page.data, URLS) == [URLS[1], URLS[0], URLS[2]]


def test_move_with_htmx_returns_the_reordered_fragment(client, app, linked_owner):
    ids = [link.id for link in stored_links(app, linked_owner.id)]
    response = hx(client, "post", f"/account/links/{ids[1]}/move", data={"direction": "up"})
    assert response.status_code == 200
    assert b"Links reordered." in response.data
    first, second = URLS[1].encode(), URLS[0].encode()
    assert response.data.index(first) < response.data.index(second)


@pytest.mark.parametrize(("index", "direction"), [(0, "up"), (2, "down")])
def test_moving_past_either_end_changes_nothing(client, app, linked_owner, index, direction):
    ids = [link.id for link in stored_links(app, linked_owner.id)]
    response = move(client, ids[index], direction)
    assert response.status_code == 303
    links = stored_links(app, linked_owner.id)
    assert [link.id for link in links] == ids
    assert [link.position for link in links] == [1, 2, 3]


@pytest.mark.parametrize("data", [{"direction": "sideways"}, {"direction": ""}, {}])
def test_bad_direction_is_a_bad_request(client, app, linked_owner, data):
    ids = [link.id for link in stored_links(app, linked_owner.id)]
    response = client.post(f"/account/links/{ids[1]}/move", data=data)
    assert response.status_code == 400
    assert b"Something in that request was not right" in response.data
    assert [link.id for link in stored_links(app, linked_owner.id)] == ids


def test_move_is_post_only(client, app, linked_owner):
    link = stored_links(app, linked_owner.id)[1]
    assert client.get(f"/account/links/{link.id}/move?direction=up").status_code == 405


# --- deleting ----------------------------------------------------------------


def test_delete_removes_the_link(client, app, linked_owner):
    ids = [link.id for link in stored_links(app, linked_owner.id)]
    response = client.post(f"/account/links/{ids[1]}/delete")
    assert response.status_code == 303
    assert response.headers["Location"] == "/account/links"
    page = client.get("/account/links")
    assert b"Link removed." in page.data
    assert URLS[1].encode() not in page.data
    assert [link.id for link in stored_links(app, linked_owner.id)] == [ids[0], ids[2]]


def test_delete_with_htmx_returns_the_fragment_without_the_link(client, app, linked_owner):
    ids = [link.id for link in stored_links(app, linked_owner.id)]
    response = hx(client, "post", f"/account/links/{ids[0]}/delete")
    assert response.status_code == 200
    assert b"Link removed." in response.data
    assert URLS[0].encode() not in response.data
    assert URLS[1].encode() in response.data
    assert f'id="link-{ids[0]}"'.encode() not in response.data
    assert link_count(app) == 2


def test_delete_is_post_only(client, app, linked_owner):
    link = stored_links(app, linked_owner.id)[0]
    assert client.get(f"/account/links/{link.id}/delete").status_code == 405
    assert link_count(app) == 3


def test_after_deleting_every_link_new_ones_start_again(client, app, linked_owner):
    for link in stored_links(app, linked_owner.id):
        client.post(f"/account/links/{link.id}/delete")
    assert b"No links yet" in client.get("/account/links").data
    add(client, url="https://again.example/")
    assert [link.url for link in stored_links(app, linked_owner.id)] == ["https://again.example/"]


# --- the public profile ------------------------------------------------------


def test_profile_shows_links_in_order_without_endorsing_them(client, linked_owner):
    client.post("/logout")
    page = client.get(f"/makers/{linked_owner.slug}")
    assert page.status_code == 200
    assert order_on_page(page.data, URLS) == URLS
    for url in URLS:
        tag = f'<a href="{url}" rel="nofollow ugc noopener" target="_blank">'
        assert tag.encode() in page.data
    assert b"shop.example" in page.data  # the host is the title when there is no label
    assert b"Verified" not in page.data


def test_verified_link_is_marked_and_endorsed(client, app, linked_owner):
    link = stored_links(app, linked_owner.id)[0]
    set_verified(app, link.id)
    page = client.get(f"/makers/{linked_owner.slug}")
    assert f'<a href="{link.url}" rel="me noopener" target="_blank">'.encode() in page.data
    assert b"Verified" in page.data
    for url in URLS[1:]:
        assert f'<a href="{url}" rel="nofollow ugc noopener"'.encode() in page.data


def test_profile_shows_label_as_link_text(client, owner):
    add(client, url="https://shop.example/ada", kind="marketplace", label="My Etsy shop")
    page = client.get(f"/makers/{owner.slug}")
    assert b'target="_blank">My Etsy shop</a>' in page.data
    assert b"Marketplace" in page.data


def test_profile_for_htmx_is_the_story_list_without_the_links(client, linked_owner):
    """htmx asks a profile only for its stories ("More stories"); links stay put."""
    response = hx(client, "get", f"/makers/{linked_owner.slug}")
    assert response.status_code == 200
    assert b'id="story-list"' in response.data
    assert all(url.encode() not in response.data for url in URLS)
