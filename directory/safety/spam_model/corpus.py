"""The labelled corpus the model learns from, as families of items.

Three sources, all shipped in the repository:

- `data/spam/families/*.txt`: one file per family (a kind of maker, or a
  kind of spam), each a header and hand-written sentences in sections. Items
  are composed from those sentences with a random generator seeded by the
  family's name, so the corpus is the same on every machine.
- `tests/data/spam_corpus.json`: the first corpus (52 genuine, 50 spam
  items), each item its own family; always in the training part.
- `data/spam/written/*.json`: items each written whole, in families:
  `train-*.json` in the training part, and `heldout-<n>.json`, further
  held-out sets, each written by someone who had seen neither the corpus
  nor the model (split "heldout-<n>").

A family's `split` is `train`, `heldout` or `heldout-<n>`. Held-out families are never
trained on: not by the shipped model, not by `train-spam`, not by the
cross-validation; they are only ever scored (data/spam/README.md).
"""

import json
import random
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FAMILIES = ROOT / "data" / "spam" / "families"
FIRST_CORPUS = ROOT / "tests" / "data" / "spam_corpus.json"
WRITTEN = ROOT / "data" / "spam" / "written"
# The demo stories, read as data: the first corpus was posted on a site that held them.
DEMO_STORIES = ROOT / "directory" / "dev" / "demo_content" / "stories.json"
SLOT = re.compile(r"\{(\w+)\}")
SECTION = re.compile(r"^== (@?\w+)\s*$")


@dataclass
class Item:
    """One labelled story or profile, as the model sees it."""

    id: str
    family: str
    label: str  # "spam" or "genuine"
    kind: str  # "story" or "profile"
    title: str  # a story's title, or a profile's display name
    body: str
    tagline: str = ""
    shop_links: list = field(default_factory=list)
    split: str = "train"
    weight: float = 1.0
    copy_similarity: float = 0.0  # known only on the site; 0 for corpus items
    account_days: float = 0.0

    @property
    def is_spam(self):
        return self.label == "spam"


@dataclass
class Family:
    name: str
    label: str
    kind: str
    split: str
    count: int
    sections: dict

    def compose(self):
        """The family's items, the same every time."""
        rng = random.Random(self.name)  # noqa: S311 (a fixed composition, not a secret)
        items, seen = [], set()
        for attempt in range(self.count * 20):
            item = self.one(rng, len(items) + 1)
            key = (item.title, item.body)
            if key not in seen:
                seen.add(key)
                items.append(item)
            if len(items) == self.count or attempt > self.count * 20:
                break
        return items

    def pick(self, rng, section, k=1):
        lines = self.sections.get(section, [])
        if not lines:
            return []
        return rng.sample(lines, min(k, len(lines)))

    def fill(self, rng, text):
        def slot(match):
            choices = self.sections.get("@" + match.group(1))
            return rng.choice(choices) if choices else match.group(0)
        for _ in range(3):  # slots may hold slots
            text = SLOT.sub(slot, text)
        return text.replace("\\n", "\n")

    def one(self, rng, n):
        middles = self.pick(rng, "middle", rng.choice((1, 2, 2, 3)))
        parts = self.pick(rng, "opening") + middles + self.pick(rng, "ending")
        title_section = "title" if self.kind == "story" else "name"
        shops = self.pick(rng, "shops")
        return Item(
            id=f"{self.name}-{n:02d}", family=self.name, label=self.label, kind=self.kind,
            split=self.split,
            title=self.fill(rng, (self.pick(rng, title_section) or [""])[0]),
            tagline=self.fill(rng, (self.pick(rng, "tagline") or [""])[0]),
            body="\n\n".join(self.fill(rng, part) for part in parts),
            shop_links=self.fill(rng, shops[0]).split() if shops else [],
        )


def parse_family(path):
    """A family file: `key: value` header lines, then `== section` blocks of
    one sentence (or paragraph) per line. `#` starts a comment line."""
    header, sections, current = {}, {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        match = SECTION.match(line)
        if match:
            current = sections.setdefault(match.group(1), [])
        elif current is None:
            key, _, value = line.partition(":")
            header[key.strip()] = value.strip()
        else:
            current.append(line.strip())
    return Family(name=header.get("family", path.stem), label=header["label"],
                  kind=header.get("kind", "story"), split=header.get("split", "train"),
                  count=int(header.get("count", 16)), sections=sections)


def first_corpus():
    """The first corpus, each item a family of its own, in the training part."""
    data = json.loads(FIRST_CORPUS.read_text(encoding="utf-8"))
    return [Item(id=f"v1-{row['id']}", family=f"v1-{row['id']}", label=label,
                 kind=row["kind"], title=row["title"], tagline=row.get("tagline", ""),
                 body=row["body"], shop_links=list(row.get("shop_links", ())))
            for label in ("genuine", "spam") for row in data[label]]


def written():
    """The items written whole: `train-*.json` for training, `heldout-<n>.json` held out."""
    items = []
    for path in sorted(WRITTEN.glob("*.json")):
        split = "train" if path.stem.startswith("train-") else path.stem
        prefix = "w" if split == "train" else path.stem.replace("heldout-", "h")
        for row in json.loads(path.read_text(encoding="utf-8")):
            items.append(Item(id=row["id"], family=f"{prefix}-{row['family']}",
                              label=row["label"], kind=row["kind"], title=row["title"],
                              tagline=row.get("tagline", ""), body=row["body"],
                              shop_links=list(row.get("shop_links", ())), split=split))
    return items


@cache
def families():
    return tuple(parse_family(path) for path in sorted(FAMILIES.glob("*.txt")))


@cache
def _all_items():
    items = [item for family in families() for item in family.compose()]
    return tuple(items + first_corpus() + written())


def heldout_splits():
    """The held-out parts: the held-out families, then each written held-out set."""
    return ["heldout"] + sorted(path.stem for path in WRITTEN.glob("heldout-*.json"))


def load(split=None):
    """Every item of the corpus, or only those of one split."""
    return [item for item in _all_items() if split is None or item.split == split]
