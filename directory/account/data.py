"""The maker's data: take it all away (export), or delete the account.

Both stay open to a suspended maker: what they wrote is theirs.
"""

import io
import json
import zipfile

from flask import flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user, logout_user

from ..content.uploads import path_of
from ..models import CodeBatch, Event, KindWord, Link, Maker, Story
from ..writes import profiles as writes
from .blueprint import bp


def export_data(maker):
    """(everything the maker wrote as a dict, [(archive path, file path)] of photos)."""
    files = []

    def photo_entry(name, **extra):
        path = f"photos/{name}.jpg"
        files.append((path, path_of(name, "display")))  # the largest size kept
        return {"file": path, **extra}

    stories = Story.with_photos(Story.all_by(maker))
    batches = list(CodeBatch.of(maker))
    used = CodeBatch.used_counts([batch.id for batch in batches])
    data = {
        "profile": {
            "display_name": maker.display_name, "address": f"/makers/{maker.slug}",
            "email": maker.email, "tagline": maker.tagline, "about": maker.about_md,
            "crafts": maker.crafts, "place": maker.place, "commissions": maker.commissions,
            "joined": maker.created_at.isoformat(),
            "avatar": photo_entry(maker.avatar) if maker.avatar else None,
            "cover": photo_entry(maker.cover) if maker.cover else None,
        },
        "links": [{"kind": link.kind, "url": link.url, "label": link.label}
                  for link in Link.for_maker(maker)],
        "stories": [{
            "title": story.title, "body": story.body_md, "materials": story.materials,
            "techniques": story.process_md, "time_taken": story.time_taken,
            "status": story.status, "moderation": story.moderation,
            "created": story.created_at.isoformat(),
            "published": story.published_at.isoformat() if story.published_at else None,
            "photos": [photo_entry(photo.name, alt=photo.alt, author=photo.author,
                                   copyright=photo.copyright)
                       for photo in story.ordered_photos],
        } for story in stories],
        "kind_words": [{
            "author": kind_word.author, "text": kind_word.text,
            "from_customer": kind_word.from_customer, "met_at": kind_word.met_at,
            "approval": kind_word.approval, "moderation": kind_word.moderation,
            "left": kind_word.created_at.isoformat(),
        } for kind_word in KindWord.select().where(KindWord.maker == maker)
                                      .order_by(KindWord.id)],
        # The batches, not their codes: a code is for its customer.
        "customer_code_batches": [{
            "note": batch.note, "codes": batch.size,
            "used": used.get(batch.id, 0),
            "made": batch.created_at.isoformat(), "expires": batch.expires_at.isoformat(),
            "revoked": batch.revoked_at.isoformat() if batch.revoked_at else None,
        } for batch in batches],
        "events": [{
            "title": event.title, "kind": event.kind,
            "first_day": event.starts_on.isoformat(), "last_day": event.ends_on.isoformat(),
            "opens": event.start_time.isoformat() if event.start_time else None,
            "closes": event.end_time.isoformat() if event.end_time else None,
            "time_zone": event.time_zone, "venue": event.venue, "town": event.town,
            "link": event.link, "note": event.note, "status": event.status,
        } for event in Event.all_by(maker)],
    }
    return data, files


@bp.route("/export")
def export():
    """A zip of everything the maker wrote, with their photos."""
    maker = Maker.get_by_id(current_user.id)
    data, files = export_data(maker)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("maker.json", json.dumps(data, ensure_ascii=False, indent=2))
        for archive_path, path in files:
            if path.exists():
                archive.write(path, archive_path)
    buffer.seek(0)
    return send_file(buffer, mimetype="application/zip", as_attachment=True,
                     download_name=f"{maker.slug}-makers-directory.zip")


@bp.route("/delete", methods=["GET", "POST"])
def delete_account():
    """Ask for the password (GET), then delete the account and all in it (POST)."""
    maker = Maker.get_by_id(current_user.id)
    if request.method == "GET":
        return render_template("account/delete.html")
    if not maker.check_password(request.form.get("password", "")):
        return render_template("account/delete.html",
                               error="That is not your password. Nothing was deleted."), 422
    writes.delete_account(maker)
    logout_user()
    flash("Your account is deleted, with your profile, stories, photos, links, kind words, "
          "customer codes and events. "
          "Thank you for having been part of the directory.", "info")
    return redirect(url_for("public.home"), code=303)

