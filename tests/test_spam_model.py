"""The learned spam model: normalised text, the model's hold on families it
never saw, the rules-only switch, moderators' decisions kept as labels,
`train-spam` refusing a worse model, and what moderators are shown."""

import logging
import re
import sqlite3

import numpy as np
import pytest

from directory.config import SPAM_HOLD_PROBABILITY, from_environment
from directory.database.migrations import STEPS, current_version
from directory.extensions import db
from directory.models import Maker, Moderated, Review, SpamLabel, Story
from directory.safety import decisions
from directory.safety.normalise import normalised
from directory.safety.spam import Written
from directory.safety.spam_model import (
    corpus,
    evaluate,
    examples,
    features,
    linear,
    store,
    training,
)
from tests.test_antispam import database, load_story, log_in, publish, story_id_from

# Spam of a kind the rules miss (no link, no word from their list) and the
# model holds; written for this test, not taken from the corpus.
MLM = {
    "title": "Be your own boss this spring",
    "body": "I joined an amazing team last year and now I work from my phone. The starter "
            "kit pays for itself in weeks and you earn on your team's sales too. Message me "
            "the word BOSS for details.",
}
# Floors at or below what `make spam-report` measures at the default
# threshold (README): on the first held-out families, the second to sixth
# held-out sets (used for validation) and the seventh (the test set), spam
# held 98.2%, 98.3%, 98.3%, 100%, 96.7%, 96.7% and 96.7%; genuine posts held
# 0%, 0%, 0%, 2.0%, 1.7%, 0% and 0%.
HOLD_AT = SPAM_HOLD_PROBABILITY
HELD_OUT = ("heldout", "heldout-2", "heldout-3", "heldout-4", "heldout-5", "heldout-6",
            "heldout-7")
HELD_OUT_SPAM_AT_LEAST = dict.fromkeys(HELD_OUT, 0.95)
HELD_OUT_GENUINE_AT_MOST = dict.fromkeys(HELD_OUT, 0.02)


# --- normalisation -------------------------------------------------------------


@pytest.mark.parametrize(("raw", "reads", "trick"), [
    ("Buy сrурtо now", "buy crypto now", "folded"),  # Cyrillic с, р, у, о
    ("Pаypal", "paypal", "mixed_script"),  # one Cyrillic а among Latin letters
    ("Ｃｒｙｐｔｏ profits", "crypto profits", "decorated"),  # fullwidth
    ("𝐜𝐫𝐲𝐩𝐭𝐨", "crypto", "decorated"),  # mathematical bold
    ("c r y p t o", "crypto", "spaced"),
    ("C.R.Y.P.T.O and b-i-t-c-o-i-n", "crypto and bitcoin", "spaced"),
    ("click the l1nk for b1tc0in", "click the link for bitcoin", "digit_swaps"),
    ("0nline ca$h", "online cash", "digit_swaps"),
    ("in\u200bves\u200btment", "investment", "invisible"),
    ("pro\u202efit", "profit", "invisible"),  # a bidi override
])
def test_tricks_are_undone_and_counted(raw, reads, trick):
    found = normalised(raw)
    assert found.text == reads
    assert found.signals[trick] >= 1
    assert found.raw == raw  # the text as written is kept


@pytest.mark.parametrize("text", [
    "Привет мир, я гончар",  # Russian in its own script is not folded
    "Ελένη Παπαδάκη",
    "日本の陶芸家です",
    "zażółć gęślą jaźń",
    "ffordd caerdydd, ŵyr",
    "cone6 3rd 20cm 5k 1970s mp3 +44 7700 900123",  # numbers and units stay
    "https://l1nk.example/b1tc0in",  # addresses stay as written
])
def test_honest_text_is_left_alone(text):
    found = normalised(text)
    assert found.text == text.casefold()
    assert not any(found.signals[name] for name in ("folded", "spaced", "digit_swaps",
                                                    "mixed_script", "invisible"))


