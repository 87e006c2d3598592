"""Operator commands (init-db, seed-demo, create-moderator) and start-up configuration."""

import stat
from pathlib import Path

import pytest
from flask import Flask

from directory import config, create_app
from directory.content.text import slugify
from directory.database.migrations import init_db
from directory.dev.demo import load
from directory.extensions import db
from directory.models import Link, Maker, MakerCraft, Story


def counts(app):
    with app.app_context(), db.connection_context():
        return Maker.select().count(), Link.select().count(), MakerCraft.select().count()


# --- init-db -----------------------------------------------------------------

def test_init_db_twice_keeps_data(runner, app, make_maker, client):
    first = runner.invoke(args=["init-db"])
    assert first.exit_code == 0, first.output
    assert "Database ready" in first.output
    make_maker("Ada Potter", crafts=["ceramics"], links=[("website", "https://ada.example/")])

    second = runner.invoke(args=["init-db"])
    assert second.exit_code == 0, second.output
    assert counts(app) == (1, 1, 1)
    response = client.get("/makers/ada-potter")
    assert response.status_code == 200
    assert b"https://ada.example/" in response.data


def test_init_db_function_twice_keeps_data(app, make_maker):
    make_maker("Ada Potter", crafts=["ceramics"], links=[("website", "https://ada.example/")])
    with app.app_context():
        init_db()
        init_db()
    assert counts(app) == (1, 1, 1)


# --- seed-demo ------------------------------------------------------------

def test_seed_demo_fills_an_empty_database(runner, app, client):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "Added 30 demo makers and 26 stories." in result.output

    with app.app_context(), db.connection_context():
        makers = list(Maker.with_profile(Maker.select()))
        assert len(makers) == 30
        assert all(maker.links for maker in makers)
        assert all(maker.crafts for maker in makers)
        assert all(maker.about_html for maker in makers)
        assert {maker.display_name for maker in makers} == {
            entry["display_name"] for entry in load("makers")
        }
        assert all(maker.email.endswith("@demo.example") for maker in makers)
        assert all(not maker.is_moderator for maker in makers)
        slugs = [maker.slug for maker in makers]
        stories = Story.with_photos(Story.visible_to())
        assert len(stories) == 26
        assert all(story.photos and story.body_html for story in stories)
    stored = sorted(p.name for p in Path(app.config["UPLOAD_FOLDER"]).iterdir())
    expected = sorted(f"{photo.name}-{size}.jpg" for story in stories
                      for photo in story.photos for size in ("display", "thumb"))
    assert stored == expected  # every demo photo went through the pipeline, no strays
    assert b"Recent stories" in client.get("/").data

    listing = client.get("/makers")
    assert listing.status_code == 200
    assert b'class="card maker-card"' in listing.data
    for slug in slugs[:3] + slugs[-3:]:
        assert client.get(f"/makers/{slug}").status_code == 200
    potters = client.get("/makers?craft=ceramics")
    assert potters.status_code == 200
    assert b'class="card maker-card"' in potters.data
    assert b"No makers match" not in potters.data
    assert client.get("/").status_code == 200


def test_seed_demo_groups_the_misspelt_bristol(runner, client):
    runner.invoke(args=["seed-demo"])
    bristol = [entry for entry in load("makers") if slugify(entry["place"]) == "bristol-uk"]
    response = client.get("/makers?place=bristol-uk")
    assert response.data.count(b'class="card maker-card"') == min(len(bristol), 5)
    assert f"({len(bristol)})".encode() in response.data


def test_seed_demo_refuses_a_database_with_makers(runner, app):
    runner.invoke(args=["seed-demo"])
    again = runner.invoke(args=["seed-demo"])
    assert again.exit_code != 0
    assert "--force" in again.output
    assert counts(app)[0] == 30


