"""Queries whose SQL is made once (directory/models/prepared.py): the same
rows as the query made afresh, for any number of ids, and a fallback when
the ids are not plain parameters."""

from directory.extensions import db
from directory.models import Link, Maker, load_backrefs, prepared


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
    ada = make_maker("Ada Potter", crafts=["ceramics", "weaving"], links=[("shop", "https://a.example")])
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
