"""QR codes for the stall cards (segno: the only module that makes them).

Error correction level M survives a crease or a smudge on a printed card;
segno picks the smallest version that holds the address.
"""

import io

import segno


def qr_png(text, scale=8):
    """A PNG of a QR code of `text`, with the quiet zone scanners need."""
    buffer = io.BytesIO()
    segno.make_qr(text, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
