"""Demo makers for trying the directory out locally.

Thirty invented independent makers, spread over fourteen places and every craft in
``directory.crafts.CRAFTS``. Every link points at the reserved ``.example`` top-level
domain, so nothing real is ever linked. One Bristol maker's place is deliberately typed
as "bristol ,UK" so place normalisation has something to do.

Each maker is a dict with ``display_name``, ``tagline``, ``about`` (Markdown),
``crafts`` (craft slugs), ``place``, ``commissions`` and ``links``, a list of
``(kind, url, label)`` tuples.
"""

from textwrap import dedent


def _md(text):
    """Dedent a Markdown block and unwrap its paragraphs, keeping list items on their own lines."""
    blocks = dedent(text).strip().split("\n\n")
    unwrapped = []
    for block in blocks:
        lines = [line.strip() for line in block.splitlines()]
        if all(line.startswith(("- ", "* ")) for line in lines):
            unwrapped.append("\n".join(lines))
        else:
            unwrapped.append(" ".join(lines))
    return "\n\n".join(unwrapped)


MAKERS = [
    {
        "display_name": "Hazel Okafor",
        "tagline": "Thrown stoneware mugs and bowls in speckled oatmeal and deep iron glazes.",
        "about": _md(
            """
            I throw everything on an old Shimpo wheel in a shared studio behind a bike shop.
            The clay is a speckled stoneware from a supplier two counties over, and the
            glazes are my own recipes: an oatmeal matt, a runny iron brown and a blue that
            only behaves about half the time.

            Most of my regulars I met at the **Sunday market on the harbourside**, where I
            learnt more about handles from people picking mugs up than from any book. If a
            mug is too heavy, someone will tell you within the hour.

            I take a few *dinner-set commissions* each year. Write to me early: a set of
            twelve takes about three months from first sketch to the final firing.
            """
        ),
        "crafts": ["ceramics"],
        "place": "Bristol, UK",
        "commissions": True,
        "links": [
            ("website", "https://hazelokafor.example/", "Hazel's studio"),
            (
                "marketplace",
                "https://marketplace.example/shop/HazelOkaforPots",
                "On the marketplace",
            ),
            ("newsletter", "https://hazelokafor.example/letter", "Kiln-opening letter"),
        ],
    },
    {
        "display_name": "Amara Nwosu",
        "tagline": "Recycled silver rings and ear cuffs, hammered and oxidised by hand.",
        "about": _md(
            """
            My workbench is a repurposed school desk, and the silver on it is all recycled:
            old cutlery, broken chains, and sometimes a customer's grandmother's brooch that
            they'd like turned into something they'll actually wear.

            I sell at two craft fairs a year and through my own little shop. I don't chase
            follower counts. I'd rather have forty people who open my emails than four
            thousand who scroll past.

            **Commissions** are open for wedding bands and remodelling old pieces. We start
            with a cup of tea, in person or on a call, and a lot of drawing.
            """
        ),
        "crafts": ["jewellery", "metalwork"],
        "place": "Bristol, UK",
        "commissions": True,
        "links": [
            ("website", "https://amaranwosu.example/", "My own shop"),
            ("social", "https://social.example/@amaramakes", "Bench photos"),
        ],
    },
    {
        "display_name": "Oliver Penrose",
        "tagline": "Black-and-white film photographs of estuaries, harbours and working boats.",
        "about": _md(
            """
            I shoot on a medium-format camera older than I am and print in a darkroom I
            built in the cellar. Each print is on fibre-based paper, toned in selenium and
            signed on the back.

            Editions are small, usually fifteen, and I keep a notebook of who bought which
            number. Several of my buyers are retired fishermen who recognise their own boats,
            which pleases me more than any review.
            """
        ),
        "crafts": ["photography"],
        "place": "Bristol, UK",
        "commissions": False,
        "links": [
            ("website", "https://oliverpenrose.example/", "Portfolio and prints"),
            ("gallery", "https://gallery-west.example/artists/oliver-penrose", "Gallery West"),
            ("workshop", "https://oliverpenrose.example/darkroom-days", "Darkroom days"),
        ],
    },
    {
        "display_name": "Kit & Moth Press",
        "tagline": "Linocut prints and letterpress cards, printed on a 1920s Adana in a shed.",
        "about": _md(
            """
            We are two people, a tabletop press and a shed that smells permanently of ink.
            Kit carves the blocks; Moth (not her real name, but it stuck) sets the type and
            does the printing.

            Things we care about:

            - paper from a mill that still makes it by hand
            - runs small enough that we can remember every one
            - telling you honestly how long a print will take

            You'll find us at the indie print fair every spring, usually with inky hands.
            """
        ),
        "crafts": ["paper-and-print", "illustration"],
        "place": "bristol ,UK",
        "commissions": False,
        "links": [
            ("website", "https://kitandmoth.example/", "The press"),
            (
                "marketplace",
                "https://marketplace.example/shop/KitAndMothPress",
                "On the marketplace",
            ),
            ("newsletter", "https://kitandmoth.example/news", "Seasonal print letter"),
            ("social", "https://social.example/@kitandmoth", "Instagram-style photo feed"),
        ],
    },
    {
        "display_name": "Fatima Rahman",
        "tagline": "Hand-embroidered cushions and wall pieces drawing on kantha running stitch.",
        "about": _md(
            """
            My nani taught me kantha on old saris when I was nine. Now I stitch on linen and
            reclaimed cotton, layering running stitch until the cloth ripples.

            A wall piece can take sixty hours, so I show the slow parts too: the tacking,
            the unpicking, the evenings when nothing goes right. People at markets always ask
            how long it took, and I like being able to answer truthfully.

            I take *memory quilt* commissions made from a family's own clothes.
            """
        ),
        "crafts": ["embroidery", "textiles"],
        "place": "Leeds, UK",
        "commissions": True,
        "links": [
            ("website", "https://fatimarahman.example/", "Studio and commissions"),
            ("workshop", "https://fatimarahman.example/classes", "Kantha stitch evenings"),
        ],
    },
    {
        "display_name": "Joe Hartley",
        "tagline": "Windsor chairs and stools, green-wood turned and steam-bent from local ash.",
        "about": _md(
            """
            I make chairs. Mostly Windsor chairs, some stools, the odd rocking chair when
            someone is patient enough to wait for one.

            The ash comes from a woodland co-op twenty minutes up the valley. I split it
            green, shave it on a bodger's horse and bend the bows in a steam box my dad
            welded. **No two chairs are the same height**, because they're fitted to whoever
            will sit in them.

            Waiting list is about eight months. I'd rather tell you that now.
            """
        ),
        "crafts": ["furniture", "woodwork"],
        "place": "Leeds, UK",
        "commissions": True,
        "links": [
            ("website", "https://joehartleychairs.example/", "Chairs and waiting list"),
            ("workshop", "https://joehartleychairs.example/courses", "Make-a-stool weekends"),
        ],
    },
    {
        "display_name": "Inês Carvalho",
        "tagline": "Filigree earrings and pendants in gold and silver, made the Porto way.",
        "about": _md(
            """
            Filigree is old in Portugal, and I learnt it from a master in Gondomar who still
            twists wire faster than I can watch. I make smaller, quieter pieces than the
            traditional hearts, but every curl is still soldered by hand.

            I sell from a workbench-shop near the river and on one marketplace. Tourists
            find me by accident; locals come back for repairs and to show me how the pieces
            have worn. That is the best feedback I get.
            """
        ),
        "crafts": ["jewellery"],
        "place": "Porto, Portugal",
        "commissions": False,
        "links": [
            ("website", "https://inescarvalho.example/", "Atelier Inês"),
            (
                "marketplace",
                "https://marketplace.example/shop/InesCarvalhoFiligree",
                "On the marketplace",
            ),
            (
                "gallery",
                "https://galeria-ribeira.example/artistas/ines-carvalho",
                "Galeria Ribeira",
            ),
        ],
    },
    {
        "display_name": "Rui Tavares",
        "tagline": "Hand-painted azulejo tiles and illustrations of the city's tiled facades.",
        "about": _md(
            """
            I started by drawing the tiled fronts of houses on my walk to work, and ended up
            painting tiles myself. Cobalt on tin glaze, fired in a small kiln I share with a
            potter upstairs.

            Each tile is painted freehand, so a panel of twenty will have twenty slightly
            different birds. I think that is the point. I sell prints of the drawings as well,
            for people who can't fit a tile panel into hand luggage.

            Commissions for house-number tiles and small panels are welcome.
            """
        ),
        "crafts": ["illustration", "painting", "ceramics"],
        "place": "Porto, Portugal",
        "commissions": True,
        "links": [
            ("website", "https://ruitavares.example/", "Tiles and drawings"),
            ("social", "https://social.example/@ruitiles", "Work-in-progress feed"),
        ],
    },
    {
        "display_name": "Camille Besson",
        "tagline": "Saddle-stitched leather bags and wallets in vegetable-tanned hide.",
        "about": _md(
            """
            Everything is cut by hand and saddle-stitched with waxed linen thread, two needles,
            one hole at a time. I use vegetable-tanned leather from a tannery in the south
            that I've visited, so I know where it comes from.

            My bags are plain on purpose. They are meant to darken and soften over ten years,
            and I'll repair any stitching that comes loose, free, for as long as I'm working.

            I'm at the Croix-Rousse market most Saturdays.
            """
        ),
        "crafts": ["leather"],
        "place": "Lyon, France",
        "commissions": False,
        "links": [
            ("website", "https://camillebesson.example/", "Atelier Besson"),
            (
                "marketplace",
                "https://marketplace.example/shop/CamilleBessonCuir",
                "On the marketplace",
            ),
        ],
    },
    {
        "display_name": "Élodie Marchand",
        "tagline": "Silk and linen scarves woven on a restored Jacquard loom in the canut quarter.",
        "about": _md(
            """
            Lyon's silk weavers, the *canuts*, used to fill these tall-windowed flats with
            looms. I rescued one from a cellar, spent two winters restoring it, and now weave
            scarves and narrow runners on it.

            It is slow, loud and wonderful. A good day is two metres. I dye some yarns myself
            with madder and weld from a friend's garden.

            I don't do commissions, but visitors are welcome on open-studio weekends.
            """
        ),
        "crafts": ["weaving", "textiles"],
        "place": "Lyon, France",
        "commissions": False,
        "links": [
            ("website", "https://elodiemarchand.example/", "The loom and the scarves"),
            ("newsletter", "https://elodiemarchand.example/lettre", "Open-studio dates"),
        ],
    },
    {
        "display_name": "Pieter Vandenberghe",
        "tagline": "Solid oak tables and benches with pegged joints and no screws at all.",
        "about": _md(
            """
            I build tables to outlast me. Oak from Flemish sawmills, air-dried for years,
            joined with mortise and tenon and draw-bored oak pegs. No screws, no metal
            brackets.

            Most of my work is **commissioned**: people visit the workshop, sit at a few
            tables, and we talk about how they eat, work and argue around theirs. Then I
            draw it full-size on the workshop wall.

            A table takes six to ten weeks. Delivery in Belgium and the Netherlands I do
            myself, in a very old van.
            """
        ),
        "crafts": ["furniture", "woodwork"],
        "place": "Ghent, Belgium",
        "commissions": True,
        "links": [
            ("website", "https://pietervandenberghe.example/", "Workshop and tables"),
            ("gallery", "https://design-gent.example/makers/pieter-vandenberghe", "Design Gent"),
        ],
    },
    {
        "display_name": "Fien De Smet",
        "tagline": "Small cast-bronze charms and signet rings, carved first in wax.",
        "about": _md(
            """
            Each piece starts as a lump of green carving wax and a dental pick. I cast in
            bronze and silver in small batches, then file and polish until they feel right
            in the hand.

            I sell at the Sunday flea market by the Korenmarkt and through a couple of
            shops I trust. I don't do sales or countdown timers: the price is the price.
            """
        ),
        "crafts": ["jewellery"],
        "place": "Ghent, Belgium",
        "commissions": False,
        "links": [
            ("website", "https://fiendesmet.example/", "Fien's charms"),
            ("marketplace", "https://marketplace.example/shop/FienDeSmet", "On the marketplace"),
            ("social", "https://social.example/@fienwax", "Wax carving diary"),
        ],
    },
    {
        "display_name": "Ruth Calloway",
        "tagline": "White-oak egg baskets and market baskets, split and woven the mountain way.",
        "about": _md(
            """
            I learnt white-oak basketry from my great-uncle, who made them for the egg trade.
            Finding a good tree is half the work: straight, no knots, and the landowner's
            permission.

            A basket takes me about a day and a half, splits to finish. I sell at the
            Saturday tailgate market and at the craft guild shop. Folks bring old ones back
            to be mended, and I love seeing what forty years of use does to oak.
            """
        ),
        "crafts": ["basketry"],
        "place": "Asheville, USA",
        "commissions": False,
        "links": [
            ("gallery", "https://craftguild.example/members/ruth-calloway", "Craft guild shop"),
        ],
    },
    {
        "display_name": "Juniper & Ash Soapworks",
        "tagline": "Cold-process soaps and beeswax candles scented with mountain plants.",
        "about": _md(
            """
            We're a two-person soap kitchen in a converted garage. Soaps are cold-process,
            cured for six weeks, and scented with what grows nearby: spruce tip, sumac,
            wild mint. Candles are poured from beeswax we buy from three local beekeepers.

            We write every ingredient on the label in plain words. If you have sensitive
            skin, come and talk to us at the market and we'll tell you straight which bars
            to avoid.
            """
        ),
        "crafts": ["soap-and-candles"],
        "place": "Asheville, USA",
        "commissions": False,
        "links": [
            ("website", "https://juniperandash.example/", "Our shop"),
            (
                "marketplace",
                "https://marketplace.example/shop/JuniperAndAshSoap",
                "On the marketplace",
            ),
            ("newsletter", "https://juniperandash.example/letter", "New-batch letter"),
        ],
    },
    {
        "display_name": "Marcus Bell",
        "tagline": "Forged kitchen tools, hooks and fire irons from a coal forge in the backyard.",
        "about": _md(
            """
            I'm a blacksmith. I forge spatulas, pot hooks, fire pokers and the occasional
            gate latch from mild and high-carbon steel, finished with beeswax and linseed
            oil.

            People find me at the farmers' market, where I bring a small propane forge and
            demonstrate. Kids love it; parents love that the spatula won't melt.

            Commissions for gates, railings and hardware are open. Tell me about the door.
            """
        ),
        "crafts": ["metalwork"],
        "place": "Portland, USA",
        "commissions": True,
        "links": [
            ("website", "https://marcusbellforge.example/", "Bell Forge"),
            ("workshop", "https://marcusbellforge.example/classes", "Intro to forging"),
        ],
    },
    {
        "display_name": "Priya Raman",
        "tagline": "Portraits of makers at work, and quiet photographs of their hands and tools.",
        "about": _md(
            """
            I photograph other makers. Potters mid-pull, weavers at the warp, a jeweller's
            bench at the end of a long day. It started as a favour for friends who needed
            shop photos and became most of my work.

            I don't do heavy editing. If there's clay on your apron, there's clay on your
            apron. I'd rather your customers see the real studio than a staged one.

            **Studio shoots** can be booked a season ahead. I also sell a handful of prints.
            """
        ),
        "crafts": ["photography"],
        "place": "Portland, USA",
        "commissions": True,
        "links": [
            ("website", "https://priyaraman.example/", "Portfolio"),
            ("social", "https://social.example/@priyaatwork", "Makers at work"),
            ("newsletter", "https://priyaraman.example/notes", "Field notes letter"),
        ],
    },
    {
        "display_name": "Aiko Morimoto",
        "tagline": "Sashiko-stitched indigo cloth, mended jackets and table runners.",
        "about": _md(
            """
            I dye cotton in indigo vats in my courtyard and stitch it with *sashiko*, the
            running stitch once used to make worn cloth last longer.

            Half my work is mending. People send me jackets with holes in the elbows and I
            send them back patched and stitched, and often they say they love the jacket
            more now. I show the mending on my feed, before and after, with no filters.
            """
        ),
        "crafts": ["textiles", "embroidery"],
        "place": "Kyoto, Japan",
        "commissions": False,
        "links": [
            ("website", "https://aikomorimoto.example/", "Indigo and sashiko"),
            ("social", "https://social.example/@aikomends", "Mending, before and after"),
        ],
    },
    {
        "display_name": "Kenji Arakawa",
        "tagline": "Hand-planed hinoki boxes and trays with traditional interlocking joints.",
        "about": _md(
            """
            I make boxes. Lidded tea boxes, bento boxes, small trays. The wood is mostly
            hinoki cypress, planed by hand until it shines without any finish.

            The joints are cut with saws and chisels, no nails, no glue where a joint can do
            the job instead. I learnt in a temple-carpentry workshop and still think like a
            carpenter, only smaller.

            I take commissions for boxes to hold a particular thing: a tea bowl, a letter,
            a set of tools. Tell me what it is for.
            """
        ),
        "crafts": ["woodwork"],
        "place": "Kyoto, Japan",
        "commissions": True,
        "links": [
            ("website", "https://kenjiarakawa.example/", "Arakawa boxes"),
            ("gallery", "https://gallery-kamo.example/artists/kenji-arakawa", "Gallery Kamo"),
        ],
    },
    {
        "display_name": "Yuna Hasegawa Photography",
        "tagline": "Cyanotypes and small photobooks of gardens through the seasons.",
        "about": _md(
            """
            I photograph the same three gardens every week, all year, and print in cyanotype
            on washi paper. The blues shift with the light on the day I expose them, so no
            two prints match.

            Twice a year I hand-sew a small photobook of the season, in editions of fifty.
            I'd rather sell fifty to people who write back than five hundred to nobody.
            """
        ),
        "crafts": ["photography", "paper-and-print"],
        "place": "Kyoto, Japan",
        "commissions": False,
        "links": [
            ("website", "https://yunahasegawa.example/", "Prints and books"),
            ("marketplace", "https://marketplace.example/shop/YunaHasegawa", "On the marketplace"),
            ("newsletter", "https://yunahasegawa.example/seasons", "Seasonal letter"),
        ],
    },
    {
        "display_name": "Aroha Ngata",
        "tagline": "Carved pounamu and stone pendants, each shaped to the grain of its stone.",
        "about": _md(
            """
            I carve pendants from pounamu and other New Zealand stone, with diamond tools
            and a lot of water. The shape comes from the stone: I look for the way the colour
            moves through it before I cut anything.

            Many pieces are gifted rather than bought for oneself, so I like to talk with
            people about who a piece is for. Commissions start with a kōrero, in person or by
            phone, never just a form.
            """
        ),
        "crafts": ["stone", "jewellery"],
        "place": "Wellington, New Zealand",
        "commissions": True,
        "links": [
            ("website", "https://arohangata.example/", "Aroha's carving"),
            ("gallery", "https://harbourgallery.example/artists/aroha-ngata", "Harbour Gallery"),
        ],
    },
    {
        "display_name": "Liam Carter",
        "tagline": "Wooden pull-along toys and puzzles finished in food-safe oil.",
        "about": _md(
            """
            I make wooden toys: pull-along kiwi, stacking lighthouses, jigsaw maps of the
            islands. Beech and macrocarpa offcuts, rounded edges, oil finish safe for teething
            babies.

            My test panel is my two kids and their friends. If a toy survives them for a month
            it goes on the market table.

            I'll make personalised name puzzles to order.
            """
        ),
        "crafts": ["toys", "woodwork"],
        "place": "Wellington, New Zealand",
        "commissions": True,
        "links": [
            ("website", "https://liamcartertoys.example/", "Carter toys"),
            (
                "marketplace",
                "https://marketplace.example/shop/LiamCarterToys",
                "On the marketplace",
            ),
            ("social", "https://social.example/@cartertoys", "Workshop snaps"),
        ],
    },
    {
        "display_name": "Siobhán Murphy",
        "tagline": "Aran jumpers and crochet blankets from undyed Irish wool.",
        "about": _md(
            """
            I knit Aran jumpers the way my mother did, cables and all, from undyed wool
            spun in a mill in Donegal. In the evenings I crochet blankets from the leftovers.

            A jumper takes me about five weeks of evenings. I sell at the English Market
            craft stall once a month and through my own small website, and I keep a list
            of everyone who's asked about sizing so I can write back when I have one.
            """
        ),
        "crafts": ["knitting-and-crochet", "textiles"],
        "place": "Cork, Ireland",
        "commissions": False,
        "links": [
            ("website", "https://siobhanmurphyknits.example/", "Knits for sale"),
        ],
    },
    {
        "display_name": "Declan Fitzgerald Glass",
        "tagline": "Free-blown tumblers, carafes and bowls in clear and sea-green glass.",
        "about": _md(
            """
            I run a one-furnace glass studio in an old creamery. Tumblers, carafes, bowls,
            and lighting pendants when someone asks nicely.

            Everything is blown freehand, so sizes vary a little. I'm honest about it: if you
            need six identical glasses, buy them from a factory. If you want six glasses that
            each catch the light differently, come and see me.

            Open studio on Friday afternoons, when you can watch a gather come out of the fire.
            """
        ),
        "crafts": ["glass"],
        "place": "Cork, Ireland",
        "commissions": True,
        "links": [
            ("website", "https://declanfitzgerald.example/", "The glass studio"),
            ("workshop", "https://declanfitzgerald.example/taster", "Glassblowing taster"),
            ("gallery", "https://gallery-lee.example/artists/declan-fitzgerald", "Lee Gallery"),
        ],
    },
    {
        "display_name": "Lucía Hernández",
        "tagline": "Backstrap-woven wool rugs and cushions dyed with cochineal and indigo.",
        "about": _md(
            """
            I am a weaver from a family of weavers. We card and spin the wool, dye it with
            *grana cochinilla*, indigo and pericón, and weave on backstrap and pedal looms in
            our patio.

            Each rug has a small card with the name of who dyed it and who wove it. People who
            buy from us at the market often come back years later to say hello. I prefer
            that to any number of likes.

            We weave to order; tell us the size and colours and we'll send you samples first.
            """
        ),
        "crafts": ["weaving", "textiles"],
        "place": "Oaxaca, Mexico",
        "commissions": True,
        "links": [
            ("website", "https://luciahernandez.example/", "Taller Hernández"),
            (
                "marketplace",
                "https://marketplace.example/shop/LuciaHernandezTextiles",
                "On the marketplace",
            ),
        ],
    },
    {
        "display_name": "Mateo Ruiz Cerámica",
        "tagline": "Burnished black clay pots, fired in an open pit the way my grandmother did.",
        "about": _md(
            """
            Black clay, *barro negro*, dug near our village. We shape it without a wheel,
            burnish it with a quartz pebble while it is leather-hard, and fire it in a pit
            with little air so it turns black.

            I sell mostly at the Saturday market and from the workshop. Visitors can watch,
            and they always ask about the shine. There's no glaze: it's just the stone and a
            lot of patience.
            """
        ),
        "crafts": ["ceramics"],
        "place": "Oaxaca, Mexico",
        "commissions": False,
        "links": [
            ("website", "https://mateoruiz.example/", "Cerámica Ruiz"),
            ("social", "https://social.example/@barronegroruiz", "Firing days"),
        ],
    },
    {
        "display_name": "Studio Fjell",
        "tagline": "Birch and pine stools, shelves and spoons from a lakeside workshop.",
        "about": _md(
            """
            *Fjell* is Norwegian for mountain. I moved to Tampere for love and kept the name,
            even though the nearest thing to a mountain here is a ski slope.

            I make three-legged stools, wall shelves and carved spoons from Finnish birch and
            pine. The stools are sold flat-packed with a wooden mallet, because assembling your
            own stool is good for you.

            Custom shelving for awkward alcoves is a favourite commission.
            """
        ),
        "crafts": ["woodwork", "furniture"],
        "place": "Tampere, Finland",
        "commissions": True,
        "links": [
            ("website", "https://studiofjell.example/", "Studio Fjell"),
            ("marketplace", "https://marketplace.example/shop/StudioFjell", "On the marketplace"),
            ("workshop", "https://studiofjell.example/spoon-carving", "Spoon-carving evenings"),
        ],
    },
    {
        "display_name": "Marta Lindqvist Ceramics",
        "tagline": "Porcelain cups and vases with thin walls and pale celadon glazes.",
        "about": _md(
            """
            I work in porcelain, thrown thin and trimmed thinner, so the cups glow when you
            hold them to a window. Glazes are pale celadons and a snowy matt white.

            I sell through two galleries and at the Christmas market in the old factory.
            Losses are high with porcelain, and I photograph the cracked ones too, because I
            think people should know what the good ones cost.
            """
        ),
        "crafts": ["ceramics"],
        "place": "Tampere, Finland",
        "commissions": False,
        "links": [
            ("website", "https://martalindqvist.example/", "Porcelain by Marta"),
            ("gallery", "https://gallery-north.example/artists/marta-lindqvist", "Gallery North"),
            ("newsletter", "https://martalindqvist.example/letter", "Monthly studio letter"),
        ],
    },
    {
        "display_name": "Tomasz Wróbel",
        "tagline": "Hand-bound notebooks, sketchbooks and repaired family books.",
        "about": _md(
            """
            I bind books by hand: coptic-stitched sketchbooks, case-bound notebooks, and now
            and then a rebind of a family Bible that has lost its spine.

            Paper comes from a small mill near Duszniki, and I marble some endpapers myself.
            I sell at the Christmas fair on the Main Square and from my workshop in Kazimierz.

            Repairs and rebinding are welcome. Bring the book; I'll tell you honestly whether
            it's worth saving.
            """
        ),
        "crafts": ["bookbinding", "paper-and-print"],
        "place": "Kraków, Poland",
        "commissions": True,
        "links": [
            ("website", "https://tomaszwrobel.example/", "Introligatornia Wróbel"),
            ("workshop", "https://tomaszwrobel.example/warsztaty", "Bookbinding workshops"),
        ],
    },
    {
        "display_name": "Zofia Kowalczyk",
        "tagline": "Hand-painted stoneware plates and small oil paintings of kitchen tables.",
        "about": _md(
            """
            I paint on two surfaces: plates and canvas. The plates are stoneware, painted with
            slips in the folk patterns my grandmother had in her kitchen. The canvases are
            small oil paintings of kitchen tables, often with those same plates on them.

            I meet most people at the summer craft fair in the Cloth Hall. I'm not on many
            platforms; a good conversation at the stall is worth more to me.
            """
        ),
        "crafts": ["ceramics", "painting"],
        "place": "Kraków, Poland",
        "commissions": False,
        "links": [
            ("website", "https://zofiakowalczyk.example/", "Plates and paintings"),
            ("gallery", "https://galeria-rynek.example/artists/zofia-kowalczyk", "Galeria Rynek"),
        ],
    },
    {
        "display_name": "Sam Whitlock",
        "tagline": "Large-format prints of Tasmanian coastline, shot on film at dawn.",
        "about": _md(
            """
            I carry a large-format camera up a lot of hills before sunrise. Maybe one trip in
            five gives me a negative I want to print.

            Prints are made in small editions and sold at the Salamanca market and online.
            I answer every email myself.
            """
        ),
        "crafts": ["photography"],
        "place": "Hobart, Australia",
        "commissions": False,
        "links": [
            ("website", "https://samwhitlock.example/", "Prints and editions"),
            (
                "marketplace",
                "https://marketplace.example/shop/SamWhitlockPhoto",
                "On the marketplace",
            ),
            ("newsletter", "https://samwhitlock.example/dawn", "Occasional dawn letter"),
        ],
    },
]
