"""Queries whose SQL is made once (directory/models/prepared.py): the same
rows as the query made afresh, for any number of ids, and a fallback when
the ids are not plain parameters."""

from directory.extensions import db
from directory.models import Link, Maker, load_backrefs, prepared
from directory.web.pagination import keyset_page, keyset_page_by


def test_rows_are_those_of_the_query_made_afresh(app, make_maker):
    makers = [make_maker(f"Maker {n}", links=[("shop", f"https://m{n}.example/a"),
                                              ("site", f"https://m{n}.example/b")])
              for n in range(3)]
    made = []

    def build(ids):
        made.append(list(ids))
        return Link.select().where(Link.maker.in_(ids)).order_by(Link.maker, Link.position)

    with app.app_context(), db.connection_context():
        for ids in ([makers[0].id], [makers[2].id, makers[1].id], [makers[1].id, makers[0].id]):
            found = prepared.rows("test-links", build, ids)
            expected = list(build(ids))
            assert [(row.id, row.url, row.maker_id) for row in found] == \
                [(row.id, row.url, row.maker_id) for row in expected]
            assert found and all(isinstance(row, Link) for row in found)
    # SQL made once per number of ids (with stand-ins), and once more per check above.
    stand_ins = [ids for ids in made if ids[0] < 0]
    assert [len(ids) for ids in stand_ins] == [1, 2]


def test_the_logged_in_maker_and_backrefs_come_through_it(app, make_maker):
    ada = make_maker("Ada Potter", crafts=["ceramics", "weaving"],
                     links=[("shop", "https://a.example")])
    with app.app_context(), db.connection_context():
        assert Maker.by_id(ada.id).email == "ada-potter@example.com"
        assert Maker.by_id(ada.id + 1000) is None
        loaded = load_backrefs([Maker.by_id(ada.id)], Link.maker)[0]
        assert [link.url for link in loaded.links] == ["https://a.example"]


def test_ids_that_are_not_plain_parameters_fall_back(app, make_maker):
    ada = make_maker("Ada Potter")
    bea = make_maker("Bea Weaver")
    seen = []

    def twice(ids):  # the id is used twice: its SQL cannot be reused by position
        seen.append(ids[0])
        return Maker.select().where((Maker.id == ids[0]) | (Maker.id == ids[0]))

    def moved(ids):  # the id is changed before it reaches the SQL
        seen.append(ids[0])
        return Maker.select().where(Maker.id >= ids[0] - 1).order_by(Maker.id).limit(1)

    with app.app_context(), db.connection_context():
        for person in (ada, bea):
            assert [m.id for m in prepared.rows("test-twice", twice, [person.id])] == [person.id]
        assert [m.id for m in prepared.rows("test-moved", moved, [bea.id])] == [ada.id]
    assert ada.id in seen and bea.id in seen  # made afresh with the real ids


def test_a_build_that_tidies_its_value_is_made_afresh(app, make_maker):
    make_maker("Ada Potter")
    make_maker("Bea Weaver")

    def by_slug(values):  # lower() changes the stand-in too, so this is never reused
        return Maker.select().where(Maker.slug == values[0].strip().lower())

    with app.app_context(), db.connection_context():
        for typed, slug in (("Ada-Potter ", "ada-potter"), ("BEA-WEAVER", "bea-weaver")):
            assert [m.slug for m in prepared.rows("test-tidy", by_slug, [typed])] == [slug]


def test_the_first_page_by_values_is_the_keyset_page(app, make_maker):
    for n in range(7):
        make_maker(f"Maker {n}", crafts=["ceramics"] if n % 2 else ["weaving"], place="Leeds")
    with app.app_context(), db.connection_context():
        for values in ({}, {"craft": "ceramics"}, {"craft": "weaving", "place": "leeds"},
                       {"craft": None, "place": ""}):
            made_once = keyset_page_by(Maker, Maker.browse, "", 2, **values)
            afresh = keyset_page(Maker, Maker.browse(**values), "", 2)
            assert [m.id for m in made_once[0]] == [m.id for m in afresh[0]] and made_once[0]
            assert made_once[1] == afresh[1] is not None
            later = keyset_page_by(Maker, Maker.browse, made_once[1], 2, **values)
            expected = keyset_page(Maker, Maker.browse(**values), made_once[1], 2)
            assert [m.id for m in later[0]] == [m.id for m in expected[0]] and later[0]
