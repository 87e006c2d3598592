"""The profile editor at /account: saving, sanitising, validating, place names."""

import json
import re
from html import unescape

import pytest

from directory.extensions import db
from directory.models import Maker
from tests.html import Elements

FORM = {
    "display_name": "Ada Potter Studio",
    "slug": "ada-studio",
    "tagline": "Wheel-thrown porcelain and blown glass.",
    "about": "I make **cups** in a shed.\n\n- porcelain\n- glass\n",
    "crafts": ["ceramics", "glass"],
    "place": "Bath, UK",
    "commissions": "y",
}


def save(client, **changes):
    data = {**FORM, **changes}
    return client.post("/account", data=data)


def stored(app, email="ada-potter@example.com"):
    with app.app_context(), db.connection_context():
        maker = Maker.get(Maker.email == email)
        return {
            "display_name": maker.display_name,
            "slug": maker.slug,
            "tagline": maker.tagline,
            "about_md": maker.about_md,
            "about_html": maker.about_html,
            "crafts": maker.crafts,
            "place": maker.place,
            "place_key": maker.place_key,
            "commissions": maker.commissions,
        }


def test_editor_needs_login(client):
    response = client.get("/account")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_editor_shows_current_values(client, app, owner, make_maker):
    with app.app_context(), db.connection_context():
        Maker.update(tagline="Pots and more pots", about_md="I **throw** pots",
                     commissions=True).where(Maker.id == owner.id).execute()
    response = client.get("/account")
    assert response.status_code == 200
    page = response.data.decode()
    assert 'value="Ada Potter"' in page
    assert 'value="ada-potter"' in page
    assert 'value="Pots and more pots"' in page
    assert re.search(r'id="about"[^>]*>\s*I \*\*throw\*\* pots</textarea>', page)
    assert 'value="Bristol, UK"' in page
    assert re.search(r'<input checked id="crafts-\d+" name="crafts" type="checkbox" '
                     r'value="ceramics">', page)
    assert len(re.findall(r"<input checked[^>]*name=\"crafts\"", page)) == 1
    assert re.search(r'<input checked id="commissions"', page)


def test_saving_updates_everything_and_the_public_page(client, app, owner):
    response = save(client)
    assert response.status_code == 303
    assert response.headers["Location"] == "/account"
    assert b"Your profile is saved." in client.get("/account").data

    assert stored(app) == {
        "display_name": "Ada Potter Studio",
        "slug": "ada-studio",
        "tagline": "Wheel-thrown porcelain and blown glass.",
        "about_md": FORM["about"],
        "about_html": "<p>I make <strong>cups</strong> in a shed.</p>\n"
                      "<ul>\n<li>porcelain</li>\n<li>glass</li>\n</ul>\n",
        "crafts": ["ceramics", "glass"],
        "place": "Bath, UK",
        "place_key": "bath-uk",
        "commissions": True,
    }

    public = client.get("/makers/ada-studio")
    assert public.status_code == 200
    page = public.data.decode()
    assert "Ada Potter Studio" in page
    assert "Wheel-thrown porcelain and blown glass." in page
    assert "<strong>cups</strong>" in page
    assert "Ceramics" in page and "Glass" in page
    assert "Bath, UK" in page
    assert "Taking commissions" in page
    assert client.get("/makers/ada-potter").status_code == 404


def test_unticking_everything_clears_crafts_and_commissions(client, app, owner):
    save(client)
    data = {key: value for key, value in FORM.items() if key not in ("crafts", "commissions")}
    assert client.post("/account", data=data).status_code == 303
    after = stored(app)
    assert after["crafts"] == []
    assert after["commissions"] is False


def test_keeping_your_own_slug_is_allowed(client, app, owner):
    assert save(client, slug="ada-potter").status_code == 303
    assert stored(app)["slug"] == "ada-potter"


def test_slug_is_lower_cased_before_it_is_checked(client, app, owner):
    assert save(client, slug="  Ada-Studio ").status_code == 303
    assert stored(app)["slug"] == "ada-studio"


XSS_ABOUT = (
    "Hello <script>alert(1)</script>\n\n"
    "<img src=x onerror=alert(1)>\n\n"
    "[x](javascript:alert(1))\n"
)


def test_about_cannot_inject_script(client, app, owner):
    assert save(client, about=XSS_ABOUT).status_code == 303
    after = stored(app)
    assert after["about_md"] == XSS_ABOUT  # the source is kept exactly as typed
    assert "<script" not in after["about_html"]
    assert "<img" not in after["about_html"]

    page = client.get("/makers/ada-studio").data.decode()
    assert "<script>alert" not in page
    assert "<img" not in page
    for tag, attrs in Elements(page).found:
        assert "onerror" not in attrs, tag
        assert not attrs.get("href", "").lower().startswith("javascript:"), attrs
        if tag == "script":  # only the site's own scripts
            assert attrs.get("type") == "application/ld+json" or attrs["src"].startswith(
                "/static/"
            )
    # The typed text is shown, escaped, so visitors see what was written.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_tagline_cannot_break_out_of_the_json_ld(client, app, owner):
    tagline = '</script><script>alert(1)</script>"'
    assert save(client, tagline=tagline).status_code == 303
    page = client.get("/makers/ada-studio").data.decode()
    assert "<script>alert(1)" not in page
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert json.loads(match.group(1))["description"] == tagline


