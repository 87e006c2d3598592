"""Demo stories for trying the directory out locally.

Twenty-six invented behind-the-scenes "how it is made" posts by twenty of the makers in
``directory.demo_data.MAKERS``, matched on ``display_name``. Six makers have two stories,
most have one, and ten have none, so profiles look different from one another.

Each story is a dict with ``maker``, ``title``, ``body`` (Markdown), ``materials`` (plain
text), ``process`` (Markdown), ``time_taken``, ``photos`` (a list of ``{"alt", "hue"}``
dicts, the hue being the colour of the drawn demo photo) and ``days_ago``, when it was
published. A few leave ``materials``, ``process`` or ``time_taken`` empty. The only links
go to the maker's own ``.example`` site.
"""

import re
from textwrap import dedent

_LIST_ITEM = re.compile(r"([-*]|\d+\.) ")


def _md(text):
    """Dedent a Markdown block and unwrap its paragraphs and list items."""
    blocks = dedent(text).strip().split("\n\n")
    unwrapped = []
    for block in blocks:
        lines = [line.strip() for line in block.splitlines()]
        if _LIST_ITEM.match(lines[0]):
            items = []
            for line in lines:
                if _LIST_ITEM.match(line):
                    items.append(line)
                else:
                    items[-1] += " " + line
            unwrapped.append("\n".join(items))
        else:
            unwrapped.append(" ".join(lines))
    return "\n\n".join(unwrapped)


def _photo(alt, hue):
    """One demo photo: what it shows, and the hue its drawn stand-in is painted in."""
    return {"alt": alt, "hue": hue}


