"""Uploaded images: the pipeline in directory/content/images.py on its own, then through
the story editor, the profile photos, the media route and deletion."""

import re
from html import unescape
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from werkzeug.datastructures import FileStorage
from werkzeug.test import stream_encode_multipart

from directory.config import defaults
from directory.content.images import ImageRejected, store_image
from directory.extensions import db
from directory.models import Maker, Photo, Story
from tests import images as make
from tests.images import BLUE, RED, WHITE, near, pixel

LIMITS = {
    "max_bytes": defaults("instance")["MAX_UPLOAD_BYTES"],
    "max_pixels": defaults("instance")["MAX_IMAGE_PIXELS"],
}
STORED_NAME = re.compile(r"^([A-Za-z0-9_-]{1,40})-(display|thumb)\.jpg$")
ONE_YEAR = 365 * 24 * 3600


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "store"
    path.mkdir()
    return path


def files_in(folder):
    """The names of the files in a folder; none if it does not exist."""
    folder = Path(folder)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def uploads(app):
    return files_in(app.config["UPLOAD_FOLDER"])


def both_files(name):
    return sorted([f"{name}-display.jpg", f"{name}-thumb.jpg"])


def store(data, folder, **limits):
    return store_image(BytesIO(data), folder, **{**LIMITS, **limits})