def test_the_model_reads_every_digit_as_0():
    seen = features.of_written(Written(kind="story", text="Orders: WhatsApp 347 555 0198, £35"))
    assert seen.text == "orders: whatsapp 000 000 0000, £00"
    assert seen.numbers["contact"] > 0  # the rules saw the number as written


# --- the model -----------------------------------------------------------------


@pytest.fixture(scope="module")
def default_model():
    return store._default_for(store.corpus_digest())


def test_the_model_scores_a_known_spam_and_a_known_genuine_post(default_model):
    train = examples.from_corpus("train")
    spam_one = train.features[train.ids.index("s-crypto-invest-01")]
    genuine_one = train.features[train.ids.index("g-en-pottery-01")]
    assert default_model.probability(spam_one) > 0.9
    assert default_model.probability(genuine_one) < 0.1


@pytest.mark.parametrize("split", HELD_OUT)
def test_held_out_spam_is_held_and_genuine_makers_are_not(default_model, split):
    """No held-out set is trained on (the later ones were tuned on once they had
    served as a test set: README)."""
    heldout = examples.from_corpus(split)
    train = examples.from_corpus("train")
    assert not set(heldout.groups) & set(train.groups)
    assert not set(heldout.ids) & set(train.ids)
    found = evaluate.score(default_model, heldout, HOLD_AT)
    print(found.line())
    assert found.spam_rate >= HELD_OUT_SPAM_AT_LEAST[split]
    assert found.genuine_rate <= HELD_OUT_GENUINE_AT_MOST[split]


def test_the_corpus_is_big_enough_and_in_families():
    items = corpus.load()
    for label in ("spam", "genuine"):
        mine = [item for item in items if item.label == label and not item.id.startswith("v1-")]
        assert len(mine) >= 400, label
        assert len({item.family for item in mine}) >= 20, label
        assert {item.split for item in mine} == {"train", *corpus.heldout_splits()}
    assert corpus.load() == corpus.load()  # composed the same every time


def tiny_corpus():
    return examples.from_corpus("train").where(
        lambda group: group in {"g-en-pottery", "g-en-weaving", "g-es-ceramica", "g-en-woodwork",
                                "g-ja-monozukuri", "s-casino", "s-essays", "s-replicas",
                                "s-mlm", "s-loans-es"})


def test_training_is_deterministic():
    tiny = tiny_corpus()
    models = [linear.train(tiny.features, tiny.labels, tiny.weights, tiny.groups)
              for _ in range(2)]
    assert np.array_equal(models[0].weights, models[1].weights)
    assert models[0].platt == models[1].platt
    assert np.array_equal(models[0].probabilities(tiny.features),
                          models[1].probabilities(tiny.features))


def test_a_blend_is_the_mean_of_its_parts_calibrated_log_odds():
    tiny = tiny_corpus()
    blend = linear.train(tiny.features, tiny.labels, tiny.weights, tiny.groups, learner="blend")
    matrix = blend.matrix(tiny.features)
    parts = []
    for part in linear.PARTS:
        one = linear.train(tiny.features, tiny.labels, tiny.weights, tiny.groups, learner=part)
        parts.append(matrix @ one.weights + one.bias)  # each model's scores are log-odds
    # Before the blend's own calibration, its score is the mean of its parts' scores.
    assert np.allclose(matrix @ blend.weights + blend.bias, np.mean(parts, axis=0))
    with pytest.raises(ValueError, match="no strength"):
        linear.train(tiny.features, tiny.labels, tiny.weights, tiny.groups, learner="blend",
                     strength=1.0)


def test_a_model_file_round_trips(tmp_path, default_model):
    path = tmp_path / "model.npz"
    default_model.save(path)
    loaded = linear.LinearModel.load(path)
    train = examples.from_corpus("train")
    assert np.allclose(loaded.probabilities(train.features[:50]),
                       default_model.probabilities(train.features[:50]))


