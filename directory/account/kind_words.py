"""Kind words on the maker's side: customer codes in batches, the stall cards
to print, and the kind words waiting for the maker's approval."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..content.qr import qr_png
from ..extensions import limiter
from ..forms import BatchForm
from ..models import CodeBatch, KindWord
from ..safety import codes
from ..web.htmx import redirect_after_post, render
from ..web.navigation import public_url
from ..writes import kind_words as writes
from .blueprint import bp, per_maker

PAPERS = {"a4": "A4", "letter": "US Letter"}


def own_batch(batch_id):
    """The current maker's batch, or 404: another maker's is not found here."""
    batch = CodeBatch.get_or_none((CodeBatch.id == batch_id) & (CodeBatch.maker == current_user.id))
    if batch is None:
        abort(404)
    return batch


def own_kind_word(kind_word_id):
    """A kind word left for the current maker, or 404."""
    kind_word = KindWord.get_or_none((KindWord.id == kind_word_id)
                                     & (KindWord.maker == current_user.id))
    if kind_word is None:
        abort(404)
    return kind_word


def kind_words_page(form=None, status=200):
    """The page: kind words to approve, shared and kept, the batches, a new batch."""
    batches = list(CodeBatch.of(current_user.id))
    return render(
        "account/kind_words.html", "account/_kind_words.html", status,
        form=form or BatchForm(formdata=None),
        waiting=list(KindWord.left_for(current_user.id, KindWord.WAITING)),
        approved=list(KindWord.left_for(current_user.id, KindWord.APPROVED)),
        private=list(KindWord.left_for(current_user.id, KindWord.PRIVATE)),
        batches=batches,
        used=CodeBatch.used_counts([batch.id for batch in batches]),
        days=current_app.config["KIND_WORD_CODE_DAYS"],
    )


def batch_limit():
    return current_app.config["POSTING_LIMIT"]


@bp.route("/kind-words", methods=["GET", "POST"])
@limiter.limit(batch_limit, key_func=per_maker, methods=["POST"])
def kind_words():
    """The maker's kind words and customer codes; POST makes a batch of codes."""
    if request.method == "GET":
        return kind_words_page()
    form = BatchForm()
    if not form.validate_on_submit():
        return kind_words_page(form, 422)
    batch = writes.make_batch(current_user.id, form.size.data, form.note.data,
                              current_app.config["KIND_WORD_CODE_DAYS"])
    flash(f"{batch.size} new code{'s' if batch.size != 1 else ''} made. Print the stall cards "
          "and hand one to each customer.", "success")
    return redirect_after_post(url_for(".kind_words") + f"#batch-{batch.id}")


@bp.route("/kind-words/batches/<id:batch_id>/revoke", methods=["POST"])
def revoke_batch(batch_id):
    """Stop every code of a batch from working (kind words left with them stay)."""
    batch = own_batch(batch_id)
    writes.revoke_batch(batch)
    flash("Those codes no longer work. Kind words already left with them stay as they are.",
          "success")
    return redirect_after_post(url_for(".kind_words"))


def card_url(slug, code):
    """Where a card's QR code leads: the kind-word form with the code filled in."""
    return (public_url("kind_words.leave", slug=slug, code=code)
            or url_for("kind_words.leave", slug=slug, code=code, _external=True))


@bp.route("/kind-words/batches/<id:batch_id>/cards")
def stall_cards(batch_id):
    """The batch's stall cards as a page to print, on A4 or US Letter (?paper=letter)."""
    batch = own_batch(batch_id)
    paper = request.args.get("paper", "a4")
    if paper not in PAPERS:
        paper = "a4"
    cards = [{"number": number, "code": codes.code_of(batch.salt, number),
              "qr": url_for(".card_qr", batch_id=batch.id, number=number)}
             for number in range(1, batch.size + 1)]
    return render_template("account/stall_cards.html", batch=batch, cards=cards, paper=paper,
                           papers=PAPERS, form_url=url_for("kind_words.leave",
                                                           slug=current_user.slug,
                                                           _external=True))


@bp.route("/kind-words/batches/<id:batch_id>/cards/<int:number>.png")
def card_qr(batch_id, number):
    """One card's QR code: the address of the kind-word form with its code."""
    batch = own_batch(batch_id)
    if not 1 <= number <= batch.size:
        abort(404)
    png = qr_png(card_url(current_user.slug, codes.code_of(batch.salt, number)))
    response = current_app.response_class(png, mimetype="image/png")
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/kind-words/<id:kind_word_id>/decide", methods=["POST"])
def decide_kind_word(kind_word_id):
    """Share a kind word on the profile, or keep it to yourself."""
    kind_word = own_kind_word(kind_word_id)
    choice = request.form.get("choice")
    approval = {"share": KindWord.APPROVED, "keep": KindWord.PRIVATE}.get(choice)
    if approval is None:
        abort(400)
    writes.decide(kind_word, approval)
    flash(f"{kind_word.author}'s kind word is on your profile now." if choice == "share"
          else f"{kind_word.author}'s kind word is kept to yourself: visitors do not see it.",
          "success")
    return redirect_after_post(url_for(".kind_words"))


@bp.route("/kind-words/mail", methods=["POST"])
def kind_word_mail():
    """Whether to be told of a new kind word by email too."""
    wanted = request.form.get("mail") == "on"
    writes.set_kind_word_mail(current_user, wanted)
    flash("We will email you when someone leaves a kind word." if wanted
          else "No emails about kind words: you will see them here.", "success")
    return redirect(url_for(".kind_words"), code=303)