def assert_no_metadata(path_or_bytes):
    """The stored JPEG carries no EXIF at all, and none of the revealing values."""
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
    with Image.open(BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
        assert "exif" not in image.info
    assert b"Exif\x00\x00" not in data
    for value in (make.SERIAL, make.ARTIST, make.COPYRIGHT, "ExampleCam"):
        assert value.encode() not in data


def assert_upright(image):
    """The orientation-6 test image shown the right way up: 200×300, red top right."""
    assert image.size == (200, 300)
    assert near(pixel(image, (150, 70)), RED)  # the marked corner, now top right
    assert near(pixel(image, (50, 70)), BLUE)
    assert near(pixel(image, (150, 230)), BLUE)
    assert near(pixel(image, (50, 230)), BLUE)


def assert_readable(message):
    """A sentence for a person, not an exception's text."""
    assert message[0].isupper()
    assert message.endswith(".")
    assert len(message.split()) >= 5
    for leak in ("PIL", "Traceback", "Error", "cannot identify", "BytesIO", "DOS attack",
                 "truncated", "<", "\\x"):
        assert leak not in message


# --- the helpers make what they claim ---------------------------------------


def test_the_test_photo_really_carries_gps_serial_credits_and_orientation():
    with Image.open(BytesIO(make.exif_gps_jpeg())) as image:
        exif = image.getexif()
        assert image.size == (300, 200)
        assert exif[0x0112] == 6
        assert exif[0x013B] == make.ARTIST
        assert exif[0x8298] == make.COPYRIGHT
        gps = exif.get_ifd(0x8825)
        assert gps[1] == "N"
        assert gps[2][0] == 51
        assert gps[4][0] == 2
        assert exif.get_ifd(0x8769)[0xA431] == make.SERIAL
        assert near(pixel(image, (10, 10)), RED)
        assert near(pixel(image, (290, 10)), BLUE)


# --- the pipeline on its own --------------------------------------------------


def test_exif_photo_is_stored_upright_without_any_metadata(folder):
    stored = store(make.exif_gps_jpeg(), folder)
    assert files_in(folder) == both_files(stored.name)
    assert (stored.width, stored.height) == (200, 300)
    for size in ("display", "thumb"):
        path = folder / f"{stored.name}-{size}.jpg"
        assert_no_metadata(path)
        with Image.open(path) as image:
            assert_upright(image)


def test_credits_are_kept_as_data(folder):
    stored = store(make.exif_gps_jpeg(), folder)
    assert stored.author == make.ARTIST
    assert stored.copyright == make.COPYRIGHT


def test_photo_without_exif_has_empty_credits(folder):
    stored = store(make.jpeg_bytes(), folder)
    assert (stored.author, stored.copyright) == ("", "")


@pytest.mark.parametrize(
    ("source", "display", "thumb"),
    [((2400, 1200), (1600, 800), (480, 240)), ((1200, 2400), (800, 1600), (240, 480))],
)
def test_display_and_thumb_sizes(folder, source, display, thumb):
    stored = store(make.jpeg_bytes(source), folder)
    assert (stored.width, stored.height) == display
    with Image.open(folder / f"{stored.name}-display.jpg") as image:
        assert image.size == display
        assert max(image.size) <= 1600
    with Image.open(folder / f"{stored.name}-thumb.jpg") as image:
        assert image.size == thumb
        assert max(image.size) <= 480


def test_small_photo_is_not_enlarged(folder):
    stored = store(make.jpeg_bytes((320, 200)), folder)
    for size in ("display", "thumb"):
        with Image.open(folder / f"{stored.name}-{size}.jpg") as image:
            assert image.size == (320, 200)


def test_files_get_a_random_name_never_the_uploads(folder, tmp_path):
    upload = tmp_path / "IMG_1234 home-address.jpg"
    upload.write_bytes(make.jpeg_bytes())
    with upload.open("rb") as stream:
        first = store_image(stream, folder, **LIMITS)
    second = store(make.jpeg_bytes(), folder)
    assert first.name != second.name
    assert len(first.name) >= 16
    for name in files_in(folder):
        assert STORED_NAME.match(name)
        assert "IMG" not in name
        assert "home" not in name
    assert files_in(folder) == sorted(both_files(first.name) + both_files(second.name))


@pytest.mark.parametrize("data", [make.png_bytes(), make.webp_bytes()], ids=["png", "webp"])
def test_png_and_webp_are_accepted_and_stored_as_jpeg(folder, data):
    stored = store(data, folder)
    assert files_in(folder) == both_files(stored.name)
    with Image.open(folder / f"{stored.name}-display.jpg") as image:
        assert image.format == "JPEG"
        assert image.mode == "RGB"
        assert image.size == (320, 240)


def test_transparency_is_laid_on_white(folder):
    stored = store(make.png_bytes(), folder)
    with Image.open(folder / f"{stored.name}-display.jpg") as image:
        assert near(pixel(image, (5, 5)), WHITE)  # was fully transparent
        assert near(pixel(image, (160, 120)), RED)


@pytest.mark.parametrize("format_", ["PNG", "WEBP"])
def test_metadata_is_stripped_from_png_and_webp_too(folder, format_):
    data = make.encode(make.marked_image(), format_, exif=make.revealing_exif().tobytes())
    with Image.open(BytesIO(data)) as source:
        assert source.getexif().get_ifd(0x8825)  # the source has GPS
    stored = store(data, folder)
    for name in files_in(folder):
        assert_no_metadata(folder / name)
    with Image.open(folder / f"{stored.name}-display.jpg") as image:
        assert_upright(image)


BAD_FILES = {
    "gif": (make.gif_bytes(), {}, "JPEG, PNG or WebP"),
    "svg": (make.svg_bytes(), {}, "JPEG, PNG or WebP"),
    "text-named-jpg": (make.text_as_jpeg(), {}, "could not read that file"),
    "truncated-jpeg": (make.truncated_jpeg(), {}, "could not read that file"),
    "empty": (b"", {}, "empty"),
    "too-many-bytes": (
        make.jpeg_bytes() + bytes(2 * 1024 * 1024), {"max_bytes": 2 * 1024 * 1024},
        "larger than 2 MB",
    ),
    "too-many-pixels": (
        make.jpeg_bytes((1200, 1000)), {"max_pixels": 1_000_000}, "1200×1000 pixels",
    ),
    "bomb": (make.bomb_png(), {}, "too large"),
    "bomb-warning-range": (make.bomb_png(10000, 10000), {"max_pixels": 10**9}, "too large"),
}


@pytest.mark.parametrize(("data", "limits", "fragment"), BAD_FILES.values(), ids=BAD_FILES)
def test_bad_files_are_refused_with_a_sentence_and_leave_nothing(folder, data, limits, fragment):
    with pytest.raises(ImageRejected) as refused:
        store(data, folder, **limits)
    message = str(refused.value)
    assert fragment in message
    assert_readable(message)
    assert files_in(folder) == []


def test_size_limit_is_checked_before_the_file_is_read_as_an_image(folder):
    data = make.gif_bytes() + bytes(1024 * 1024)  # not accepted anyway, but size comes first
    with pytest.raises(ImageRejected, match="larger than 1 MB"):
        store(data, folder, max_bytes=1024 * 1024)
    assert files_in(folder) == []


@pytest.mark.parametrize(
    ("limits", "data", "wrong"),
    [
        ({"max_bytes": 500_000}, make.jpeg_bytes() + bytes(600_000), r"\b0 MB"),
        ({"max_pixels": 500_000}, make.jpeg_bytes((1000, 1000)), r"\b0 megapixels"),
    ],
    ids=["bytes", "pixels"],
)
def test_a_limit_under_one_unit_is_not_described_as_zero(folder, limits, data, wrong):
    """MAX_UPLOAD_BYTES and MAX_IMAGE_PIXELS can be set from the environment;
    a limit of 500 kB must not tell the maker their file is "larger than 0 MB"."""
    with pytest.raises(ImageRejected) as refused:
        store(data, folder, **limits)
    assert not re.search(wrong, str(refused.value)), str(refused.value)
    assert files_in(folder) == []


# --- through the story editor ---------------------------------------------------

TYPED = {"title": "Throwing a moon jar", "body": "Centring twelve kilos of porcelain"}


def post_multipart(client, url, form):
    """POST a multipart form, encoded in memory: the test client would otherwise
    spool a body over 500 kB to a temporary file that it never closes."""
    form = {
        key: FileStorage(*value) if isinstance(value, tuple) else value
        for key, value in form.items()
    }
    stream, _, boundary = stream_encode_multipart(form, use_tempfile=False)
    return client.post(
        url, data=stream.getvalue(), content_type=f"multipart/form-data; boundary={boundary}"
    )


def post_story(client, data=None, *, filename="photo.jpg", url="/account/stories/new",
               content_type="image/jpeg", alt="A moon jar drying on a shelf", **fields):
    form = {**TYPED, "action": "draft", **fields}
    if data is not None:
        form["photo"] = (BytesIO(data), filename, content_type)
        form["photo_alt"] = alt
    return post_multipart(client, url, form)


def rows(app):
    with app.app_context(), db.connection_context():
        return Story.select().count(), list(Photo.select().order_by(Photo.id))


APP_BAD_FILES = {
    "gif": (make.gif_bytes(), "photo.gif", "image/gif", {}, "JPEG, PNG or WebP"),
    "svg": (make.svg_bytes(), "photo.svg", "image/svg+xml", {}, "JPEG, PNG or WebP"),
    "text-named-jpg": (make.text_as_jpeg(), "photo.jpg", "image/jpeg", {},
                       "could not read that file"),
    "truncated-jpeg": (make.truncated_jpeg(), "photo.jpg", "image/jpeg", {},
                       "could not read that file"),
    "empty": (b"", "photo.jpg", "image/jpeg", {}, "That file is empty"),
    "too-many-bytes": (make.jpeg_bytes() + bytes(1024 * 1024), "photo.jpg", "image/jpeg",
                       {"MAX_UPLOAD_BYTES": 1024 * 1024}, "larger than 1 MB"),
    "too-many-pixels": (make.jpeg_bytes((1200, 1000)), "photo.jpg", "image/jpeg",
                        {"MAX_IMAGE_PIXELS": 1_000_000}, "1200×1000 pixels"),
    "bomb": (make.bomb_png(), "photo.png", "image/png", {}, "far too large in pixels"),
}


@pytest.mark.parametrize("case", APP_BAD_FILES.values(), ids=APP_BAD_FILES)
def test_story_with_bad_photo_is_refused_and_keeps_the_text(client, app, owner, case):
    data, filename, content_type, config, message = case
    app.config.update(config)  # read at request time
    response = post_story(client, data, filename=filename, content_type=content_type)
    assert response.status_code == 422
    page = unescape(response.get_data(as_text=True))
    assert message in page
    assert 'class="error"' in page
    assert TYPED["title"] in page
    assert TYPED["body"] in page
    assert rows(app) == (0, [])
    assert uploads(app) == []


def test_story_with_good_photo_stores_a_clean_upright_photo(client, app, owner):
    response = post_story(client, make.exif_gps_jpeg(), filename="IMG_0001 at home.jpg")
    assert response.status_code == 303
    stories, photos = rows(app)
    assert stories == 1
    assert len(photos) == 1
    photo = photos[0]
    assert photo.alt == "A moon jar drying on a shelf"
    assert (photo.width, photo.height) == (200, 300)
    assert (photo.author, photo.copyright) == (make.ARTIST, make.COPYRIGHT)
    assert uploads(app) == both_files(photo.name)
    assert "IMG" not in photo.name

    for size in ("display", "thumb"):
        with client.get(f"/media/{photo.name}-{size}.jpg") as served:
            served.get_data()
        assert served.status_code == 200
        assert served.mimetype == "image/jpeg"
        # A draft's photo: its maker sees it, no shared cache keeps it.
        assert served.headers["Cache-Control"] == "private, no-store"
        assert_no_metadata(served.data)
        with Image.open(BytesIO(served.data)) as image:
            if size == "display":
                assert_upright(image)
            else:
                assert image.size == (200, 300)


def test_story_editor_page_shows_the_photo(client, app, owner):
    post_story(client, make.jpeg_bytes())
    _, (photo,) = rows(app)
    page = client.get(f"/account/stories/{photo.story_id}/edit").get_data(as_text=True)
    assert f"/media/{photo.name}-" in page


@pytest.mark.parametrize(
    "path",
    [
        "/media/../secret",
        "/media/..%2Fsecret",
        "/media/%2e%2e%2fsecret",
        "/media/secret",
        "/media/photo.png",
        "/media/abc-large.jpg",
        "/media/abc-display.jpg.part",
        "/media/abc-display.jpeg",
        "/media/.hidden-display.jpg",
        "/media/" + "a" * 41 + "-display.jpg",
        "/media/doesnotexist-display.jpg",
    ],
)
def test_media_serves_only_stored_photo_names(client, app, tmp_path, path):
    (tmp_path / "secret").write_text("the database password")
    folder = Path(app.config["UPLOAD_FOLDER"])
    folder.mkdir(parents=True)
    (folder / "secret").write_text("not a photo")
    (folder / "abc-display.jpg.part").write_bytes(make.jpeg_bytes())
    (folder / "abc-display.jpeg").write_bytes(make.jpeg_bytes())
    response = client.get(path)
    assert response.status_code == 404
    assert b"password" not in response.data
    assert b"not a photo" not in response.data


def test_alt_text_is_required_with_a_photo(client, app, owner):
    response = post_story(client, make.jpeg_bytes(), alt="   ")
    assert response.status_code == 422
    page = unescape(response.get_data(as_text=True))
    assert "Describe the photo for people who cannot see it." in page
    assert TYPED["title"] in page
    assert rows(app) == (0, [])
    assert uploads(app) == []


def test_story_without_a_photo_needs_no_alt_text(client, app, owner):
    assert post_story(client).status_code == 303
    assert rows(app) == (1, [])
    assert uploads(app) == []


def test_photo_limit_from_config(client, app, owner):
    app.config["PHOTOS_PER_STORY"] = 2
    assert post_story(client, make.jpeg_bytes(color=RED)).status_code == 303
    _, (first,) = rows(app)
    edit = f"/account/stories/{first.story_id}/edit"
    assert post_story(client, make.jpeg_bytes(color=BLUE), url=edit).status_code == 303
    before = uploads(app)
    assert len(before) == 4

    response = post_story(client, make.jpeg_bytes(), url=edit)
    assert response.status_code == 422
    assert "A story can have up to 2 photos." in unescape(response.get_data(as_text=True))
    assert len(rows(app)[1]) == 2
    assert uploads(app) == before


def test_ninth_photo_is_refused_by_default(client, app, owner):
    with app.app_context(), db.connection_context():
        story = Story(maker=owner.id)
        story.set_text(title="Eight photos", body="Plenty.")
        story.save()
        for n in range(8):
            Photo.create(story=story, name=f"existing{n}", alt="A cup", position=n,
                         width=100, height=100)
    response = post_story(client, make.jpeg_bytes(), url=f"/account/stories/{story.id}/edit")
    assert response.status_code == 422
    assert "up to 8 photos" in unescape(response.get_data(as_text=True))
    assert len(rows(app)[1]) == 8
    assert uploads(app) == []


# --- profile photos -------------------------------------------------------------


def post_photos(client, **files):
    data = {}
    for field, value in files.items():
        if field == "remove":
            data["remove"] = value
        else:
            data[field] = (BytesIO(value), f"{field}.jpg", "image/jpeg")
    return post_multipart(client, "/account/photos", data)


def maker_photos(app):
    with app.app_context(), db.connection_context():
        maker = Maker.get(Maker.email == "ada-potter@example.com")
        return maker.avatar, maker.cover


def test_avatar_and_cover_are_stored_and_shown_on_the_profile(client, app, owner):
    response = post_photos(client, avatar=make.exif_gps_jpeg(), cover=make.jpeg_bytes((2400, 1200)))
    assert response.status_code == 303
    avatar, cover = maker_photos(app)
    assert avatar
    assert cover
    assert uploads(app) == sorted(both_files(avatar) + both_files(cover))
    for name in uploads(app):
        assert_no_metadata(Path(app.config["UPLOAD_FOLDER"]) / name)
    page = client.get(f"/makers/{owner.slug}").get_data(as_text=True)
    assert f"/media/{avatar}-thumb.jpg" in page
    assert f"/media/{cover}-display.jpg" in page
    with client.get(f"/media/{avatar}-thumb.jpg") as served:
        assert served.status_code == 200


def test_replacing_the_avatar_removes_the_old_files(client, app, owner):
    post_photos(client, avatar=make.jpeg_bytes(color=RED), cover=make.jpeg_bytes())
    old_avatar, cover = maker_photos(app)
    assert post_photos(client, avatar=make.jpeg_bytes(color=BLUE)).status_code == 303
    new_avatar, same_cover = maker_photos(app)
    assert new_avatar != old_avatar
    assert same_cover == cover
    assert uploads(app) == sorted(both_files(new_avatar) + both_files(cover))
    page = client.get(f"/makers/{owner.slug}").get_data(as_text=True)
    assert f"/media/{new_avatar}-thumb.jpg" in page
    assert old_avatar not in page


@pytest.mark.parametrize("field", ["avatar", "cover"])
def test_removing_a_profile_photo_deletes_its_files(client, app, owner, field):
    post_photos(client, avatar=make.jpeg_bytes(color=RED), cover=make.jpeg_bytes())
    avatar, cover = maker_photos(app)
    names = {"avatar": avatar, "cover": cover}
    response = post_photos(client, remove=field)
    assert response.status_code == 303
    assert dict(zip(("avatar", "cover"), maker_photos(app), strict=True))[field] is None
    kept = names["cover" if field == "avatar" else "avatar"]
    assert uploads(app) == both_files(kept)
    page = client.get(f"/makers/{owner.slug}").get_data(as_text=True)
    assert names[field] not in page
    assert kept in page


def test_bad_profile_photo_is_refused_and_leaves_no_new_file(client, app, owner):
    post_photos(client, avatar=make.jpeg_bytes())
    avatar, _ = maker_photos(app)
    before = uploads(app)
    response = post_photos(client, avatar=make.text_as_jpeg())
    assert response.status_code == 422
    assert "could not read that file" in unescape(response.get_data(as_text=True))
    assert maker_photos(app) == (avatar, None)
    assert uploads(app) == before


def test_good_avatar_with_bad_cover_saves_neither(client, app, owner):
    response = post_photos(client, avatar=make.jpeg_bytes(), cover=make.svg_bytes())
    assert response.status_code == 422
    assert "JPEG, PNG or WebP" in unescape(response.get_data(as_text=True))
    assert maker_photos(app) == (None, None)
    assert uploads(app) == []


# --- deleting stories and photos ------------------------------------------------


def story_with_photos(client, app, count, title="A story"):
    response = post_story(client, make.jpeg_bytes(color=RED), title=title)
    assert response.status_code == 303
    story_id = int(re.search(r"/stories/(\d+)/edit", response.headers["Location"]).group(1))
    for _ in range(count - 1):
        edit = f"/account/stories/{story_id}/edit"
        assert post_story(client, make.jpeg_bytes(color=BLUE), url=edit,
                          title=title).status_code == 303
    with app.app_context(), db.connection_context():
        names = [p.name for p in Photo.select().where(Photo.story == story_id)]
    assert len(names) == count
    return story_id, names


def test_deleting_a_story_removes_its_photo_files(client, app, owner):
    doomed, doomed_names = story_with_photos(client, app, 2, title="Doomed")
    kept, kept_names = story_with_photos(client, app, 1, title="Kept")
    assert len(uploads(app)) == 6

    response = client.post(f"/account/stories/{doomed}/delete")
    assert response.status_code == 303
    with app.app_context(), db.connection_context():
        assert [s.id for s in Story.select()] == [kept]
        names = [p.name for p in Photo.select()]
    assert names == kept_names
    # no orphans: every file left belongs to a photo row
    assert uploads(app) == both_files(kept_names[0])
    for name in doomed_names:
        assert client.get(f"/media/{name}-display.jpg").status_code == 404


def test_removing_one_photo_removes_its_two_files_only(client, app, owner):
    story_id, (first, second) = story_with_photos(client, app, 2)
    with app.app_context(), db.connection_context():
        photo = Photo.get(Photo.name == first)
    response = client.post(f"/account/stories/{story_id}/photos/{photo.id}/delete")
    assert response.status_code == 303
    assert uploads(app) == both_files(second)
    assert [p.name for p in rows(app)[1]] == [second]


def test_another_maker_cannot_delete_my_photo_files(client, app, owner, make_maker, auth):
    story_id, names = story_with_photos(client, app, 1)
    with app.app_context(), db.connection_context():
        photo = Photo.get(Photo.name == names[0])
    auth.logout()
    make_maker("Bea Weaver")
    auth.login(email="bea-weaver@example.com")
    assert client.post(f"/account/stories/{story_id}/photos/{photo.id}/delete").status_code == 404
    assert client.post(f"/account/stories/{story_id}/delete").status_code == 404
    assert uploads(app) == both_files(names[0])
    assert len(rows(app)[1]) == 1