def test_a_new_default_model_replaces_the_earlier_ones(tmp_path, default_model):
    folder = tmp_path / "models"
    folder.mkdir()
    (folder / "default-0123456789abcdef.npz").write_bytes(b"an earlier corpus's model")
    (folder / "spam-model-v1.npz").write_bytes(b"a model train-spam made")
    path = store.ensure_default(folder)
    assert sorted(found.name for found in folder.iterdir()) == [path.name, "spam-model-v1.npz"]


def test_a_model_made_for_other_features_gives_way_to_the_default(tmp_path, default_model,
                                                                  monkeypatch, caplog):
    folder = tmp_path / "models"
    monkeypatch.setattr(linear, "PIPELINE", "an-earlier-one")  # as an older version saved it
    default_model.save(tmp_path / "copy.npz")
    store.install(linear.LinearModel.load(tmp_path / "copy.npz"), folder)
    monkeypatch.undo()
    with pytest.raises(ValueError, match="made for other features"):
        linear.LinearModel.load(folder / "spam-model-v1.npz")
    with caplog.at_level(logging.WARNING):
        path, model = store.in_use(folder)
    assert path.name.startswith("default-")
    assert "version" not in model.meta
    assert "spam-model-v1.npz" in caplog.text and "train-spam" in caplog.text


# --- the write path --------------------------------------------------------------


@pytest.fixture
def newcomer(make_maker, auth):
    maker = make_maker("Nell Newcomer", new=True)
    assert auth.login(email="nell-newcomer@example.com").status_code == 303
    return maker


def test_the_model_holds_spam_the_rules_miss(app, client, newcomer):
    response = publish(client, **MLM)
    story_id = story_id_from(response)
    assert load_story(app, story_id).moderation == Moderated.HELD
    # The maker is told why, in words that fit a post held for how it reads.
    assert "reads like the spam this directory gets" in client.get(
        response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    with database(app):
        review = Review.get(Review.subject == f"story:{story_id}")
    assert review.spam_probability >= 0.8
    assert review.model_explanation
    assert review.held_score < 3  # the rules alone would have let it through


class TestRulesOnly:
    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "SPAM_RULES_ONLY": True}

    def test_the_rules_decide_alone(self, app, client, newcomer):
        story_id = story_id_from(publish(client, **MLM))
        assert load_story(app, story_id).moderation == Moderated.VISIBLE
        spammy = story_id_from(publish(
            client, title="Buy followers", body="Buy followers fast at https://a.example "
                                                "https://b.example https://c.example"))
        assert load_story(app, spammy).moderation == Moderated.HELD
        with database(app):
            review = Review.get(Review.subject == f"story:{spammy}")
        assert review.spam_probability is None


def test_rules_only_and_the_threshold_come_from_the_environment():
    assert from_environment({"SPAM_RULES_ONLY": "1"})["SPAM_RULES_ONLY"] is True
    assert "SPAM_RULES_ONLY" not in from_environment({"SPAM_RULES_ONLY": "0"})
    assert from_environment({"SPAM_HOLD_PROBABILITY": "0.9"})["SPAM_HOLD_PROBABILITY"] == 0.9
    with pytest.raises(ValueError, match="SPAM_HOLD_PROBABILITY"):
        from_environment({"SPAM_HOLD_PROBABILITY": "3"})


