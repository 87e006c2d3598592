"""Many synthetic makers and stories, for benchmarks and trying the site at scale:
`flask --app app seed-demo --makers 10000 --stories 100000`.

Text is drawn from small vocabularies per craft, so words are spread as in
real writing: a craft's words in about its share of stories, a handful of
rare words in very few. Rows go in with insert_many, in one transaction,
and the search index is filled in the same pass (through the search module's
bulk door). No photos are drawn.
"""

import random
from datetime import timedelta

from markupsafe import escape

from ..content import search
from ..content.crafts import CRAFTS, craft_label
from ..content.text import place_key
from ..database.engine import move_sequences_on
from ..extensions import db
from ..models import Generation, Maker, MakerCraft, Story, utcnow

BATCH = 500
FIRST = ["Ada", "Ben", "Chloé", "Dara", "Efe", "Fien", "Goran", "Hana", "Ines", "Joe", "Kiri",
         "Lale", "Mika", "Nell", "Oisín", "Priya", "Quinn", "Rui", "Saoirse", "Tomás", "Uma",
         "Vera", "Wen", "Ximena", "Yuki", "Zofia"]
LAST = ["Okafor", "Lindqvist", "Carvalho", "Murphy", "Arakawa", "Nowak", "Hughes", "Rossi",
        "Dubois", "Haddad", "Moreau", "Kowalczyk", "Tanaka", "Ngata", "Ruiz", "Byrne"]
PLACES = ["Bristol, UK", "Leeds, UK", "Porto, Portugal", "Lyon, France", "Ghent, Belgium",
          "Asheville, USA", "Kyoto, Japan", "Cork, Ireland", "Oaxaca, Mexico", "Tampere, Finland",
          "Kraków, Poland", "Hobart, Australia", "Wellington, New Zealand", "Portland, USA"]
GENERAL = ("the a and of to in it is was for on with that this my at from by we as but "
           "made hand work studio morning market customer order time piece small slow light "
           "week first last again before after every making finished careful patient friend "
           "window table bench shelf tools fire water wood thread colour shape edge").split()
CRAFT_WORDS = {
    "ceramics": "clay kiln glaze wheel stoneware porcelain firing trimming bisque slip",
    "jewellery": "silver ring gold solder bezel chain polish stone setting brooch",
    "textiles": "linen wool cotton dye indigo quilt fabric stitch seam pattern",
    "weaving": "loom warp weft shuttle heddle tapestry yarn beater reed tabby",
    "knitting-and-crochet": "needles yarn cable stitch jumper hook gauge ribbing skein swatch",
    "embroidery": "embroidery hoop floss satin stitch sampler linen needle motif thread",
    "woodwork": "oak ash chisel plane grain joint shaving lathe spoon carving",
    "furniture": "chair table joinery tenon mortise dowel walnut oak finish seat",
    "glass": "furnace gather blowpipe annealing cullet colour bubble punty lampwork glassblower",
    "leather": "hide saddle stitch edge burnish tannery awl strap wallet vegetable",
    "paper-and-print": "linocut press ink paper relief plate roller edition proof carve",
    "bookbinding": "signature spine thread board paper fold sewing cover glue bone",
    "illustration": "ink brush sketch gouache pencil paper line drawing character page",
    "painting": "oil canvas palette pigment brush layer glaze landscape light easel",
    "photography": "camera film darkroom print lens exposure negative light portrait shutter",
    "metalwork": "forge anvil hammer steel iron quench temper bellows tongs scroll",
    "basketry": "willow rush split weave rim stake osier coil hazel soak",
    "stone": "chisel marble slate granite mallet carving letter quarry point rasp",
    "toys": "puzzle wooden toy paint wheel block sanding child play cart",
    "soap-and-candles": "soap lye oil cure wax wick candle scent mould batch",
}
RARE = ["quillwork", "kintsugi", "marquetry", "scrimshaw", "filigree", "guilloché"]


def paragraph(rng, vocabulary, length):
    return " ".join(rng.choice(vocabulary) for _ in range(length)).capitalize() + "."


def seed_bulk(maker_count, story_count, seed=1):
    """Create maker_count makers and story_count published stories; returns the counts."""
    rng = random.Random(seed)  # noqa: S311 (test data, not secrets)
    craft_slugs = list(CRAFTS)
    start = (Maker.select(Maker.id).order_by(Maker.id.desc()).scalar() or 0) + 1
    now = utcnow()
    with db.atomic():
        Generation.changed()  # every list changes
        makers = []
        for n in range(start, start + maker_count):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            place = rng.choice(PLACES)
            crafts = rng.sample(craft_slugs, rng.randint(1, 2))
            tagline = f"{craft_label(crafts[0])} from {place.split(',')[0]}"
            makers.append((n, name, place, crafts, tagline))
        insert(Maker, [{
            "id": n, "email": f"maker{n}@bulk.example", "password_hash": Maker.UNUSABLE_PASSWORD,
            "display_name": name, "slug": f"maker-{n}", "place": place,
            "place_key": place_key(place), "tagline": tagline,
            "created_at": now, "updated_at": now, "email_confirmed_at": now,
        } for n, name, place, crafts, tagline in makers])
        insert(MakerCraft, [
            {"maker": n, "craft": craft} for n, *_, crafts, _ in makers for craft in crafts
        ])
        search.add_many(makers=[{
            "id": n, "name": name, "tagline": tagline, "about": "",
            "crafts": " ".join(craft_label(c) for c in crafts), "place": place,
        } for n, name, place, crafts, tagline in makers])
        stories, index = [], []
        for number in range(story_count):
            n, _, _, crafts, _ = rng.choice(makers)
            words = CRAFT_WORDS[crafts[0]].split() + GENERAL
            paragraphs = [paragraph(rng, words, rng.randint(25, 60)) for _ in range(3)]
            if number < len(RARE) or rng.random() < 0.0002:  # a few, at any size
                paragraphs[1] += f" {RARE[number % len(RARE)].capitalize()} too."
            title = paragraph(rng, CRAFT_WORDS[crafts[0]].split(), 4)[:-1]
            body = "\n\n".join(paragraphs)
            stories.append({
                "maker": n, "title": title, "body_md": body,
                "body_html": "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs),
                "summary": paragraphs[0][:240], "status": Story.PUBLISHED,
                "published_at": now - timedelta(minutes=rng.randint(1, 60 * 24 * 700)),
                "created_at": now, "updated_at": now,
            })
            index.append({"title": title, "body": body, "materials": "", "process": ""})
            if len(stories) == BATCH:
                flush_stories(stories, index)
        flush_stories(stories, index)
        move_sequences_on([Maker, MakerCraft, Story])  # rows went in with their ids
    return maker_count, story_count


def insert(model, rows):
    for i in range(0, len(rows), BATCH):
        model.insert_many(rows[i:i + BATCH]).execute()


def flush_stories(stories, index):
    """Insert a batch of stories, then index them under their new ids."""
    if not stories:
        return
    first = (Story.select(Story.id).order_by(Story.id.desc()).scalar() or 0) + 1
    for offset, row in enumerate(stories):
        row["id"] = first + offset
    Story.insert_many(stories).execute()
    search.add_many(stories=[
        {"id": row["id"], **doc} for row, doc in zip(stories, index, strict=True)
    ])
    stories.clear()
    index.clear()
