"""The stall cards: a page to print on A4 or US Letter whose QR codes a real
decoder (zbarimg, from Debian's zbar-tools) reads as the kind-word form's
address with the card's own code, which then works."""

import re
import shutil
import subprocess

import pytest

from directory.extensions import db
from directory.models import KindWord

ZBARIMG = shutil.which("zbarimg")
CARD = re.compile(r'<img class="stall-card-qr" src="([^"]+)"[^>]*>\s*'
                  r'<p class="stall-card-code">([0-9A-Z]{5}-[0-9A-Z]{5})</p>')


def decode(path):
    """What zbarimg reads in a PNG: the text of each QR code found."""
    result = subprocess.run(  # noqa: S603 (a fixed program on our own file)
        [ZBARIMG, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(path)],
        capture_output=True, text=True, timeout=30, check=False)
    return result.stdout.split()


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_each_cards_qr_code_decodes_to_its_own_form(app, owner, client, tmp_path, paper):
    assert ZBARIMG, "the test needs zbarimg: `make test` installs zbar-tools"
    response = client.post("/account/kind-words", data={"size": "6", "note": "Spring fair"})
    batch = response.headers["Location"].rsplit("-", 1)[1]
    sheet = client.get(f"/account/kind-words/batches/{batch}/cards?paper={paper}")
    html = sheet.get_data(as_text=True)
    assert f"card-sheet paper-{paper}" in html and "Ada Potter" in html
    cards = CARD.findall(html)
    assert len(cards) == 6
    for number, (src, code) in enumerate(cards, start=1):
        image = client.get(src)
        assert image.status_code == 200 and image.mimetype == "image/png"
        assert image.headers["Cache-Control"] == "private, no-store"
        path = tmp_path / f"card-{number}.png"
        path.write_bytes(image.data)
        assert decode(path) == [f"http://localhost/makers/ada-potter/kind-words/new?code={code}"]
    # The decoded address opens the form with the code filled in, and the code works.
    visitor = app.test_client()
    url = decode(tmp_path / "card-3.png")[0].removeprefix("http://localhost")
    form = visitor.get(url).get_data(as_text=True)
    assert f'value="{cards[2][1]}"' in form
    sent = visitor.post(url.split("?")[0], data={"author": "Jo", "text": "Lovely",
                                                 "code": cards[2][1]})
    assert sent.status_code == 303
    with app.app_context(), db.connection_context():
        assert KindWord.get().met_at == "Spring fair"


def test_cards_of_a_revoked_batch_are_not_offered(owner, client):
    client.post("/account/kind-words", data={"size": "2", "note": "Old fair"})
    client.post("/account/kind-words/batches/1/revoke")
    page = client.get("/account/kind-words").get_data(as_text=True)
    assert "revoked" in page and "Stall cards, A4" not in page
    assert client.get("/account/kind-words/batches/1/cards/3.png").status_code == 404


def test_the_sheet_prints_on_its_paper(app):
    css = (app.static_folder + "/css/site.css")
    with open(css) as sheet:
        text = sheet.read()
    assert "@page a4 { size: A4;" in text and "@page letter { size: letter;" in text
    assert ".paper-a4 { page: a4; }" in text and ".paper-letter { page: letter; }" in text
