"""Writing customer codes and kind words.

Using a code is one conditional UPDATE inside the transaction that saves the
kind word: of two people sending the same code at once, exactly one changes
the row, and the other's kind word is not saved with it.
"""

from datetime import timedelta

from ..extensions import db
from ..models import CodeBatch, CustomerCode, Generation, KindWord, Maker, utcnow
from ..safety import codes, decisions

MAX_BATCH = 200


class CodeRefused(Exception):
    """The code is unknown, used, expired, revoked or another maker's. (Which,
    nobody is told: every bad code gets the same answer.)"""


def make_batch(maker, size, note, days):
    """A batch of `size` new codes for the maker, usable for `days` days."""
    if not 1 <= size <= MAX_BATCH:
        raise ValueError(f"a batch holds 1 to {MAX_BATCH} codes")
    now = utcnow()
    with db.atomic():
        batch = CodeBatch.create(maker=maker, note=note, size=size, salt=codes.new_salt(),
                                 created_at=now, expires_at=now + timedelta(days=days))
        CustomerCode.insert_many([
            {"batch": batch.id, "maker": batch.maker_id, "number": number,
             "digest": codes.digest(codes.code_of(batch.salt, number))}
            for number in range(1, size + 1)
        ]).execute()
    return batch


def revoke_batch(batch):
    """No code of the batch works from now on (kind words already left stay)."""
    with db.atomic():
        CodeBatch.update(revoked_at=utcnow()).where(
            (CodeBatch.id == batch.id) & CodeBatch.revoked_at.is_null()).execute()


def use_code(maker, code, now=None):
    """Use a code once, for this maker: its batch, or CodeRefused. Call inside
    the transaction that saves what the code is used for."""
    digest = codes.digest(code)
    if digest is None:
        raise CodeRefused()
    now = now or utcnow()
    usable_batches = CodeBatch.select(CodeBatch.id).where(
        (CodeBatch.maker == maker) & CodeBatch.revoked_at.is_null()
        & (CodeBatch.expires_at > now))
    used = (CustomerCode.update(used_at=now)
            .where((CustomerCode.digest == digest) & (CustomerCode.maker == maker)
                   & CustomerCode.used_at.is_null() & CustomerCode.batch.in_(usable_batches))
            .execute())
    if used != 1:
        raise CodeRefused()
    return CodeBatch.select().join(CustomerCode).where(CustomerCode.digest == digest).get()


def leave_kind_word(maker, author, text, code=""):
    """Save a visitor's kind word for the maker's approval, in one transaction
    that uses the code (when one is given: CodeRefused, and nothing saved, if
    it does not work) and lets the spam rules read it."""
    with db.atomic():
        batch = use_code(maker, code) if code else None
        kind_word = KindWord.create(
            maker=maker, author=author, text=text, from_customer=batch is not None,
            met_at=batch.note if batch is not None else "", batch=batch)
        kind_word.maker = maker
        decisions.check_kind_word(kind_word)
    return kind_word


def decide(kind_word, approval):
    """The maker shares a kind word (APPROVED) or keeps it to themselves (PRIVATE)."""
    if approval not in (KindWord.APPROVED, KindWord.PRIVATE):
        raise ValueError(approval)
    with db.atomic():
        kind_word.approval, kind_word.decided_at = approval, utcnow()
        kind_word.save(only=("approval", "decided_at"))  # never a moderator's state
        Generation.changed(kind_word.maker_id)
    return kind_word


def set_kind_word_mail(maker, wanted):
    """Whether the maker is also told of a new kind word by email."""
    with db.atomic():
        Maker.update(kind_word_mail=bool(wanted)).where(Maker.id == maker.id).execute()
