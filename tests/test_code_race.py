"""Two people send the same customer code at the same moment, to a real
gunicorn with two workers on one SQLite file: exactly one kind word is marked
"from a customer", the other person is told the code did not work, and
nothing fails."""

import re
import sqlite3
import threading

from tests.live_server import Browser, LiveServer, MailSink, inputs_of, signup

CODE = re.compile(r'stall-card-code">([0-9A-Z]{5}-[0-9A-Z]{5})<')
ROUNDS = 6


def send_at_once(server, slug, code):
    """Two visitors load the form, then post it with the same code together."""
    path = f"/makers/{slug}/kind-words/new"
    visitors = [Browser(server.url) for _ in range(2)]
    forms = []
    for browser in visitors:
        page = browser.get(path)
        assert page.status == 200
        hidden = inputs_of(page.text)
        forms.append({"csrf_token": hidden["csrf_token"], "started": hidden["started"],
                      "author": "Jo", "text": "A lovely bowl.", "code": code, "website": ""})
    ready = threading.Barrier(2)
    results = [None, None]

    def send(n):
        ready.wait()
        results[n] = visitors[n].request(path, forms[n])

    threads = [threading.Thread(target=send, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_concurrent_uses_of_one_code_exactly_one_succeeds(tmp_path):
    with MailSink() as mail:
        server = LiveServer(tmp_path, mail.port, workers=2)
        server.flask("init-db")
        server.start()
        try:
            maker = Browser(server.url)
            assert signup(maker, "potter@example.com", "Ada Potter").status == 303
            made = maker.submit("/account/kind-words",
                                {"size": str(ROUNDS), "note": "Hebden fair"})
            assert made.status == 303, made.text[:500]
            batch = made.location.rsplit("-", 1)[1]
            codes = CODE.findall(maker.get(f"/account/kind-words/batches/{batch}/cards").text)
            assert len(codes) == ROUNDS
            for code in codes:
                first, second = send_at_once(server, "ada-potter", code)
                statuses = sorted([first.status, second.status])
                assert statuses == [303, 422], statuses
                refused = first if first.status == 422 else second
                assert "That code did not work" in refused.text
        finally:
            server.stop()
        assert not server.log_errors(), server.log_errors()
    with sqlite3.connect(server.db_path) as connection:
        rows = connection.execute(
            "SELECT COUNT(*), SUM(from_customer) FROM kind_word").fetchone()
        used = connection.execute(
            "SELECT COUNT(*) FROM customer_code WHERE used_at IS NOT NULL").fetchone()[0]
    connection.close()
    assert rows == (ROUNDS, ROUNDS)
    assert used == ROUNDS