GENUINE = [
    ("Cómo tiño la lana con cochinilla",
     "Esta semana preparé un baño de tinte con cochinilla para veinte madejas de lana merina. "
     "La lana se mordienta primero con alumbre y luego pasa una hora a fuego lento. Las madejas "
     "estarán en la tienda el viernes."),
    ("Nowa partia mis z gliny kamionkowej",
     "W tym tygodniu wypaliłam czterdzieści misek. Szkliwo z popiołu jabłoni dało zielonkawy "
     "kolor na brzegach. Reszta będzie na jarmarku w sobotę."),
    ("Cerfio bowlen o dderwen",
     "Ces i ddarn o dderwen gan ffermwr lleol ar ôl y storm. Mae'r bowlen wedi sychu'n araf yn "
     "y gweithdy am dri mis, a bydd hi ar y stondin ddydd Sadwrn."),
    ("新しい染め糸ができました",
     "今週は桜の枝で糸を染めました。ミョウバンで媒染して、やわらかいピンク色になりました。"
     "来週の手しごと市に持っていきます。"),
    ("Neue Körbe aus Weide",
     "Die Weiden habe ich im Januar geschnitten und eine Woche eingeweicht. Ein großer Korb "
     "dauert einen ganzen Tag. Die Körbe gibt es ab Samstag auf dem Markt in Lüneburg."),
]
EIGHT_SHOPS = ["https://ada-pots.example", "https://www.etsy.com/shop/AdaPots",
               "https://folksy.com/shops/adapots", "https://www.instagram.com/adapots",
               "https://adapots.substack.com", "https://gallery.example/makers/ada",
               "https://www.notonthehighstreet.com/adapots", "https://www.pinterest.com/adapots"]


@pytest.mark.parametrize(("title", "body"), GENUINE)
def test_genuine_posts_in_other_languages_are_published(app, client, newcomer, title, body):
    story_id = story_id_from(publish(client, title=title, body=body))
    assert load_story(app, story_id).moderation == Moderated.VISIBLE


def test_a_maker_with_eight_shop_links_is_published(app, make_maker):
    maker = make_maker("Ada Potter", new=True, links=[("website", url) for url in EIGHT_SHOPS])
    client = log_in(app, "ada-potter@example.com")
    response = client.post("/account", data={
        "display_name": "Ada Potter", "slug": maker.slug,
        "tagline": "Stoneware mugs and bowls, thrown by the sea",
        "about": "I throw everyday stoneware in a shed by the harbour and sell it at markets, "
                 "online and in two galleries. My shops are all listed here; the newsletter "
                 "says when new work is ready.", "place": "Whitby"})
    assert response.status_code == 303
    with database(app):
        assert Maker.get_by_id(maker.id).moderation == Moderated.VISIBLE


def test_a_failing_model_leaves_nothing_behind(app, client, newcomer, monkeypatch):
    """The model scores inside the write's transaction: if it fails, the story
    is not saved either."""
    def fail(verdict):
        raise RuntimeError("model down")

    monkeypatch.setattr(decisions, "judge", fail)
    with pytest.raises(RuntimeError, match="model down"):
        publish(client, **MLM)
    with database(app):
        assert Story.select().count() == 0


# --- moderators ------------------------------------------------------------------


@pytest.fixture
def moderator(app, make_maker):
    make_maker("Mo Moderator", role="moderator")
    return log_in(app, "mo-moderator@example.com")


def test_moderators_see_the_probability_and_the_reasons(app, client, newcomer, moderator):
    story_id = story_id_from(publish(client, **MLM))
    page = moderator.get("/moderation").get_data(as_text=True)
    assert "likely spam" in page
    assert "What weighed most with the model" in page
    with database(app):
        review = Review.get(Review.subject == f"story:{story_id}")
    for reason in review.model_explanation:
        assert reason.replace("‘", "&#8216;")[:10] in page or reason[:10] in page


def test_the_reasons_name_words_a_person_can_read(default_model):
    seen = features.of_written(Written(
        kind="story", text="Recover your lost crypto\nOur agents traced $48,000 in 48 hours. "
                           "WhatsApp +1 (302) 555-0187 or Telegram 0044 7700 900123 today!!!"))
    assert default_model.probability(seen) > 0.9
    reasons = default_model.explain(seen, top=10)
    shown = [term for phrase, _ in reasons for term in re.findall(r"‘([^’]*)’", phrase)]
    assert shown  # n-grams are among the reasons...
    assert all(any(character.isalpha() for character in term) for term in shown)  # ...as words
    assert not any(character.isdigit() for term in shown for character in term)