def test_seed_demo_if_empty_does_nothing_on_a_database_with_makers(runner, app, make_maker):
    make_maker("Ada Potter")
    result = runner.invoke(args=["seed-demo", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert counts(app) == (1, 0, 0)


def test_seed_demo_if_empty_seeds_an_empty_database(runner, app):
    result = runner.invoke(args=["seed-demo", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert counts(app)[0] == 30


def test_seed_demo_force_adds_beside_existing_makers_but_never_twice(runner, app, make_maker):
    make_maker("Ada Potter")
    first = runner.invoke(args=["seed-demo", "--force"])
    assert first.exit_code == 0, first.output
    assert "Added 30 demo makers and 26 stories." in first.output
    after_first = counts(app)
    assert after_first[0] == 31

    second = runner.invoke(args=["seed-demo", "--force"])
    assert second.exit_code == 0, second.output
    assert "Added 0 demo makers and 0 stories." in second.output
    assert counts(app) == after_first


# --- create-moderator ---------------------------------------------------------

def role_of(app, email):
    with app.app_context(), db.connection_context():
        maker = Maker.get_or_none(Maker.email == email)
        return None if maker is None else (maker.role, maker.is_moderator)


@pytest.mark.parametrize("typed", ["ada-potter@example.com", "  ADA-Potter@Example.COM "])
def test_create_moderator_promotes_an_existing_account(runner, app, make_maker, typed):
    make_maker("Ada Potter")
    result = runner.invoke(args=["create-moderator", typed])
    assert result.exit_code == 0, result.output
    assert "ada-potter@example.com is now a moderator." in result.output
    assert role_of(app, "ada-potter@example.com") == ("moderator", True)
    assert counts(app)[0] == 1


def test_create_moderator_keeps_the_existing_password(runner, make_maker, auth):
    make_maker("Ada Potter")
    runner.invoke(args=["create-moderator", "ada-potter@example.com", "--password",
                        "something-else-entirely"])
    assert auth.login().status_code == 303


def test_create_moderator_creates_a_missing_account(runner, app, auth):
    result = runner.invoke(
        args=["create-moderator", "Mod@Example.com", "--password", "longpassword1"]
    )
    assert result.exit_code == 0, result.output
    assert role_of(app, "mod@example.com") == ("moderator", True)
    assert auth.login(email="mod@example.com", password="longpassword1").status_code == 303


def test_create_moderator_with_a_reserved_name_gets_a_free_slug(runner, app):
    result = runner.invoke(
        args=["create-moderator", "admin@example.com", "--password", "longpassword1"]
    )
    assert result.exit_code == 0, result.output
    with app.app_context(), db.connection_context():
        assert Maker.get(Maker.email == "admin@example.com").slug == "admin-2"


def test_create_moderator_refuses_a_short_password(runner, app):
    result = runner.invoke(args=["create-moderator", "mod@example.com", "--password", "short"])
    assert result.exit_code != 0
    assert "at least 10 characters" in result.output
    assert role_of(app, "mod@example.com") is None


def test_create_moderator_prompts_for_a_password(runner, app, auth):
    result = runner.invoke(args=["create-moderator", "mod@example.com"],
                           input="longpassword1\nlongpassword1\n")
    assert result.exit_code == 0, result.output
    assert "Password for the new account" in result.output
    assert "longpassword1" not in result.output  # the password is not echoed
    assert role_of(app, "mod@example.com") == ("moderator", True)
    assert auth.login(email="mod@example.com", password="longpassword1").status_code == 303


def test_create_moderator_prompt_needs_matching_passwords(runner, app):
    result = runner.invoke(args=["create-moderator", "mod@example.com"],
                           input="longpassword1\nlongpassword2\n")
    assert result.exit_code != 0
    assert role_of(app, "mod@example.com") is None


# --- configuration --------------------------------------------------------------

@pytest.fixture
def no_key_env(monkeypatch):
    for name in ("SECRET_KEY", "DIRECTORY_ENV", "FLASK_DEBUG", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_production_without_secret_key_refuses_to_start(no_key_env, tmp_path):
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"TESTING": False,
                    "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}"})


def test_secret_key_from_the_environment_is_used(no_key_env, tmp_path):
    no_key_env.setenv("SECRET_KEY", "from-the-environment")
    app = Flask("probe", instance_path=str(tmp_path))
    app.config.update(config.from_environment())
    config.ensure_secret_key(app)
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert not (tmp_path / "secret_key").exists()


def test_bare_app_without_key_or_development_refuses(no_key_env, tmp_path):
    app = Flask("probe", instance_path=str(tmp_path))
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        config.ensure_secret_key(app)
    assert not (tmp_path / "secret_key").exists()


def test_development_generates_a_private_key_once(no_key_env, tmp_path):
    no_key_env.setenv("DIRECTORY_ENV", "development")
    first = Flask("probe", instance_path=str(tmp_path))
    config.ensure_secret_key(first)
    key = first.config["SECRET_KEY"]
    assert len(key) == 64

    path = tmp_path / "secret_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().strip() == key

    second = Flask("probe", instance_path=str(tmp_path))
    config.ensure_secret_key(second)
    assert second.config["SECRET_KEY"] == key
    assert config.development_secret(tmp_path) == key


def test_development_secret_differs_between_instance_folders(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    assert config.development_secret(one) != config.development_secret(two)