STORIES = [
    {
        "maker": "Hazel Okafor",
        "title": "The blue glaze that only behaves half the time",
        "body": _md(
            """
            Every potter has one glaze they can't leave alone. Mine is a cobalt blue that,
            on a good firing, pools in the bottom of a bowl like deep harbour water and
            breaks to rusty brown on the rim. On a bad firing it goes the colour of a
            bruise and crawls off the foot onto the kiln shelf.

            So this winter I tested it properly instead of just hoping. Forty test tiles,
            cut from slab offcuts of the same speckled stoneware I throw with, each dipped
            for a different count and fired on a different shelf. I wrote on the back of
            every tile in iron oxide so I couldn't lie to myself later.

            What I learnt: it isn't the recipe, it's **thickness and the top shelf**.
            Dipped for a slow count of three, on the bottom two shelves, it behaves.
            Anything thicker, or higher up, runs. I'd been blaming the cobalt for two years.

            The tiles now hang on a string above the wheel, worst on the left. Visitors to
            the shared studio always go straight for the ugly ones, which seems fair.

            Blue bowls from the last firing go out first to people on my
            [kiln-opening letter](https://hazelokafor.example/letter), then to the Sunday
            market. A few are still a bit wild. Those are priced lower, and I say why.
            """
        ),
        "materials": (
            "speckled stoneware, cobalt carbonate, red iron oxide, Cornish stone, whiting, "
            "china clay, forty test tiles from slab offcuts"
        ),
        "process": _md(
            """
            1. Cut test tiles from slab offcuts and bisque them with the next load.
            2. Mix one 3 kg batch of the blue and sieve it twice.
            3. Dip tiles for counts of one to five; mark each on the back in iron oxide.
            4. Put tiles on every shelf, front and back, and fire to 1260°C with a slow
               cool.
            5. Lay the results out in order and photograph them in the same window light.
            6. Rewrite the glazing notes and pin them above the buckets.
            """
        ),
        "time_taken": "six firings across two months",
        "photos": [
            _photo(
                "Forty small glaze test tiles laid out in rows on a bench, running from pale "
                "sky blue to almost black, each numbered in brown oxide",
                220,
            ),
            _photo(
                "A speckled stoneware bowl with cobalt glaze pooled dark blue in the bottom "
                "and breaking to rust on the rim",
                215,
            ),
        ],
        "days_ago": 9,
    },
    {
        "maker": "Hazel Okafor",
        "title": "Why my mug handles got fatter this spring",
        "body": _md(
            """
            A woman picked up one of my mugs at the harbourside market in March, held it
            for a moment, and put it back very gently. Then she showed me her hands:
            arthritis in both thumbs. "Lovely mug," she said, "but I'd drop it by
            Wednesday."

            She was right. My handles were thin and elegant and a bit of a show-off. They
            looked good in photos and were hard work for anyone without young, strong
            fingers. I'd been designing for the photo.

            So I spent a month pulling handles differently. They're thicker now, with a
            wider top where your thumb rests, and they leave the body lower so there's
            room for three fingers instead of two. The mug weighs about 30 grams more.
            Nobody has complained.

            I kept one from the first batch aside for her. She came back two Sundays later,
            bought two, and told me which of her friends to expect.

            That's what I can't get from a marketplace listing. Online, a mug is a picture
            and a price. At the stall, it's somebody's hands.
            """
        ),
        "materials": "",
        "process": _md(
            """
            1. Wedge a fat carrot of clay and wet it well.
            2. Pull it down with a wet hand into a long taper, thicker at the top than
               before.
            3. Snap off handle lengths and let them firm up on a board for an hour.
            4. Score and slip both surfaces, join at the top first, then curve down.
            5. Wrap the mugs loosely overnight so handles and bodies dry together.
            """
        ),
        "time_taken": "a month of practice; about four minutes a handle now",
        "photos": [
            _photo("A row of freshly pulled clay handles drying on a wooden ware board", 25),
            _photo(
                "A hand with swollen knuckles holding an oatmeal speckled mug by its thick "
                "handle at a market stall",
                30,
            ),
        ],
        "days_ago": 48,
    },
    {
        "maker": "Amara Nwosu",
        "title": "Why my rings take three weeks",
        "body": _md(
            """
            People are sometimes surprised that a plain hammered ring from me takes three
            weeks. The metalwork is about two days. The rest is the part I think matters.

            Take the one on my bench now. It began as a brooch, a tarnished silver spray of
            leaves that belonged to a customer's grandmother. Nobody had worn it in years.
            We had tea, looked at it together, and she drew the ring she wanted on a napkin.
            Then she went home to think, which I always ask people to do.

            A week later she wrote: could one small leaf stay whole, set on the band? That
            one email changed how I'd melt the rest.

            ## The bench part

            The brooch, minus its leaf, went into the crucible with a pinch of borax and
            was poured into an ingot mould. I rolled the ingot into a strip, annealing every
            few passes, then forged it round on the mandrel with a ball-pein hammer. The
            leaf went on last, with the lowest-melting solder I have, so nothing else moved.

            Then liver of sulphur to darken it, and a soft brass brush to bring the high
            points back, so the hammer marks stay dark in the dips. She wanted it to look as
            if it had always been worn, and it nearly does.

            I don't put every commission on my feed. This one I did, with her blessing,
            because I love the napkin.
            """
        ),
        "materials": (
            "recycled sterling silver from the customer's brooch, borax flux, easy silver "
            "solder, liver of sulphur"
        ),
        "process": _md(
            """
            1. Tea, drawing, and a week for the customer to think it over.
            2. Saw off the leaf to keep; melt the rest in a crucible with borax.
            3. Pour an ingot and roll it to a strip, annealing every few passes.
            4. Cut to length, solder the seam and forge it round on a mandrel.
            5. Texture with a ball-pein hammer, then solder on the leaf with easy solder.
            6. Pickle, oxidise in liver of sulphur and brush back the high points.
            """
        ),
        "time_taken": "about three weeks, two days of it at the bench",
        "photos": [
            _photo(
                "A tarnished silver leaf brooch next to a paper napkin with a ring drawn on "
                "it in blue biro",
                210,
            ),
            _photo("A rough silver ingot and a rolled strip on a scratched school desk", 205),
            _photo(
                "A hammered, darkened silver band with one small leaf on it, still on a "
                "steel mandrel",
                215,
            ),
        ],
        "days_ago": 23,
    },
    {
        "maker": "Kit & Moth Press",
        "title": "Four colours, one hare, and an Adana that wants to be left alone",
        "body": _md(
            """
            *Moth here, writing while Kit cleans the rollers.*

            The spring hare is our first four-colour print on the Adana, and it has taught
            us humility. Kit carved four lino blocks, one per colour: a pale ochre field,
            the grey-brown of the hare, a darker brown for shadow, and a black key block
            with all the fine lines. Every sheet goes through the press four times and has
            to land in exactly the same place each time.

            On a tabletop press, "exactly" is hopeful. We use lay pins on the tympan and a
            card jig, and even so the first thirty sheets of the black run were out by a
            hair: a thin pale gap between the hare's ear and its outline. Kit said nobody
            would notice. Moth (me) noticed.

            So thirty sheets of handmade paper went in the recycling, which hurt, because
            the mill only makes a few hundred at a time. Then we slowed down, reset the
            pins, and printed the rest one at a time, with a proper look at every sheet.

            The finished run is sixty, numbered in pencil at the kitchen table. They'll be
            at the indie print fair in April, and people on our
            [seasonal print letter](https://kitandmoth.example/news) get first pick, as
            always.
            """
        ),
        "materials": (
            "handmade cotton rag paper, grey lino, oil-based relief inks in ochre, umber and black"
        ),
        "process": _md(
            """
            1. Kit draws the hare and transfers it, reversed, to four lino blocks.
            2. Each block is carved for one colour only.
            3. Ink is mixed on a glass slab and rolled thin on the Adana's disc.
            4. Sheets are fed by hand against lay pins, lightest colour first, one colour
               a day so the ink can dry.
            5. Every sheet is checked against the last before the next colour goes on.
            6. Prints dry on a rack for a week, then get numbered in pencil.
            """
        ),
        "time_taken": "four print days over two weeks, plus a week of drying",
        "photos": [
            _photo(
                "Four carved lino blocks of a hare lined up on a workbench, each inked a "
                "different colour",
                35,
            ),
            _photo(
                "A small cast-iron Adana press in a garden shed, its rollers stained black",
                30,
            ),
        ],
        "days_ago": 15,
    },
    {
        "maker": "Fatima Rahman",
        "title": "Sixty hours of running stitch, and the evening I unpicked six of them",
        "body": _md(
            """
            People at markets ask how long a wall piece takes, and I tell them: about sixty
            hours. What I don't always say is that some of those hours go backwards.

            This piece is three layers: an old cotton sari on the back, thin reclaimed
            cotton in the middle and natural linen on top. I tack them together in a loose
            grid so nothing shifts, then draw the main shapes in tailor's chalk. A lotus in
            the middle, fish around the edge, the way my nani did it, though her fish were
            fatter than mine.

            The running stitch goes in close rows, and as they build up the cloth starts to
            pull and ripple. That rippling is what I love about kantha. It is also what goes
            wrong. On this piece I stitched the water around the fish too tightly and the
            whole lower corner puckered like a crisp packet.

            So one Thursday evening I unpicked about six hours of work. I was cross for a
            day, and then glad, because the second version is looser and the water actually
            looks as if it moves.

            I put that evening on my feed, pulled threads and all. It got fewer likes than a
            finished piece does, and more messages from people who stitch. I know which I
            prefer.
            """
        ),
        "materials": (
            "natural linen, reclaimed cotton, an old cotton sari for the backing, stranded "
            "cotton thread in indigo, rust and cream"
        ),
        "process": _md(
            """
            1. Press all three layers and tack them together in a 10 cm grid.
            2. Draw the main shapes freehand in tailor's chalk.
            3. Outline each shape in a double row of running stitch.
            4. Fill the shapes, then the background, in close rows that echo the outlines.
            5. Take out the tacking, steam gently from the back and mount on a
               calico-covered board.
            """
        ),
        "time_taken": "about sixty hours, six of them unpicked",
        "photos": [
            _photo(
                "A linen panel in a wooden hoop with a half-stitched lotus in indigo thread",
                230,
            ),
            _photo("A little heap of unpicked rust-coloured threads beside a seam ripper", 15),
            _photo(
                "The finished wall piece on a white wall, rows of stitch rippling around "
                "small fish",
                35,
            ),
        ],
        "days_ago": 31,
    },
    {
        "maker": "Fatima Rahman",
        "title": "A memory quilt made from one man's work shirts",
        "body": _md(
            """
            Last autumn a woman called Anne brought me a bin bag of her father's shirts. He
            drove buses in Leeds for thirty-one years, so most were the pale blue uniform
            ones, with a few checked shirts from weekends and one very loud Hawaiian shirt
            from a holiday nobody in the family talks about.

            She wanted a quilt for her mother. We laid everything out on my studio floor and
            talked for two hours. I try to listen more than I suggest at that first meeting.
            The family usually knows which shirt matters most; they just need a quiet room
            to say it.

            In the end the blue shirts made the field, cut into long strips like lines on a
            road, and the checked ones became the border. The Hawaiian shirt went in the
            very middle, a small square ringed with kantha rows so it sits there like a
            little island. Anne laughed out loud when she saw it.

            I only take a few of these each year. They are slow, and heavy to make in a way
            that has nothing to do with the cloth. When one is finished I deliver it myself
            if I can.
            """
        ),
        "materials": "the family's own shirts, linen backing, thin cotton wadding, cotton thread",
        "process": "",
        "time_taken": "about ten weeks, from first meeting to delivery",
        "photos": [
            _photo(
                "Pale blue uniform shirts and checked shirts laid out on a wooden studio floor",
                210,
            ),
            _photo(
                "A small square of bright Hawaiian print in the middle of a blue quilt, "
                "ringed with rows of running stitch",
                200,
            ),
        ],
        "days_ago": 77,
    },
    {
        "maker": "Joe Hartley",
        "title": "Splitting ash up the valley on a wet Tuesday",
        "body": _md(
            """
            Every chair starts with a morning at the woodland co-op, usually in the rain.
            This time it was an ash that came down in the February storms: straight, about
            forty years old, and clear of knots for the first two metres. That's the bit I
            want.

            You don't saw green wood for chairs, you split it. I drive wedges into the end
            of the log until it opens along its own grain, then halve the halves, and again,
            until I've got billets about as thick as my wrist. A split follows the fibres,
            so a spindle made from it won't snap where a sawn one might. Oldest trick I know
            and still the most important.

            Back at the workshop the billets go on the bodger's horse. I sit astride it,
            clamp a billet with my foot and pull the drawknife towards me. Green ash shaves
            like cold butter. By Friday it'll be harder, so I work fast.

            Spindles and legs then go in the drying cupboard over the stove, and the bow
            blanks go straight in the steam box. That's another post.

            The co-op gets paid by the log and I take the offcuts home to burn. Nothing
            wasted except a Tuesday, and I'd have wasted that anyway.
            """
        ),
        "materials": "green ash from the valley woodland co-op, steel and oak wedges",
        "process": _md(
            """
            1. Choose a log: straight, clear of knots, recently felled.
            2. Split it into halves, quarters and eighths with wedges and a froe.
            3. Rough the billets round with a hatchet.
            4. Shave legs and spindles on the shaving horse with a drawknife and
               spokeshave.
            5. Dry the spindles harder than the legs, so the joints tighten as they settle.
            """
        ),
        "time_taken": "a day to split, three days to shave, three weeks to dry",
        "photos": [
            _photo("A split ash log lying open on wet grass with steel wedges still in it", 40),
            _photo(
                "A pale ash billet clamped in a wooden shaving horse, long curled shavings "
                "on the floor",
                45,
            ),
        ],
        "days_ago": 104,
    },
    {
        "maker": "Joe Hartley",
        "title": "Why no two of my chairs are the same height",
        "body": _md(
            """
            A customer once asked, a bit worried, whether the chair he'd waited eight months
            for would match his neighbour's. It didn't. His neighbour is five foot two and
            he's six foot four. Make them the same and one of them is sitting with his knees
            round his ears.

            Before I start a chair I ask people to come to the workshop, sit in a few and let
            me measure them: back of the knee to the floor with their shoes on, elbow height,
            how they like to lean. Some people sit up straight to eat. Some slump with a
            book. Both are fine, but they want different chairs.

            That measurement sets the seat height, and the seat height sets the rake of every
            leg. I work the angles out on a drawing on the bench, set a sliding bevel from
            it, and bore the seat by eye against the bevel. It's slower than a jig. It also
            means I can't make a chair for someone I've never met, which suits me.

            The waiting list is still about eight months. I know that's long, and I'd rather
            say so on [the waiting-list page](https://joehartleychairs.example/) than have
            you find out later.
            """
        ),
        "materials": (
            "ash legs and spindles, an elm seat, oak wedges, hide glue, linseed oil and beeswax"
        ),
        "process": _md(
            """
            1. Measure the sitter: knee height, elbow height, how they lean.
            2. Draw the chair full-size on the bench and set the sliding bevels from it.
            3. Adze and shape the seat, then bore the leg holes by eye against the bevels.
            4. Fit the legs, level the chair on a flat floor and cut the legs to height.
            5. Wedge every joint and finish with oil and wax.
            """
        ),
        "time_taken": "about three weeks at the bench, after the wait",
        "photos": [
            _photo(
                "A tape measure and a pencilled notebook page of measurements on a Windsor "
                "chair seat",
                35,
            ),
            _photo("Two ash Windsor chairs side by side, one clearly taller than the other", 40),
        ],
        "days_ago": 56,
    },
    {
        "maker": "Inês Carvalho",
        "title": "Twisting wire: a pair of filigree earrings, start to finish",
        "body": _md(
            """
            In Gondomar my teacher still twists his wire by hand with a little wooden
            handle, and he is faster than me with a machine. So I use the hand method too.
            It keeps me honest.

            A pair of filigree earrings begins as a short bar of silver. I pull it through
            the drawplate, hole after hole, until it is finer than a horse's hair. Then I
            twist two strands together very tight and roll them flat. Now the wire has that
            small rope pattern that catches the light. That is all filigree is, really: flat
            twisted wire, and patience.

            First I bend a heavier plain wire into the frame, the outline. Then I fill it
            with small curls, one by one, with tweezers, packed close so they hold each
            other. No glue. I sprinkle powdered solder and flux over everything and heat it
            with the torch until all the curls join in one moment. Too slow and they melt.
            Too fast and half of them fall out when I turn it over.

            Tourists find my shop by accident and sometimes ask why a small pair costs what
            it does. I show them the drawplate and the tweezers. Usually they stay to watch
            the next soldering.
            """
        ),
        "materials": (
            "sterling silver, a little 19.2k Portuguese gold, powdered silver solder, borax flux"
        ),
        "process": _md(
            """
            1. Draw the silver through the drawplate to fine wire.
            2. Twist two strands tightly together, then roll the twist flat.
            3. Bend a heavier plain wire into the outline of each earring.
            4. Fill the outline with small curls of flat twisted wire, packed by hand.
            5. Dust with solder powder and flux; solder the whole piece at once.
            6. Whiten in pickle, polish gently and fit the hooks.
            """
        ),
        "time_taken": "about two days for a pair",
        "photos": [
            _photo(
                "Tweezers placing a tiny curl of silver into a filigree frame that is half filled",
                210,
            ),
            _photo("Coils of fine twisted silver wire beside a steel drawplate", 200),
        ],
        "days_ago": 38,
    },
    {
        "maker": "Camille Besson",
        "title": "Repairing a bag I made nine years ago",
        "body": _md(
            """
            Last Saturday a man came to my stall at the Croix-Rousse market with a bag I
            didn't recognise at first. It was one of mine, from my second year. The leather
            had gone from pale tan to the colour of strong tea, soft as a glove, and the
            stitching on one strap had worn through where it rubs his hip.

            "You said you repair them," he said, a little shy, as if I might have forgotten.
            I had not. It is the only promise I make about my bags, and it is free.

            At the atelier the old thread comes out with an awl, stitch by stitch. The holes
            are still there, so I don't punch new ones: fresh waxed linen, two needles, the
            same saddle stitch through the same holes. It took an hour and a half. The new
            thread is paler than the rest, and in a year it will match.

            When he collected it he told me the bag had been to Morocco, to his daughter's
            wedding and to hospital with him twice. I don't get that from a five-star
            review. I get it from a man with a bag, at the market.
            """
        ),
        "materials": "waxed linen thread, beeswax, a little neatsfoot oil for the strap",
        "process": _md(
            """
            1. Cut the worn thread with a fine blade and pick out the ends with an awl.
            2. Clean the old holes and condition the dry leather around them.
            3. Wax a fresh length of linen thread and put a needle on each end.
            4. Saddle-stitch back through the original holes, one hole at a time.
            5. Back-stitch three holes, trim, and burnish the ends flat.
            """
        ),
        "time_taken": "an hour and a half, plus a coffee",
        "photos": [
            _photo(
                "A dark tan leather bag strap with a short run of paler new saddle stitching",
                28,
            ),
            _photo("Two harness needles and a spool of waxed linen thread on a cutting mat", 32),
        ],
        "days_ago": 3,
    },
    {
        "maker": "Élodie Marchand",
        "title": "Madder and weld from a friend's garden",
        "body": _md(
            """
            My friend Juliette grows madder in a corner of her garden, mostly because I
            asked her to four years ago and she is too kind to dig it up. Madder needs three
            years before the roots are worth harvesting, so this autumn was the first real
            crop.

            ## The dyeing

            The roots are washed, chopped small and soaked overnight. The trick with madder
            is to keep the bath warm but never hot: much above 70 degrees and the reds turn
            brown. I stand beside the pot with a thermometer like a nervous cook. The silk
            is mordanted in alum first, so the colour has something to hold on to.

            Weld is easier. It grows like a weed, smells of hay when it simmers, and gives a
            clear lemon yellow. Over-dyed with a little madder, it goes a warm apricot.

            ## The weaving

            The dyed silk became the weft for six scarves on a natural linen warp. On the
            Jacquard the pattern is a small repeating diamond, and the madder shows as a
            soft brick red against the linen. Two metres on a good day. The loom was loud
            enough this week that my downstairs neighbour knocked to ask what the red was
            for.

            Two scarves are going to Juliette. The rest will be hanging in the studio at the
            next open weekend.
            """
        ),
        "materials": "silk yarn, natural linen warp, madder root, weld, alum",
        "process": _md(
            """
            1. Scour the silk, mordant it in alum for an hour and leave it overnight.
            2. Chop and soak the madder; heat the bath slowly and keep it below 70°C.
            3. Simmer weld separately for yellow, and over-dye some skeins with madder.
            4. Rinse, dry and wind the skeins onto bobbins.
            5. Weave on the Jacquard over the linen warp, about two metres a day.
            """
        ),
        "time_taken": "three days of dyeing, a week at the loom",
        "photos": [
            _photo(
                "Skeins of silk in brick red, lemon and apricot drying on a rack by a tall window",
                10,
            ),
            _photo("Chopped madder roots soaking in a chipped enamel pot", 5),
            _photo(
                "A half-woven scarf with a small red diamond pattern on a large wooden loom",
                15,
            ),
        ],
        "days_ago": 64,
    },
    {
        "maker": "Pieter Vandenberghe",
        "title": "Drawing a family's table full-size on the workshop wall",
        "body": _md(
            """
            The Claes family came to the workshop on a Saturday in March, all five of them,
            and sat at every table I had. The youngest wanted the one with the wobble. (It
            is a prototype. It is not for sale.)

            We talked about how they eat. Long dinners on Sunday, homework in the week, and
            a lot of arguing about football, by the sound of it. They wanted everyone to be
            able to reach the bread. That decided the width: 95 centimetres, a little
            narrower than I usually make.

            Then I draw the table full-size in charcoal on the whitewashed wall at the back
            of the workshop. Top, legs, rails, every joint. It is the only drawing I trust.
            Standing in front of a table at its real size, you see at once if the legs are
            too heavy or the overhang too mean. We moved the legs in four centimetres with a
            damp rag and a new line.

            The oak has been drying in my shed since 2019. Every joint is a mortise and
            tenon, draw-bored: the peg hole through the tenon is a millimetre or two off, so
            the oak peg pulls the joint tight as it goes in. No screws. In a hundred years
            someone can knock the pegs out and take it apart, if they ever need to.

            I delivered it in the old van in May. The youngest checked for wobbles. There
            were none.
            """
        ),
        "materials": (
            "air-dried Flemish oak, riven oak pegs, charcoal for the wall drawing, linseed oil "
            "and beeswax"
        ),
        "process": _md(
            """
            1. Sit the family at a few tables and talk about how they use one.
            2. Draw the table full-size on the workshop wall and correct it there.
            3. Choose and mark out the boards; rough-cut them and let them move for a week.
            4. Cut the mortises and tenons, then bore the peg holes slightly offset.
            5. Drive riven oak pegs to pull each joint tight, and trim them flush.
            6. Hand-plane the top, oil it three times and wax it.
            """
        ),
        "time_taken": "eight weeks, and one trip in the van",
        "photos": [
            _photo(
                "A full-size charcoal drawing of a table on a whitewashed workshop wall, with "
                "one leg rubbed out and redrawn",
                35,
            ),
            _photo("Riven oak pegs in a row beside a dry-fitted mortise and tenon joint", 30),
        ],
        "days_ago": 89,
    },
    {
        "maker": "Ruth Calloway",
        "title": "Finding the tree is half the basket",
        "body": _md(
            """
            Folks at the tailgate market see a finished egg basket and figure the weaving is
            the hard part. The weaving is the easy part. The hard part is walking a hillside
            all morning looking for one white oak that will split clean.

            What I want is a sapling about as thick as my thigh, straight as a fence post for
            six feet, no limbs, no knots, and grown a little slow in the shade so the rings
            are close. Maybe one in twenty will do. And the landowner has to say yes, which
            means a phone call and, more often than not, a basket by way of thanks.

            Once she's down, I quarter the log with wedges and a maul, then rive the quarters
            along the growth rings with a froe and my knees. Good oak peels apart like pages.
            Bad oak tears, and you know in the first minute, and you've lost a morning. Each
            split gets shaved smooth over a leather pad on my leg, and I weave while they're
            still green and bendy.

            My great-uncle could tell a good tree from the road. I can't, not every time.
            But I'm closer than I was, and the old baskets folks bring back for mending tell
            me he was right about every one of his.
            """
        ),
        "materials": "one straight white oak sapling, and nothing else",
        "process": _md(
            """
            1. Find a straight, knot-free sapling and ask the landowner.
            2. Fell it, cut it to length and quarter it with wedges and a maul.
            3. Rive the quarters along the growth rings with a froe.
            4. Split thin weavers by hand and shave them smooth over a leg pad.
            5. Make the ribs and rims, then weave while the wood is still green.
            6. Let it dry for a week; the weave tightens up on its own.
            """
        ),
        "time_taken": "a morning to find the tree, a day and a half a basket",
        "photos": [
            _photo(
                "A young white oak trunk on a wooded hillside with a strip of red cloth "
                "tied around it",
                90,
            ),
            _photo("Thin curling oak splits piled on a worn leather lap pad", 40),
            _photo(
                "A round egg basket with a split-oak handle sitting on a pickup's tailgate",
                38,
            ),
        ],
        "days_ago": 42,
    },
    {
        "maker": "Juniper & Ash Soapworks",
        "title": "Six weeks on the rack: why we don't sell young soap",
        "body": _md(
            """
            Every few months someone at the market asks whether the soap on the drying rack
            behind us is for sale. It isn't, not yet, and we try to explain why without
            sounding like we're giving a lecture.

            Cold-process soap is oils mixed with lye. The reaction that makes it soap starts
            in the pot and keeps going for a day or two in the mould, but at that point the
            bar is soft, a bit harsh, and full of water. Over **six weeks on the rack** the
            water leaves, the bar hardens, and it gets gentler. Sell it at week two and it
            melts in the dish and stings. We tested that on ourselves so you don't have to.

            This batch is spruce tip. We picked the tips in May, the bright new growth on the
            ends of the branches, and steeped them in olive oil for a month. It smells like
            the woods after rain, if the woods were also slightly lemony.

            The rack in our garage holds about 400 bars and we rotate it like a bakery,
            oldest at the front. Every bar gets a label with every ingredient in plain words.
            Our [new-batch letter](https://juniperandash.example/letter) goes out when a rack
            is ready and not before, even when the online shop is sold out and people are
            asking.
            """
        ),
        "materials": (
            "olive oil steeped with spruce tips, coconut oil, shea butter, castor oil, "
            "sodium hydroxide, water"
        ),
        "process": _md(
            """
            1. Weigh the oils and the lye separately; mix the lye solution outdoors, in
               goggles and gloves.
            2. Bring both to about 38°C and blend to a light trace with a stick blender.
            3. Pour into a paper-lined wooden loaf mould and cover it with a blanket.
            4. Unmould after two days and cut into bars with a wire cutter.
            5. Cure on open racks for six weeks, turning the bars once a week.
            6. Check the hardness, then label every bar with its full ingredient list.
            """
        ),
        "time_taken": "one morning to make, six weeks to cure",
        "photos": [
            _photo("Wooden racks of pale green soap bars curing in a converted garage", 110),
            _photo("Fresh spruce tips in a jar of olive oil on a sunny windowsill", 100),
        ],
        "days_ago": 19,
    },
    {
        "maker": "Marcus Bell",
        "title": "Forging a spatula that won't melt",
        "body": _md(
            """
            At the farmers' market I forge the same thing over and over: a flat spatula with
            a twisted handle. It's quick enough to finish while people watch, and it's what I
            get asked for most. Parents like that it won't melt in the pan. Kids like the
            sparks.

            It starts as a bar of mild steel about as long as my forearm. I heat the end in
            the propane forge to bright orange, then draw it out and flatten it on the anvil
            into the blade. That's all hammer control: lots of light blows instead of a few
            big ones. Big ones look great and leave you with a blade like a potato chip.

            The handle gets its twist while it's hot, clamped in the vise and turned with a
            wrench, then a curl at the end so it hangs on a hook. Once it's cool I file the
            front edge square so it gets under an egg, and hot-wax it: beeswax and linseed
            oil wiped on while the steel is just warm enough to smoke.

            A kid asked me last week how many I've made. I don't know. A few hundred. I can
            tell you the last one was better than the first one, and that's the only number
            I care about.
            """
        ),
        "materials": "mild steel bar, beeswax, linseed oil",
        "process": _md(
            """
            1. Heat the end of the bar to bright orange.
            2. Draw it out and flatten it on the anvil into the blade.
            3. Reheat the middle and twist the handle in the vise.
            4. Scroll the end of the handle into a hanging curl.
            5. Let it cool, file the front edge square and ease every corner.
            6. Wipe on beeswax and linseed oil while the steel is warm.
            """
        ),
        "time_taken": "about forty minutes at the market, questions included",
        "photos": [
            _photo(
                "A glowing orange steel bar held in tongs over an anvil at an outdoor market",
                20,
            ),
            _photo("A row of dark forged spatulas with twisted handles hanging from a rail", 25),
        ],
        "days_ago": 6,
    },
    {
        "maker": "Marcus Bell",
        "title": "Tell me about the door: a latch for a 1912 house",
        "body": _md(
            """
            When people write to me about hardware I ask them to tell me about the door
            first. Who goes through it, how often, whether it sticks in winter. This one was
            the back door of a 1912 house, used by two adults, three kids, one dog and a lot
            of groceries.

            The old latch had been swapped in the seventies for something from a big-box
            store, and the owner wanted it back to how it might have been. She sent photos of
            the door, the frame and the scars in the paint where the original had been. The
            scars were the best part: they told me its size and position, near enough.

            I cut a cardboard template and mailed it to her, and she taped it to the door for
            a week to see if the handle sat right for the kids. It didn't. Too high, so we
            dropped it two inches. That cost a stamp, not a day at the forge.

            The latch is Suffolk style: a forged handle with leaf-shaped ends, a thumb lever,
            a bar and a keeper. Mild steel finished with linseed oil, so it'll darken with
            hands. I fitted it myself, which I like to do, and the dog was first through.

            If you've got a door with a story, [write to me](https://marcusbellforge.example/).
            """
        ),
        "materials": "mild steel, cardboard for the template, boiled linseed oil",
        "process": _md(
            """
            1. Ask about the door; get photos of the frame and any old marks.
            2. Cut a cardboard template and let the customer live with it for a week.
            3. Forge the handle and its leaf ends, then the thumb lever, bar and keeper.
            4. Punch the fixing holes hot and file every edge a hand will touch.
            5. Warm and oil the parts, then fit them on site.
            """
        ),
        "time_taken": "three weekends, and a week of cardboard",
        "photos": [
            _photo("A cardboard latch template taped to a painted wooden back door", 30),
            _photo(
                "A forged Suffolk latch with leaf-shaped ends laid on a workbench beside "
                "two hammers",
                20,
            ),
        ],
        "days_ago": 97,
    },
    {
        "maker": "Aiko Morimoto",
        "title": "Waking the indigo vat in February",
        "body": _md(
            """
            My indigo vats live in the courtyard under a tin roof, four big pots sunk into
            the ground so they stay a little warmer. In winter they sleep. In February I wake
            them, and it is more like caring for an animal than doing chemistry.

            The dye is *sukumo*, indigo leaves that a farmer in Tokushima composts for months
            until they are dark and crumbly. I mix it with lye made from wood ash, and add
            slaked lime and a little wheat bran to feed the bacteria. Then I wait. Every
            morning I stir, smell, and look at the foam. When the foam goes coppery blue and
            the liquid under it is yellow-green, the vat is awake.

            This year it took eleven days. One year it took three weeks and I nearly gave up.

            The first cloth into a new vat comes out pale sky blue. Deep indigo needs fifteen
            or twenty dips, with air between each so the colour can develop. My hands stay
            blue until about April. The girl next door thinks this is very funny.
            """
        ),
        "materials": "sukumo from Tokushima, wood-ash lye, slaked lime, wheat bran, cotton cloth",
        "process": _md(
            """
            1. Make lye by soaking hardwood ash in hot water and letting it settle.
            2. Mix the sukumo with hot lye into a thick paste in the vat.
            3. Top up with lye; add slaked lime and a little wheat bran.
            4. Stir once a day and watch the foam; keep the lid on at night.
            5. When the foam turns coppery, test with a scrap of cotton.
            6. Dip, wring and air the cloth, fifteen to twenty times for deep indigo.
            """
        ),
        "time_taken": "eleven days to wake the vat, a week of dipping",
        "photos": [
            _photo(
                "A ceramic vat sunk into the ground with coppery blue foam on the surface",
                230,
            ),
            _photo("Blue-stained hands wringing out a length of cotton over a vat", 225),
        ],
        "days_ago": 112,
    },
    {
        "maker": "Aiko Morimoto",
        "title": "Mending a jacket with holes in both elbows",
        "body": _md(
            """
            A customer in Osaka sent me his work jacket in a box with a short note: "Please
            don't make it look new." Both elbows were worn through, the cuffs were frayed,
            and one pocket had a burn from a barbecue he would rather not discuss.

            I do not hide a mend. Sashiko was made to help worn cloth last longer, and I
            think the mending can be the most beautiful part. For the elbows I cut patches
            from old indigo cotton, darker than the jacket, and set them *behind* the holes
            so the worn edges still show. Then I stitched through all the layers: an
            *asanoha* hemp-leaf pattern on the left arm, plain straight rows on the right.
            He is left-handed and leans on that arm more, so it got the stronger pattern.

            The cuffs got a binding of the same cloth. The burn I left alone, with a few
            stitches around it like a frame.

            Before posting it back I took the usual photos on the courtyard step: before on
            the left, after on the right, same light, no filters. A week later he wrote to
            say his daughter has asked him to leave her the jacket. That is the best review
            I have had.
            """
        ),
        "materials": "",
        "process": "",
        "time_taken": "about two weeks of evenings",
        "photos": [
            _photo(
                "A worn navy work jacket with holes in both elbows, laid flat on a stone step",
                225,
            ),
            _photo(
                "Close view of an elbow patch covered in white hemp-leaf sashiko stitching",
                230,
            ),
        ],
        "days_ago": 27,
    },
    {
        "maker": "Kenji Arakawa",
        "title": "A box for one tea bowl",
        "body": _md(
            """
            A woman asked me to make a box for her grandfather's tea bowl. It is an old Hagi
            bowl, soft pinkish clay, with a small gold repair on the rim. She brought it to
            the workshop wrapped in a bath towel, which I think worried both of us.

            A box for one thing starts with that thing. I measured the bowl many times:
            height, widest point, the foot, and the gold repair, because it must never touch
            the wall. I leave about five millimetres all round for the cloth that wraps it.
            Then I chose the hinoki, quarter-sawn with straight grain, from a board I have
            kept for three years.

            Every surface is finished with the plane only. A sharp plane leaves wood that
            shines and stays clean better than sandpaper can. Sharpening the blade takes me
            longer than planing the box. The corners are small box joints cut by saw and
            chisel, and the lid has two battens underneath that keep it flat and locate it.

            When she collected it, she put the bowl in, closed the lid, and opened it again
            three times. I understood. A good lid should be a small pleasure every time.
            """
        ),
        "materials": "quarter-sawn hinoki cypress, a cotton wrapping cloth, flat cotton cord",
        "process": _md(
            """
            1. Measure the object: height, widest point, foot, anything fragile.
            2. Choose a quarter-sawn board and let it rest in the workshop for a week.
            3. Rip, plane and thickness the parts with hand planes only.
            4. Cut the corner joints with saw and chisels and fit them dry.
            5. Make the lid and its two battens; fit it until it slides on with a whisper.
            6. A last plane stroke on every surface. No oil, no finish.
            """
        ),
        "time_taken": "about ten days, mostly waiting for the wood",
        "photos": [
            _photo(
                "An old pinkish tea bowl with a gold-repaired rim beside a steel rule and a pencil",
                20,
            ),
            _photo("Thin curls of pale hinoki shavings around a Japanese hand plane", 40),
            _photo("A plain pale wooden box with its lid resting at an angle on top", 42),
        ],
        "days_ago": 70,
    },
    {
        "maker": "Yuna Hasegawa Photography",
        "title": "Sewing the winter book, fifty times",
        "body": _md(
            """
            Twice a year I stop photographing for a few weeks and make the book. This
            winter's has twelve cyanotypes from the three gardens: bare maples, a stone
            lantern under snow, and the same camellia every week from bud to fallen.

            Every copy has its own prints, made one at a time, so that is six hundred prints
            for fifty books, each in the blue the day gave me. December was grey, so the
            winter book is a softer, lighter blue than the autumn one. I used to try to
            correct that. Now I write the dates on the last page and let the light be part
            of it.

            The binding is a simple Japanese stab binding: four holes through the whole stack
            with an awl, and silk thread. I sew at the kitchen table in the evenings. Fifty
            books take about nine evenings, and by the fortieth I can do it without looking,
            which is exactly when I have to start paying attention again.

            They go first to people on my
            [seasonal letter](https://yunahasegawa.example/seasons), with a postcard. Many
            write back about their own gardens. I keep those letters in a box beside the
            camellia prints.
            """
        ),
        "materials": (
            "kozo washi, ferric ammonium citrate, potassium ferricyanide, silk thread, card covers"
        ),
        "process": _md(
            """
            1. Choose twelve frames from the season and make enlarged negatives.
            2. Brush the sensitiser onto washi in the evening and dry it in the dark.
            3. Expose in sunlight under glass, wash in running water and dry flat.
            4. Collate the prints with the covers and a page of dates.
            5. Clamp, pierce four holes with an awl and stab-bind with silk thread.
            6. Number the copy, wrap it in paper and write the postcard.
            """
        ),
        "time_taken": "about six weeks, nine evenings of it sewing",
        "photos": [
            _photo(
                "Sheets of washi with deep blue cyanotype prints of bare maple branches "
                "drying on a line",
                215,
            ),
            _photo("A stack of small stab-bound photobooks sewn with white silk thread", 210),
        ],
        "days_ago": 84,
    },
    {
        "maker": "Siobhán Murphy",
        "title": "Five weeks of evenings: an Aran for a man who asked last winter",
        "body": _md(
            """
            Last winter a man from Kinsale emailed to ask if I'd ever have a jumper in a
            large with long arms. I hadn't, so he went on my list. I keep a notebook of
            everyone who's asked about a size, with the date and what they wanted. In August
            I had the wool and the evenings, so I wrote to him. He'd nearly forgotten asking.

            An Aran is really a sampler of cables. This one has a honeycomb panel down the
            middle, a plait either side, then a trellis, and moss stitch along the edges. My
            mother always said the moss stitch was for the seaside, and I never found out if
            she was joking.

            The wool is undyed, spun in Donegal, a creamy oatmeal with flecks through it.
            It smells of sheep when you first wind it, a bit less once it's washed. Knitted
            tight it's near enough windproof. I knit the pieces flat, block them, and sew
            them up on the kitchen table.

            He came to the English Market stall to collect it and tried it on there and
            then, over his coat, which is not how you try on a jumper. It fitted. Then he
            asked about a crochet blanket for his mother, so he's back on the list.
            """
        ),
        "materials": "undyed Donegal wool in oatmeal, a wooden cable needle, wool wash",
        "process": _md(
            """
            1. Knit a swatch of every cable and block it to check the gauge.
            2. Knit the back, front and sleeves flat, cables charted on squared paper.
            3. Soak and block each piece to size on towels.
            4. Sew the seams with the same wool, then pick up and knit the neckband.
            5. Wash once more and dry flat.
            """
        ),
        "time_taken": "about five weeks of evenings",
        "photos": [
            _photo(
                "An oatmeal Aran sleeve in progress with a wooden cable needle holding stitches",
                40,
            ),
            _photo(
                "A notebook list of names and jumper sizes beside a ball of undyed wool",
                45,
            ),
        ],
        "days_ago": 47,
    },
    {
        "maker": "Declan Fitzgerald Glass",
        "title": "Six glasses that don't match, on purpose",
        "body": _md(
            """
            A couple came to Friday open studio last month wanting six tumblers for their
            anniversary. I told them what I tell everyone: they won't match. He looked
            worried. She looked delighted. They stayed to watch me make them, which is the
            best way to understand why.

            A tumbler starts as a gather of molten glass on the end of a blowpipe, out of a
            furnace at about 1,100 degrees. I roll it on the steel marver to even it up, blow
            a small bubble, take a second gather over it and, for the sea-green ones, roll it
            through green frit so the colour melts in. Then it's blowing, swinging and
            shaping with a wooden block and a pad of wet newspaper.

            Halfway through, the piece moves onto a punty stuck to its base so I can open
            the mouth with the jacks. That's when a glass becomes itself. A touch more heat
            or a slower turn and the rim flares a millimetre further than the last one.

            Every glass then spends the night in the annealer, cooling slowly so it doesn't
            crack. The couple came back on Saturday, lined all six up on the bench and
            argued, happily, about which one was whose.
            """
        ),
        "materials": (
            "clear soda-lime glass, sea-green colour frit, wet newspaper, cherrywood blocks"
        ),
        "process": _md(
            """
            1. Gather glass from the furnace on a warm blowpipe.
            2. Marver, blow a starter bubble and take a second gather.
            3. Roll through green frit and reheat until it melts in.
            4. Blow and shape with wooden blocks and wet newspaper.
            5. Transfer to a punty, open the mouth with jacks and finish the rim.
            6. Knock off into the annealer and cool slowly overnight.
            """
        ),
        "time_taken": "",
        "photos": [
            _photo(
                "A glowing gather of glass on a blowpipe held in front of an open furnace door",
                25,
            ),
            _photo("Six sea-green tumblers of slightly different heights on a wooden bench", 165),
        ],
        "days_ago": 13,
    },
    {
        "maker": "Mateo Ruiz Cerámica",
        "title": "The shine has no glaze: burnishing with my grandmother's pebble",
        "body": _md(
            """
            At the Saturday market people touch the pots and then look at their fingers, as
            if the shine might come off. It doesn't. There is no glaze, no polish, no paint.
            The shine is the clay itself, pressed flat by a stone.

            We dig the *barro negro* ourselves, from a place near the village my family has
            used for generations. It is soaked, sieved to take out roots and stones, and left
            to rest. My grandmother shaped her pots on two plates, one upside down on the
            other, turning them by hand. I do the same.

            The burnishing happens when the pot is leather-hard: dry enough to hold its
            shape, soft enough to take a mark. I rub every centimetre with a smooth quartz
            pebble, in small circles, for hours. The pebble was my grandmother's. It has a
            flat side worn by her hand, and now by mine.

            Then the firing. We stack the pots in the pit, cover them, and close it so there
            is almost no air. Without air, the smoke turns the clay black all the way
            through. Sometimes a pot cracks. We keep those for the family.

            When someone asks why a small jar costs more than one from the tourist shops, I
            hand them the pebble and a piece of leather-hard clay. After five minutes they
            stop asking.
            """
        ),
        "materials": "barro negro dug near the village, water, a quartz pebble, firewood",
        "process": _md(
            """
            1. Dig, soak and sieve the clay, then let it rest for a week.
            2. Shape by hand on two plates, turning as you go; no wheel.
            3. Dry slowly in the shade until leather-hard.
            4. Burnish the whole surface with a quartz pebble in small circles.
            5. Dry completely, stack in the pit with wood and seal it to starve the fire.
            6. Open it the next day, once everything has cooled.
            """
        ),
        "time_taken": "about three weeks, most of it drying",
        "photos": [
            _photo("Hands burnishing a leather-hard clay jar with a small smooth pebble", 25),
            _photo("Shiny black clay pots cooling on the ground beside a firing pit", 20),
        ],
        "days_ago": 59,
    },
    {
        "maker": "Marta Lindqvist Ceramics",
        "title": "What a good cup costs: the shelf of cracked ones",
        "body": _md(
            """
            There is a shelf in my studio I call the honest shelf. It holds every porcelain
            cup from this year that didn't make it: cracked in drying, split in the bisque,
            slumped or stuck to the kiln shelf in the glaze firing. Right now there are
            twenty-six.

            From the last batch of forty cups, fourteen were good enough to sell. That is
            not unusual for thin porcelain. It dries unevenly if the studio is draughty, it
            remembers every bump from the wheel, and it moves in the kiln far more than
            stoneware.

            I photograph the failures and put them in my monthly letter beside the good
            ones. Partly so people understand the price. Partly because I have learnt more
            from that shelf than from any success. This year it taught me to dry cups upside
            down under a plastic tent, and to stop trimming on Mondays, when I'm always in a
            hurry.

            Funny thing: the photo of the cracked cups got more likes than anything I have
            ever posted. I'm not sure what that says about likes. I do know it didn't sell a
            single cup. The letter did, and the two galleries, and the Christmas market,
            where people can pick a cup up and hold it to the window.
            """
        ),
        "materials": "porcelain, pale celadon glaze, snowy matt white glaze",
        "process": _md(
            """
            1. Throw forty cups in one session so they dry together.
            2. Trim the walls to about 2 mm once leather-hard.
            3. Dry upside down under a plastic tent for a week.
            4. Bisque slowly to 950°C and pull out the cracked ones.
            5. Glaze, wipe the feet clean and fire to 1280°C.
            6. Sort what's left: good, seconds, and the shelf.
            """
        ),
        "time_taken": "five weeks from throwing to sorting",
        "photos": [
            _photo("A wooden shelf crowded with cracked and slumped white porcelain cups", 200),
            _photo("A pale celadon cup held up to a window, glowing at the rim", 150),
        ],
        "days_ago": 34,
    },
    {
        "maker": "Marta Lindqvist Ceramics",
        "title": "Trimming until the cup glows",
        "body": _md(
            """
            Trimming is my favourite part of the day and the one I can't rush. A porcelain
            cup comes off the wheel with walls about four millimetres thick. It isn't ready
            until they're half that.

            I turn the cup upside down on the wheel, centre it by tapping, and hold it with
            three small lumps of soft clay. Then I shave it with a loop tool, slowly,
            stopping every few turns to hold it up to the window. When I can see the shadow
            of my finger through the wall, I'm close. When I can see the shape of my finger,
            I've gone too far.

            It is quiet work. The radio goes off. The curls of porcelain pile up on the wheel
            head like snow, and at the end of the day they go back into the reclaim bucket,
            so nothing is wasted but time.
            """
        ),
        "materials": "",
        "process": "",
        "time_taken": "",
        "photos": [
            _photo(
                "Thin white curls of trimmed porcelain on a wheel head around an upside-down cup",
                205,
            ),
        ],
        "days_ago": 1,
    },
    {
        "maker": "Tomasz Wróbel",
        "title": "Is this Bible worth saving? Usually yes, not always",
        "body": _md(
            """
            A family brought me a Bible last month that had spent some years in a damp
            cellar. The spine was gone, the boards hung by threads, and the first twenty
            pages had a brown tide-line of old water. On the flyleaf were the family's
            names and dates, back to 1893. That was why they came.

            I always promise to tell people honestly whether a book is worth saving, and
            sometimes the honest answer is: keep the pages that matter and let the rest go.
            This one was worth it. The paper was good rag paper that had simply been treated
            badly.

            Rebinding is mostly taking apart. I lift the text block out of its case, cut the
            old sewing, clean a century of animal glue from the folds, and mend every torn
            fold with thin Japanese tissue and wheat starch paste. That alone took two
            weeks. Then it is resewn on linen tapes, the way it was first sewn, with a new
            spine lining, a new leather back and the old boards put back on.

            I kept the old cover cloth wherever I could. It is faded and a little stained,
            and I think it should be. A book that looks brand new has lost its story.

            They came to the workshop in Kazimierz to collect it, and the grandmother found
            her own name on the flyleaf before she had even sat down.
            """
        ),
        "materials": (
            "wheat starch paste, Japanese kozo tissue, unbleached linen thread and tapes, "
            "goatskin for the spine, marbled endpapers"
        ),
        "process": _md(
            """
            1. Collate the text and note every damaged page.
            2. Remove the case, cut the old sewing and clean the folds.
            3. Mend tears and folds with kozo tissue and wheat starch paste; press
               overnight.
            4. Resew on linen tapes, round and back the spine, and line it.
            5. Reattach the old boards with a new goatskin spine, saving the old cloth.
            6. Leave it in the press for a week before handing it back.
            """
        ),
        "time_taken": "about five weeks, two of them mending pages",
        "photos": [
            _photo("An old Bible with a missing spine and loose boards on a workbench", 30),
            _photo("Sections of a book being resewn on a sewing frame with linen tapes", 35),
            _photo(
                "Handwritten family names and dates in faded ink on a yellowed flyleaf",
                45,
            ),
        ],
        "days_ago": 116,
    },
]
