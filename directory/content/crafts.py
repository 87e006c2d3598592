"""The curated list of crafts a maker can choose from."""

CRAFTS = {
    "ceramics": "Ceramics",
    "jewellery": "Jewellery",
    "textiles": "Textiles",
    "weaving": "Weaving",
    "knitting-and-crochet": "Knitting and crochet",
    "embroidery": "Embroidery",
    "woodwork": "Woodwork",
    "furniture": "Furniture",
    "glass": "Glass",
    "leather": "Leather",
    "paper-and-print": "Paper and print",
    "bookbinding": "Bookbinding",
    "illustration": "Illustration",
    "painting": "Painting",
    "photography": "Photography",
    "metalwork": "Metalwork",
    "basketry": "Basketry",
    "stone": "Stone carving",
    "toys": "Toys and games",
    "soap-and-candles": "Soap and candles",
}


def craft_label(slug):
    """The human name of a craft slug, or the slug itself if it is unknown."""
    return CRAFTS.get(slug, slug)