LONG_ABOUT = "a" * 5001


@pytest.mark.parametrize(
    "case",
    [
        ("slug", "ada potter", "Use only lower-case letters"),
        ("slug", "ada_potter", "Use only lower-case letters"),
        ("slug", "-ada", "Use only lower-case letters"),
        ("slug", "ada--potter", "Use only lower-case letters"),
        ("slug", "ada-", "Use only lower-case letters"),
        ("slug", "potter/../admin", "Use only lower-case letters"),
        ("slug", "a" * 61, "cannot be longer than 60 characters"),
        ("slug", "", "Choose the address of your profile."),
        ("slug", "admin", "reserved"),
        ("slug", "Login", "reserved"),
        ("slug", "static", "reserved"),
        ("slug", "makers", "reserved"),
        ("slug", "bob-smith", "Another maker already has that address"),
        ("crafts", ["ceramics", "underwater-basket"], "Choose crafts from the list."),
        ("tagline", "t" * 141, "cannot be longer than 140 characters"),
        ("display_name", "n" * 81, "cannot be longer than 80 characters"),
        ("display_name", "", "Tell visitors who you are."),
        ("display_name", "   ", "Tell visitors who you are."),
        ("place", "p" * 121, "cannot be longer than 120 characters"),
        ("about", LONG_ABOUT, "cannot be longer than 5000 characters"),
    ],
    ids=lambda case: f"{case[0]}={str(case[1])[:20]!r}",
)
def test_invalid_profile_is_refused_and_kept(client, app, owner, make_maker, case):
    field, value, message = case
    make_maker("Bob Smith")
    before = stored(app)
    response = save(client, **{field: value})
    assert response.status_code == 422
    page = response.data.decode()
    assert "Please check the fields marked below." in page
    if field == "crafts":
        error = re.search(r'<fieldset class="field checks has-error">.*?<p class="error">(.*?)</p>',
                          page, re.S)
        assert message in unescape(error.group(1))
        # the known craft that was ticked stays ticked
        assert re.search(r'<input checked id="crafts-\d+" name="crafts" type="checkbox" '
                         r'value="ceramics">', page)
    else:
        error = re.search(rf'<p class="error" id="{field}-error">(.*?)</p>', page, re.S)
        assert error, f"no error next to {field}"
        assert message in unescape(error.group(1))
        assert f'aria-describedby="{field}-hint {field}-error"' in page or (
            f'aria-describedby="{field}-error"' in page
        )
        if value.strip():
            typed = value.strip().lower() if field == "slug" else value
            if field == "about":
                assert re.search(rf'id="about"[^>]*>\s*{typed}</textarea>', page)
            else:
                assert f'value="{typed}"' in page
    # the other fields keep what was typed too
    if field != "display_name":
        assert 'value="Ada Potter Studio"' in page
    assert stored(app) == before


def test_invalid_profile_with_htmx_gets_the_form_fragment(client, owner):
    headers = {"HX-Request": "true"}
    response = client.post("/account", data={**FORM, "slug": "admin"}, headers=headers)
    assert response.status_code == 422
    assert b"<html" not in response.data
    assert b'id="profile-form"' in response.data
    assert b"reserved" in response.data


def test_place_is_tidied_and_keyed(client, app, owner):
    assert save(client, place="  bristol ,  UK ").status_code == 303
    after = stored(app)
    assert after["place"] == "bristol, UK"
    assert after["place_key"] == "bristol-uk"


def test_empty_place_clears_place_and_key(client, app, owner):
    assert save(client, place="  ,  ").status_code == 303
    after = stored(app)
    assert after["place"] == ""
    assert after["place_key"] == ""


def test_spellings_of_one_place_are_grouped(client, app, make_maker, auth):
    make_maker("Ada Potter", place="Somewhere Else")
    make_maker("Bea Weaver", place="Bristol, UK")
    make_maker("Cy Carver", place="Leeds, UK")
    auth.login()
    assert save(client, place="bristol ,uk").status_code == 303

    response = client.get("/makers", query_string={"place": "bristol-uk"})
    assert response.status_code == 200
    page = response.data.decode()
    assert page.count('class="card maker-card"') == 2
    assert "Bea Weaver" in page and "Ada Potter Studio" in page
    assert "Cy Carver" not in page
    options = re.findall(r'<option value="bristol-uk"[^>]*>([^<]*)</option>', page)
    assert len(options) == 1
    assert options[0].endswith("(2)")
    assert 'value="bristol-uk" selected' in page