@pytest.mark.parametrize("actions", [["dismiss"], ["hide"], ["remove"], ["remove", "restore"]])
def test_each_decision_is_kept_as_a_label(app, client, newcomer, moderator, actions):
    label = actions[-1]
    story_id = story_id_from(publish(client, **MLM))
    for action in actions:
        response = moderator.post(f"/moderation/stories/{story_id}/actions",
                                  data={"action": action, "reason": "Looked at it."})
        assert response.status_code == 303
    with database(app):
        rows = list(SpamLabel.select().order_by(SpamLabel.id))
        assert [row.action for row in rows] == actions
        newest = SpamLabel.latest().get()
        assert newest.action == label
        assert newest.subject == f"story:{story_id}"
        assert MLM["title"] in newest.text and "starter kit" in newest.text
        assert newest.moderator.display_name == "Mo Moderator"
        # The model's probability, while the review it held was open.
        assert (newest.probability is not None) == (len(actions) == 1)
        # Retraining reads it: the newest decision on the subject is its label.
        used = training.site_labels()
        assert [row.id for row in used[0] + used[1]] == [newest.id]
        found = examples.from_labels([newest])
        assert found.labels == [int(label in examples.SPAM_DECISIONS)]
        assert found.weights == [examples.DECISION_WEIGHTS[label]]


# --- train-spam ------------------------------------------------------------------


class TestTrainSpam:
    @pytest.fixture
    def app_config(self, app_config, tmp_path):
        return {**app_config, "SPAM_MODEL_FOLDER": str(tmp_path / "models")}

    def test_a_worse_model_is_not_installed(self, app, runner, tmp_path):
        result = runner.invoke(args=["train-spam", "--learner", "logistic",
                                     "--strength", "0.001"])
        assert result.exit_code != 0
        assert "not installed" in result.output
        assert not (tmp_path / "models" / "current").exists()

    def test_a_strength_needs_one_learner(self, app, runner, tmp_path):
        result = runner.invoke(args=["train-spam", "--learner", "blend", "--strength", "1"])
        assert result.exit_code == 2
        assert "--strength applies to one learner" in result.output
        assert not (tmp_path / "models").exists()

    def test_a_model_as_good_is_installed_and_used(self, app, runner, tmp_path):
        result = runner.invoke(args=["train-spam"])
        assert result.exit_code == 0, result.output
        assert "new model:" in result.output and "Installed spam-model-v1.npz" in result.output
        assert (tmp_path / "models" / "current").read_text().strip() == "spam-model-v1.npz"
        with app.app_context():
            assert store.load(app.config["SPAM_MODEL_FOLDER"]).meta["version"] == 1


# --- the schema ------------------------------------------------------------------


def test_init_db_adds_the_spam_model_columns_and_labels(app, make_maker):
    """A database at version 8 gains the review's model columns and the label
    table, keeping its reviews."""
    ada = make_maker("Ada Potter")
    with app.app_context(), db.connection_context():
        Review.create(subject=f"maker:{ada.id}", maker=ada, held_score=3.5,
                      held_reasons="links")
        db.execute_sql("DROP TABLE spam_label")
        db.execute_sql("ALTER TABLE review DROP COLUMN spam_probability")
        db.execute_sql("ALTER TABLE review DROP COLUMN model_reasons")
        db.execute_sql("UPDATE schema_version SET version = 8")
    result = app.test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    with app.app_context(), db.connection_context():
        assert current_version() == STEPS[-1][0]
        columns = {column.name for column in db.get_columns("review")}
        assert {"spam_probability", "model_reasons"} <= columns
        assert db.table_exists("spam_label")
        assert Review.get().held_reasons == "links"
    assert sqlite3.sqlite_version_info >= (3, 35)  # DROP COLUMN, used above
